import Foundation
import FrontlineControl
import FrontlineGeo
import SwiftProtobuf

/// Cuts one Mapbox Vector Tile 2.1 from a `VectorWorld`: each feature near the tile clipped
/// (GEOS) to the tile with a buffer, simplified to the tile's grid (one unit of 4096), on the
/// 4096 grid, exterior rings clockwise and holes counterclockwise in tile coordinates (y down),
/// rings that collapse on the grid left out; encoded with swift-protobuf.
/// GEOS geometries belong to one thread: an encoder is made per thread.
public final class MVTEncoder {
    public static let extent: UInt32 = 4096
    /// Grid units of geometry kept beyond each edge, so lines and fills meet across tiles.
    public static let buffer = 64.0

    let world: VectorWorld
    /// Per layer, per feature, the GEOS geometry (nil for points), built once per thread.
    private var geometries: [[Geometry?]]

    public init(world: VectorWorld) throws {
        self.world = world
        geometries = try world.layers.map { layer in
            try layer.features.map { f -> Geometry? in
                switch f.shape {
                case .polygons(let p): return try Geometry.multiPolygon(coordinates: p)
                case .lines(let l): return try Geometry.multiLineString(l.map { try Geometry.lineString($0) })
                case .point: return nil
                }
            }
        }
    }

    /// The tile's protobuf bytes (uncompressed), or nil when no layer has a feature in it.
    public func encode(_ tile: TileCoord) throws -> Data? {
        let b = tile.mercatorBounds
        let unit = tile.span / Double(MVTEncoder.extent)
        let clip = b.expanded(by: MVTEncoder.buffer * unit)
        var out = VectorTile_Tile()
        for (li, layer) in world.layers.enumerated() {
            var l = VectorTile_Tile.Layer()
            l.version = 2
            l.name = layer.name
            l.extent = MVTEncoder.extent
            var keys = LookupTable<String>(), values = LookupTable<ValueKey>()
            for (fi, f) in layer.features.enumerated() where f.minZoom <= tile.z && f.box.intersects(clip) {
                guard let (type, commands) = try geometry(f, geometries[li][fi], clip: clip, tile: b, unit: unit) else { continue }
                var feature = VectorTile_Tile.Feature()
                feature.id = UInt64(fi + 1)
                feature.type = type
                feature.geometry = commands
                for (k, v) in f.attributes {
                    guard let key = ValueKey(v) else { continue }
                    feature.tags += [keys.index(k), values.index(key)]
                }
                l.features.append(feature)
            }
            guard !l.features.isEmpty else { continue }
            l.keys = keys.items
            l.values = values.items.map(\.value)
            out.layers.append(l)
        }
        guard !out.layers.isEmpty else { return nil }
        return try out.serializedBytes()
    }

    private func geometry(_ f: VectorWorld.Feature, _ g: Geometry?, clip: Envelope, tile: Envelope, unit: Double)
        throws -> (VectorTile_Tile.GeomType, [UInt32])? {
        func grid(_ p: Position) -> (Int32, Int32) {
            (Int32(((p.x - tile.minX) / unit).rounded()), Int32(((tile.maxY - p.y) / unit).rounded()))
        }
        switch f.shape {
        case .point(let p):
            guard clip.contains(p) else { return nil }
            var c = MVTCommands()
            c.points([grid(p)])
            return (.point, c.out)
        case .lines:
            let cut = try g!.clipped(to: clip)
            guard !cut.isEmpty else { return nil }
            var c = MVTCommands()
            for line in try cut.simplified(tolerance: unit).lines { c.line(line.map(grid)) }
            return c.out.isEmpty ? nil : (.linestring, c.out)
        case .polygons:
            let cut = try g!.clipped(to: clip)
            guard !cut.isEmpty else { return nil }
            var c = MVTCommands()
            for polygon in try cut.simplified(tolerance: unit).polygons { c.polygon(polygon.map { $0.map(grid) }) }
            return c.out.isEmpty ? nil : (.polygon, c.out)
        }
    }
}

/// A layer's keys or values, each stored once, by first use.
struct LookupTable<T: Hashable> {
    private(set) var items: [T] = []
    private var index: [T: UInt32] = [:]
    mutating func index(_ v: T) -> UInt32 {
        if let i = index[v] { return i }
        let i = UInt32(items.count)
        items.append(v)
        index[v] = i
        return i
    }
}

/// An attribute value as MVT stores it, hashable so equal values share one entry.
struct ValueKey: Hashable {
    let value: VectorTile_Tile.Value
    init?(_ v: ExportLayer.Value) {
        var out = VectorTile_Tile.Value()
        switch v {
        case .text(let s): out.stringValue = s
        case .integer(let i): out.intValue = Int64(i)
        case .real(let d): out.doubleValue = (d * 1000).rounded() / 1000
        case .null: return nil
        }
        value = out
    }
    static func == (a: ValueKey, b: ValueKey) -> Bool { a.value == b.value }
    func hash(into h: inout Hasher) { h.combine(value.hashValue) }
}

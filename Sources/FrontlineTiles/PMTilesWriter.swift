import Foundation
import FrontlineGeo
import FrontlineSupport

/// Writes a PMTiles v3 archive (one file, served from static hosting by HTTP range requests):
/// the 127-byte header, a gzipped root directory, gzipped JSON metadata, leaf directories when
/// the root would pass 16 KiB, and the tile data. Tiles are ordered by Hilbert tile ID
/// (clustered); identical tiles (the sea, empty land) are stored once and runs of them are one
/// directory entry. The archive is built in memory and written whole by `finish`.
public final class PMTilesWriter: TileSink {
    public let target: URL
    private var tiles: [UInt64: Data] = [:]
    /// What the archive holds: PNG raster tiles or MVT vector tiles (gzipped).
    public enum Kind: Sendable { case png, mvt }
    public let kind: Kind

    public init(target: URL, kind: Kind = .png) throws {
        self.target = try AtomicFile.checkTarget(target)
        AtomicFile.removeAbandoned(for: self.target)
        self.kind = kind
    }

    public func write(_ tile: TileCoord, _ data: Data) throws {
        tiles[PMTiles.tileID(z: tile.z, x: tile.x, y: tile.y)] = data
    }

    public func discard() { tiles = [:] }

    public func finish(metadata: TileMetadata) throws {
        try AtomicFile.write(try archive(metadata), to: target)
    }

    /// The archive's bytes.
    func archive(_ metadata: TileMetadata) throws -> Data {
        // Tile data in tile-ID order, each distinct content once.
        var data = Data(), offsets: [Data: (offset: UInt64, length: UInt32)] = [:]
        var entries: [PMTiles.Entry] = []
        for id in tiles.keys.sorted() {
            let bytes = tiles[id]!
            let place: (offset: UInt64, length: UInt32)
            if let seen = offsets[bytes] { place = seen } else {
                place = (UInt64(data.count), UInt32(bytes.count))
                offsets[bytes] = place
                data.append(bytes)
            }
            // A run: the next tile ID with the same content extends the previous entry.
            if let last = entries.last, last.tileID + UInt64(last.runLength) == id, last.offset == place.offset, last.length == place.length {
                entries[entries.count - 1].runLength += 1
            } else {
                entries.append(PMTiles.Entry(tileID: id, offset: place.offset, length: place.length, runLength: 1))
            }
        }
        let (root, leaves) = try PMTiles.directories(entries)
        let meta = try Gzip.compress(Data(metadataJSON(metadata).utf8))
        var h = PMTiles.Header()
        h.rootOffset = 127
        h.rootLength = UInt64(root.count)
        h.metadataOffset = h.rootOffset + h.rootLength
        h.metadataLength = UInt64(meta.count)
        h.leafOffset = h.metadataOffset + h.metadataLength
        h.leafLength = UInt64(leaves.count)
        h.dataOffset = h.leafOffset + h.leafLength
        h.dataLength = UInt64(data.count)
        h.addressedTiles = UInt64(tiles.count)
        h.tileEntries = UInt64(entries.count)
        h.tileContents = UInt64(offsets.count)
        h.tileCompression = kind == .mvt ? 2 : 1
        h.tileType = kind == .mvt ? 1 : 2
        h.minZoom = UInt8(metadata.minZoom)
        h.maxZoom = UInt8(metadata.maxZoom)
        h.bounds = metadata.bounds
        return h.bytes() + root + meta + leaves + data
    }

    private func metadataJSON(_ m: TileMetadata) -> String {
        var members: [(String, JSONOut)] = [
            ("name", .string(m.name)), ("description", .string(m.description)), ("attribution", .string(m.attribution)),
            ("type", .string(m.overlay ? "overlay" : "baselayer")), ("format", .string(kind == .mvt ? "pbf" : "png")),
            ("minzoom", .int(m.minZoom)), ("maxzoom", .int(m.maxZoom)), ("version", .string("3"))]
        // The spec asks vector archives for their layers, as TileJSON lists them.
        if kind == .mvt { members.append(("vector_layers", m.vectorLayersList)) }
        return JSONOut.object(members).text
    }

    /// Joins archives of the same kind into one (later inputs win where tiles overlap), as
    /// `MBTilesWriter.merge` does for MBTiles: zooms and bounds span the inputs, the rest of
    /// the metadata is the first input's. Nothing is written unless every input reads whole.
    public static func merge(_ inputs: [URL], into target: URL) throws {
        guard let first = inputs.first else { throw FrontlineError.usage("nothing to merge") }
        let archives = try inputs.map { try PMTilesArchive(contentsOf: $0) }
        let kind = archives[0].kind
        if let other = zip(inputs, archives).first(where: { $0.1.kind != kind }) {
            throw FrontlineError.badData("\(other.0.lastPathComponent) holds \(other.1.kind) tiles and \(first.lastPathComponent) \(kind) tiles: merge archives of one kind")
        }
        let writer = try PMTilesWriter(target: target, kind: kind)
        for a in archives { writer.tiles.merge(a.tiles) { _, later in later } }
        let m0 = archives[0].metadata
        var md = TileMetadata(name: m0["name"]?.stringValue ?? "frontline", description: m0["description"]?.stringValue ?? "",
                              attribution: m0["attribution"]?.stringValue ?? "",
                              bounds: archives.dropFirst().reduce(archives[0].bounds) { $0.union($1.bounds) },
                              minZoom: archives.map(\.minZoom).min()!, maxZoom: archives.map(\.maxZoom).max()!,
                              overlay: m0["type"]?.stringValue == "overlay")
        md.format = kind == .mvt ? "pbf" : "png"
        md.vectorLayers = archives[0].vectorLayers
        try writer.finish(metadata: md)
    }
}

/// The parts of the PMTiles v3 format (github.com/protomaps/PMTiles, spec v3).
enum PMTiles {
    /// z, x, y → the tile's position on the Hilbert curves of all zooms in turn.
    static func tileID(z: Int, x: Int, y: Int) -> UInt64 {
        var acc = ((UInt64(1) << (2 * UInt64(z))) - 1) / 3  // tiles of the lower zooms
        let n = Int64(1) << Int64(z)
        var (tx, ty) = (Int64(x), Int64(y))
        var s = n / 2
        while s > 0 {
            let rx: Int64 = (tx & s) > 0 ? 1 : 0, ry: Int64 = (ty & s) > 0 ? 1 : 0
            acc += UInt64(s) * UInt64(s) * UInt64((3 * rx) ^ ry)
            if ry == 0 {
                if rx == 1 { (tx, ty) = (n - 1 - tx, n - 1 - ty) }
                (tx, ty) = (ty, tx)
            }
            s /= 2
        }
        return acc
    }

    struct Entry: Equatable {
        var tileID: UInt64
        var offset: UInt64
        var length: UInt32
        /// 0 for an entry that points to a leaf directory.
        var runLength: UInt32
    }

    /// Entries as the spec stores them: count, then delta-coded IDs, run lengths, lengths and
    /// offsets (0 for "right after the previous entry's data", else offset + 1), all varints.
    static func serialize(_ entries: [Entry]) -> Data {
        var out = Data()
        varint(UInt64(entries.count), &out)
        var last: UInt64 = 0
        for e in entries { varint(e.tileID - last, &out); last = e.tileID }
        for e in entries { varint(UInt64(e.runLength), &out) }
        for e in entries { varint(UInt64(e.length), &out) }
        for (i, e) in entries.enumerated() {
            if i > 0, e.offset == entries[i - 1].offset + UInt64(entries[i - 1].length) { varint(0, &out) } else { varint(e.offset + 1, &out) }
        }
        return out
    }

    static func varint(_ v: UInt64, _ out: inout Data) {
        var v = v
        while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        out.append(UInt8(v))
    }

    /// The root directory must fit in the first 16 KiB with the header; past that the entries
    /// go to leaf directories (ever larger leaves until the root of leaf pointers fits).
    static func directories(_ entries: [Entry]) throws -> (root: Data, leaves: Data) {
        let limit = 16_384 - 127
        let whole = try Gzip.compress(serialize(entries))
        if whole.count <= limit { return (whole, Data()) }
        var leafSize = 4096
        while true {
            var pointers: [Entry] = [], leaves = Data()
            for start in stride(from: 0, to: entries.count, by: leafSize) {
                let leaf = try Gzip.compress(serialize(Array(entries[start..<min(entries.count, start + leafSize)])))
                pointers.append(Entry(tileID: entries[start].tileID, offset: UInt64(leaves.count), length: UInt32(leaf.count), runLength: 0))
                leaves.append(leaf)
            }
            let root = try Gzip.compress(serialize(pointers))
            if root.count <= limit { return (root, leaves) }
            leafSize *= 2
        }
    }

    struct Header {
        var rootOffset: UInt64 = 0, rootLength: UInt64 = 0, metadataOffset: UInt64 = 0, metadataLength: UInt64 = 0
        var leafOffset: UInt64 = 0, leafLength: UInt64 = 0, dataOffset: UInt64 = 0, dataLength: UInt64 = 0
        var addressedTiles: UInt64 = 0, tileEntries: UInt64 = 0, tileContents: UInt64 = 0
        var tileCompression: UInt8 = 1, tileType: UInt8 = 2, minZoom: UInt8 = 0, maxZoom: UInt8 = 0
        var bounds = Envelope(minX: -180, minY: -85, maxX: 180, maxY: 85)

        func bytes() -> Data {
            var out = Data("PMTiles".utf8)
            out.append(3)
            for v in [rootOffset, rootLength, metadataOffset, metadataLength, leafOffset, leafLength, dataOffset, dataLength,
                      addressedTiles, tileEntries, tileContents] {
                withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
            }
            // Clustered; directories gzipped; then the tiles' compression and type, zooms, bounds, centre.
            out.append(contentsOf: [1, 2, tileCompression, tileType, minZoom, maxZoom])
            func e7(_ v: Double) { withUnsafeBytes(of: Int32((v * 1e7).rounded()).littleEndian) { out.append(contentsOf: $0) } }
            e7(bounds.minX); e7(bounds.minY); e7(bounds.maxX); e7(bounds.maxY)
            out.append(UInt8((Int(minZoom) + Int(maxZoom)) / 2))
            e7(bounds.center.x); e7(bounds.center.y)
            precondition(out.count == 127)
            return out
        }
    }
}

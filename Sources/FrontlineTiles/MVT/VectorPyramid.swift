import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// A pyramid of vector tiles over an extent: cut on `jobs` threads (each with its own GEOS
/// geometries of the world), gzipped for archives (MBTiles and PMTiles hold gzipped MVT by
/// convention), written in a fixed order. Tiles with no feature are not written.
public struct VectorPyramid {
    public static let zoomLimit = 0...16
    public var extent: Envelope
    public var zooms: ClosedRange<Int>
    public var jobs: Int
    public var gzip: Bool

    public init(extent: Envelope, zooms: ClosedRange<Int>, gzip: Bool, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        (self.extent, self.zooms, self.gzip, self.jobs) = (extent, zooms, gzip, jobs)
    }

    @discardableResult
    public func render(_ world: VectorWorld, to sink: TileSink, metadata: TileMetadata,
                       progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) throws -> Int {
        guard VectorPyramid.zoomLimit.contains(zooms.lowerBound), VectorPyramid.zoomLimit.contains(zooms.upperBound) else {
            throw FrontlineError.usage("vector tiles go from zoom 0 to 16, not \(zooms.lowerBound)-\(zooms.upperBound)")
        }
        let todo = zooms.flatMap { TileCoord.covering(extent, zoom: $0) }
        let cursor = Locked(0), done = Locked(0), gzip = self.gzip
        let encoded = try Parallel.map(max(1, min(jobs, todo.count))) { _ -> [(Int, Data)] in
            let encoder = try MVTEncoder(world: world)
            var mine: [(Int, Data)] = []
            while true {
                let i = cursor.update { n -> Int in defer { n += 1 }; return n }
                guard i < todo.count else { return mine }
                if let pbf = try encoder.encode(todo[i]) { mine.append((i, gzip ? try VectorPyramid.gzip(pbf) : pbf)) }
                done.update { n in n += 1; progress(n, todo.count) }
            }
        }
        var written = 0
        for (i, data) in encoded.joined().sorted(by: { $0.0 < $1.0 }) {
            try sink.write(todo[i], data)
            written += 1
        }
        try sink.finish(metadata: self.metadata(metadata, world))
        return written
    }

    /// A tile as archives and HTTP clients take it.
    public static func gzip(_ pbf: Data) throws -> Data { try Gzip.compress(pbf, level: 6) }

    /// The metadata of vector tiles: format pbf and the layers with their fields.
    public func metadata(_ metadata: TileMetadata, _ world: VectorWorld) -> TileMetadata {
        var m = metadata
        m.format = "pbf"
        m.vectorLayers = world.layers.map { l in
            (l.name, l.fields.map { f in (f.0, f.1 == .text ? "String" : "Number") })
        }
        return m
    }
}

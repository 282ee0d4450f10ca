import Foundation
import FrontlineGeo
import FrontlineSupport

/// What draws the raster tiles of a pyramid: the CLI hands Render's tile renderer over in
/// this shape, so Tiles knows tiles, not how they are painted.
public protocol RasterTileSource: Sendable {
    /// False for a tile with nothing in it (asked only when the pyramid skips empty tiles).
    func hasData(_ tile: TileCoord) -> Bool
    /// The tile's image bytes.
    func image(_ tile: TileCoord) throws -> Data
}

/// A pyramid of tiles over an extent and zoom range, rendered on `jobs` threads and written
/// to a sink in a fixed order. `shard` i/n takes every n-th tile (from the i-th), so n
/// machines can split a pyramid and their MBTiles be merged. Overlay tiles with nothing in
/// them are skipped (a client shows nothing where a tile is missing); full-style tiles are
/// all written.
public struct TilePyramid {
    public var extent: Envelope
    public var zooms: ClosedRange<Int>
    public var skipEmpty: Bool
    public var shard: (index: Int, count: Int)
    public var jobs: Int

    public init(extent: Envelope, zooms: ClosedRange<Int>, skipEmpty: Bool = false,
                shard: (index: Int, count: Int) = (0, 1), jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.extent = extent
        self.zooms = zooms
        self.skipEmpty = skipEmpty
        self.shard = shard
        self.jobs = jobs
    }

    /// The tiles this shard renders, in order.
    public var tiles: [TileCoord] {
        let all = zooms.flatMap { TileCoord.covering(extent, zoom: $0) }
        return all.enumerated().filter { $0.offset % shard.count == shard.index }.map(\.element)
    }

    /// Renders and writes; returns the number of tiles written. `progress` gets (done, total).
    @discardableResult
    public func render(with source: some RasterTileSource, to sink: TileSink, metadata: TileMetadata,
                       progress: @escaping (Int, Int) -> Void = { _, _ in }) throws -> Int {
        let todo = tiles.filter { !skipEmpty || source.hasData($0) }
        var written = 0
        // Batches keep memory bounded; within a batch tiles render in parallel.
        let batch = max(jobs * 8, 16)
        for start in stride(from: 0, to: todo.count, by: batch) {
            let part = Array(todo[start..<min(todo.count, start + batch)])
            // Each thread takes the next tile until none is left (tiles cost very different times).
            let cursor = Locked(0)
            let rendered = try Parallel.map(max(1, min(jobs, part.count))) { _ -> [(Int, Data)] in
                var mine: [(Int, Data)] = []
                while true {
                    let i = cursor.update { n -> Int in defer { n += 1 }; return n }
                    guard i < part.count else { return mine }
                    mine.append((i, try source.image(part[i])))
                }
            }
            var results = [Data?](repeating: nil, count: part.count)
            for (i, png) in rendered.joined() { results[i] = png }
            for (tile, png) in zip(part, results) {
                try sink.write(tile, png!)
                written += 1
                progress(written, todo.count)
            }
        }
        try sink.finish(metadata: metadata)
        return written
    }
}

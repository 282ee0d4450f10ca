import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineRender
import FrontlineTiles

/// One date's pyramid, raster or vector, into a sink: what `tiles render` and `tiles series`
/// share. The sink is finished by the pyramid; on error the caller discards it.
struct TileJob {
    let dataset: Dataset
    let date: DayDate
    let source: String?
    let extent: Envelope
    let zooms: ClosedRange<Int>
    let jobs: Int

    /// Raster tiles; returns the count and the snapshot drawn.
    func raster(overlay: Bool, scale: Int, shard: (index: Int, count: Int), to sink: TileSink,
                progress: @escaping @Sendable (Int, Int) -> Void) throws -> (count: Int, state: ControlState) {
        let renderer = try TileRenderer(dataset: dataset, date: date, source: source)
        Console.noteSnapshot(renderer.state)
        let pyramid = TilePyramid(extent: extent, zooms: zooms, skipEmpty: overlay, shard: shard, jobs: jobs)
        let metadata = TileMetadata(
            name: "Frontline \(dataset.info.title) \(date)\(overlay ? " overlay" : "")",
            description: "Territorial control on \(date) (snapshot \(renderer.state.source) \(renderer.state.snapshotDate))",
            attribution: dataset.attribution(for: [renderer.state.source]).joined(separator: " · "),
            bounds: pyramid.extent, minZoom: zooms.lowerBound, maxZoom: zooms.upperBound, overlay: overlay)
        let tiles = RasterTiles(renderer: renderer, style: overlay ? .overlay : .full, scale: scale)
        return (try pyramid.render(with: tiles, to: sink, metadata: metadata, progress: progress), renderer.state)
    }

    /// Vector tiles (gzipped for archives); returns the count and the metadata with the layers.
    func vector(gzip: Bool, dropping: Set<String> = [], to sink: TileSink,
                progress: @escaping @Sendable (Int, Int) -> Void) throws -> (count: Int, metadata: TileMetadata) {
        let world = try VectorWorld(dataset: dataset, date: date, source: source, dropping: dropping)
        let metadata = TileMetadata(
            name: "Frontline \(dataset.info.title) \(date) vector",
            description: "Territorial control on \(date) (snapshot \(world.snapshot.source) \(world.snapshot.date))",
            attribution: dataset.attribution(for: [world.snapshot.source]).joined(separator: " · "),
            bounds: extent, minZoom: zooms.lowerBound, maxZoom: zooms.upperBound, overlay: false)
        let pyramid = VectorPyramid(extent: extent, zooms: zooms, gzip: gzip, jobs: jobs)
        let n = try pyramid.render(world, to: sink, metadata: metadata, progress: progress)
        return (n, pyramid.metadata(metadata, world))
    }
}

/// Render's tile renderer in the shape a pyramid draws from.
struct RasterTiles: RasterTileSource {
    let renderer: TileRenderer
    let style: TileRenderer.Style
    let scale: Int

    func hasData(_ tile: TileCoord) -> Bool { style == .full || renderer.overlayHasData(tile) }
    func image(_ tile: TileCoord) throws -> Data { try renderer.png(tile: tile, style: style, scale: scale) }
}

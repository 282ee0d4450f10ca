import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport
import FrontlineTiles

/// Vector tiles for the server: a `VectorWorld` per snapshot and its `MVTEncoder` (GEOS
/// geometries), the last few kept. Used only inside the render worker's serial queue, which
/// is what makes the unchecked sendability sound: one job at a time touches the encoders.
final class VectorTileService: @unchecked Sendable {
    private var encoders: [String: (world: VectorWorld, encoder: MVTEncoder)] = [:]
    private var order: [String] = []
    private static let capacity = 4

    /// On the worker: the world and encoder of the snapshot standing for `date`.
    func world(_ dataset: Dataset, _ ref: SnapshotRef, date: DayDate) throws -> (world: VectorWorld, encoder: MVTEncoder) {
        let key = "\(ref.source)/\(ref.date)"
        if let hit = encoders[key] { return hit }
        let world = try VectorWorld(dataset: dataset, date: ref.date, source: ref.source)
        let made = (world, try MVTEncoder(world: world))
        encoders[key] = made
        order.append(key)
        if order.count > VectorTileService.capacity { encoders[order.removeFirst()] = nil }
        return made
    }

    /// The metadata TileJSON and the style describe: the dataset's extent, zooms 0-16, layers.
    static func metadata(_ dataset: Dataset, _ world: VectorWorld) -> TileMetadata {
        var m = TileMetadata(name: "Frontline \(dataset.info.title) \(world.date) vector",
                             description: "Territorial control on \(world.date) (snapshot \(world.snapshot.source) \(world.snapshot.date))",
                             attribution: dataset.attribution(for: [world.snapshot.source]).joined(separator: " · "),
                             bounds: dataset.info.extentEnvelope,
                             minZoom: 0, maxZoom: 16, overlay: false)
        m = VectorPyramid(extent: m.bounds, zooms: 0...16, gzip: true).metadata(m, world)
        return m
    }
}

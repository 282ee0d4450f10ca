import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineRender
import FrontlineSupport

/// The server's access to the dataset: everything that measures runs on the render worker;
/// tile worlds (one per snapshot) are kept for the next tiles of the same date.
final class MapService: Sendable {
    let dataset: Dataset
    let worker = RenderWorker()
    private let worlds = WorldCache()
    private let renderers = Locked<(maps: MapRenderer, diffs: DiffRenderer)?>(nil)

    /// One map and one diff renderer for the server's life (their base layers are read once);
    /// used only on the render worker.
    func renderersOnWorker() -> (maps: MapRenderer, diffs: DiffRenderer) {
        renderers.update { r in
            if let r { return r }
            let made = (MapRenderer(dataset: dataset), DiffRenderer(dataset: dataset))
            r = made
            return made
        }
    }

    init(dataset: Dataset) { self.dataset = dataset }

    /// The snapshot standing for a date, or the HTTP error for a date before the data.
    func match(_ date: DayDate, source: String? = nil) throws -> Timeline.Match {
        do { return try dataset.timeline.snapshot(asOf: date, source: source) } catch { throw RequestParsing.http(error) }
    }

    /// The tile world of a date's snapshot: measured once, whatever the number of requests
    /// that ask for it at the same time.
    func tileRenderer(_ date: DayDate) async throws -> TileRenderer {
        let ref = try match(date).ref
        let dataset = self.dataset, worker = self.worker
        return try await worlds.value("\(ref.source)/\(ref.date)") {
            try await worker.run { try TileRenderer(dataset: dataset, date: ref.date, source: ref.source) }
        }
    }

    func run<T: Sendable>(_ body: @escaping @Sendable (Dataset) throws -> T) async throws -> T {
        let dataset = self.dataset
        do { return try await worker.run { try body(dataset) } } catch { throw RequestParsing.http(error) }
    }
}


/// Tile worlds by snapshot, the last few kept; one build per snapshot however many wait.
actor WorldCache {
    private var ready: [String: TileRenderer] = [:]
    private var order: [String] = []
    private var building: [String: Task<TileRenderer, Error>] = [:]
    private static let capacity = 6

    func value(_ key: String, make: @escaping @Sendable () async throws -> TileRenderer) async throws -> TileRenderer {
        if let r = ready[key] { return r }
        if let t = building[key] { return try await t.value }
        let task = Task { try await make() }
        building[key] = task
        defer { building[key] = nil }
        let r = try await task.value
        ready[key] = r
        order.append(key)
        if order.count > WorldCache.capacity { ready[order.removeFirst()] = nil }
        return r
    }
}

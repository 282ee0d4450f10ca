import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineRender
import FrontlineSupport

/// The server's access to the dataset: everything that measures runs on the render worker;
/// tile worlds (one per snapshot) are kept for the next tiles of the same date.
final class MapService: Sendable {
    let dataset: Dataset
    /// The base layers and outlines every picture shares, read once for the server's life.
    let context: MapContext
    let worker = RenderWorker()
    private let worlds = WorldCache()
    /// The dataset's places, read once: `/places` looks names up in it.
    let gazetteer: Gazetteer

    init(dataset: Dataset) throws {
        self.dataset = dataset
        context = try MapContext(dataset: dataset)
        gazetteer = try Gazetteer.load(folder: dataset.folder)
    }

    var maps: MapRenderer { MapRenderer(context: context) }
    var diffs: DiffRenderer { DiffRenderer(context: context) }

    /// The snapshot standing for a date, or the HTTP error for a date before the data.
    func match(_ date: DayDate, source: String? = nil) throws -> Timeline.Match {
        do { return try dataset.timeline.snapshot(asOf: date, source: source) } catch { throw RequestParsing.http(error) }
    }

    /// The tile world of a date's snapshot: measured once, whatever the number of requests
    /// that ask for it at the same time.
    func tileRenderer(_ date: DayDate) async throws -> TileRenderer {
        let ref = try match(date).ref
        let context = self.context, worker = self.worker
        return try await worlds.value("\(ref.source)/\(ref.date)") {
            try await worker.run { try TileRenderer(context: context, date: ref.date, source: ref.source) }
        }
    }

    /// Builds the newest date's tile world in the background: the date a newsroom asks for
    /// first, and its world projects the layers every later date's world takes from the
    /// context's cache (the server's very first tile took 77 ms, the first of any later date 32).
    /// Starts building the newest date's tile world; the task is returned for whoever must
    /// know when it is done (the tests).
    @discardableResult
    func warmUp() -> Task<Void, Never>? {
        guard let newest = dataset.timeline.all.map(\.date).max() else { return nil }
        return Task { _ = try? await tileRenderer(newest) }
    }

    /// Whether the tile world of `date`'s snapshot is built (tests).
    func hasWorld(_ date: DayDate) async -> Bool {
        guard let ref = try? match(date).ref else { return false }
        return await worlds.has("\(ref.source)/\(ref.date)")
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

    func has(_ key: String) -> Bool { ready[key] != nil }

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

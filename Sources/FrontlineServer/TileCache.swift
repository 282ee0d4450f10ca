import Foundation

/// Rendered tiles (or maps) by key, least recently used dropped first once the byte budget is
/// spent. Concurrent requests for the same key wait for one rendering.
actor TileCache {
    private let budget: Int
    private var entries: [String: (data: Data, used: Int)] = [:]
    private var bytes = 0
    private var clock = 0
    private var inFlight: [String: Task<Data, Error>] = [:]
    private(set) var hits = 0
    private(set) var misses = 0

    init(megabytes: Int) { budget = max(0, megabytes) * 1024 * 1024 }

    /// The cached bytes for `key`, or the result of `make` (run once however many ask at once).
    func value(_ key: String, make: @escaping @Sendable () async throws -> Data) async throws -> Data {
        clock += 1
        if let hit = entries[key] {
            entries[key] = (hit.data, clock)
            hits += 1
            return hit.data
        }
        if let running = inFlight[key] { return try await running.value }
        misses += 1
        let task = Task { try await make() }
        inFlight[key] = task
        defer { inFlight[key] = nil }
        let data = try await task.value
        store(key, data)
        return data
    }

    private func store(_ key: String, _ data: Data) {
        guard data.count <= budget else { return }
        entries[key] = (data, clock)
        bytes += data.count
        while bytes > budget, let oldest = entries.min(by: { $0.value.used < $1.value.used }) {
            entries[oldest.key] = nil
            bytes -= oldest.value.data.count
        }
    }

    var count: Int { entries.count }
}

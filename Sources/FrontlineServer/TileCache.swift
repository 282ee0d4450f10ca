import Foundation

/// Rendered tiles (or maps) by key, least recently used dropped first once the byte budget or
/// the entry limit is spent. Every entry costs its bytes plus `entryOverhead`, so empty answers
/// (204 vector tiles) count too: a flood of them cannot grow the cache past its budget.
/// Lookup, store and eviction are O(1) (a dictionary over a doubly linked list in recency
/// order). Concurrent requests for the same key wait for one rendering.
actor TileCache {
    /// What an entry costs beyond its bytes: the key, the node and the dictionary slot.
    static let entryOverhead = 256

    private let budget: Int
    private let maxEntries: Int
    private var list = RecencyList()
    private var bytes = 0
    private var inFlight: [String: Task<Data, Error>] = [:]
    private(set) var hits = 0
    private(set) var misses = 0
    /// Requests that waited for a rendering another request started (tests).
    private(set) var joined = 0

    init(megabytes: Int, maxEntries: Int? = nil) {
        budget = max(0, megabytes) * 1024 * 1024
        self.maxEntries = maxEntries ?? max(1, budget / 1024)
    }

    /// The cached bytes for `key`, or the result of `make` (run once however many ask at once).
    func value(_ key: String, make: @escaping @Sendable () async throws -> Data) async throws -> Data {
        if let hit = cached(key) { return hit }
        if let running = inFlight[key] {
            joined += 1
            return try await running.value
        }
        misses += 1
        let task = Task { try await make() }
        inFlight[key] = task
        defer { inFlight[key] = nil }
        let data = try await task.value
        store(key, data)
        return data
    }

    /// Only the cached bytes, nil when absent: answering from the cache needs no world.
    func cached(_ key: String) -> Data? {
        guard let hit = list.touch(key) else { return nil }
        hits += 1
        return hit
    }

    private func store(_ key: String, _ data: Data) {
        let cost = data.count + Self.entryOverhead
        guard cost <= budget else { return }
        if let old = list.remove(key) { bytes -= old.count + Self.entryOverhead }
        list.insertNewest(key, data)
        bytes += cost
        while bytes > budget || list.count > maxEntries, let oldest = list.removeOldest() {
            bytes -= oldest.count + Self.entryOverhead
        }
    }

    var count: Int { list.count }
    var storedBytes: Int { bytes }
}

/// Keys in order of use, newest first, with their data: a dictionary of nodes in a doubly
/// linked list kept as indices into an array (no reference counting per node), free slots
/// reused.
struct RecencyList {
    private struct Node {
        var key: String
        var data: Data
        var newer: Int
        var older: Int
    }
    private var nodes: [Node] = []
    private var free: [Int] = []
    private var index: [String: Int] = [:]
    private var newest = -1
    private var oldest = -1

    var count: Int { index.count }

    /// The data of `key`, made the newest; nil when absent.
    mutating func touch(_ key: String) -> Data? {
        guard let i = index[key] else { return nil }
        unlink(i)
        linkNewest(i)
        return nodes[i].data
    }

    mutating func insertNewest(_ key: String, _ data: Data) {
        let node = Node(key: key, data: data, newer: -1, older: -1)
        let i: Int
        if let slot = free.popLast() { nodes[slot] = node; i = slot } else { nodes.append(node); i = nodes.count - 1 }
        index[key] = i
        linkNewest(i)
    }

    mutating func remove(_ key: String) -> Data? {
        guard let i = index.removeValue(forKey: key) else { return nil }
        return release(i)
    }

    mutating func removeOldest() -> Data? {
        guard oldest >= 0 else { return nil }
        let i = oldest
        index[nodes[i].key] = nil
        return release(i)
    }

    private mutating func release(_ i: Int) -> Data {
        unlink(i)
        let data = nodes[i].data
        nodes[i].data = Data()
        nodes[i].key = ""
        free.append(i)
        return data
    }

    private mutating func unlink(_ i: Int) {
        let (newer, older) = (nodes[i].newer, nodes[i].older)
        if newer >= 0 { nodes[newer].older = older } else { newest = older }
        if older >= 0 { nodes[older].newer = newer } else { oldest = newer }
        nodes[i].newer = -1
        nodes[i].older = -1
    }

    private mutating func linkNewest(_ i: Int) {
        nodes[i].older = newest
        nodes[i].newer = -1
        if newest >= 0 { nodes[newest].newer = i }
        newest = i
        if oldest < 0 { oldest = i }
    }
}

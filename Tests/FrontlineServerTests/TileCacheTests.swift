import Foundation
import XCTest
@testable import FrontlineServer

/// The server's byte cache: bounded in bytes and in entries, least recently used out first.
final class TileCacheTests: XCTestCase {
    // Fault: empty (204) answers were cached outside the budget and never evicted by it, so a
    // flood of empty vector tiles grew the cache without end and made each eviction an O(n) scan.
    func testEmptyAnswersCountAgainstTheBudget() async throws {
        let cache = TileCache(megabytes: 1)
        for i in 0..<20_000 { _ = try await cache.value("empty-\(i)") { Data() } }
        let n = await cache.count, bytes = await cache.storedBytes
        XCTAssertLessThanOrEqual(n, 1024 * 1024 / TileCache.entryOverhead)
        XCTAssertLessThanOrEqual(bytes, 1024 * 1024)
        XCTAssertGreaterThan(n, 1000, "the cache still keeps what fits")
    }

    func testEntryLimitHoldsWhateverTheBytes() async throws {
        let cache = TileCache(megabytes: 64, maxEntries: 100)
        for i in 0..<1_000 { _ = try await cache.value("\(i)") { Data([1]) } }
        let n = await cache.count
        XCTAssertEqual(n, 100)
        let newest = await cache.cached("999"), oldest = await cache.cached("0")
        XCTAssertEqual(newest, Data([1]))
        XCTAssertNil(oldest)
    }

    func testLeastRecentlyUsedGoesFirst() async throws {
        let cache = TileCache(megabytes: 64, maxEntries: 3)
        for k in ["a", "b", "c"] { _ = try await cache.value(k) { Data(k.utf8) } }
        _ = await cache.cached("a")            // a is now the newest, b the oldest
        _ = try await cache.value("d") { Data("d".utf8) }
        let a = await cache.cached("a"), b = await cache.cached("b"), c = await cache.cached("c")
        XCTAssertEqual(a, Data("a".utf8))
        XCTAssertNil(b)
        XCTAssertEqual(c, Data("c".utf8))
    }

    func testStoringAKeyAgainReplacesItsBytes() async throws {
        var list = RecencyList()
        list.insertNewest("k", Data([1, 2]))
        XCTAssertEqual(list.remove("k"), Data([1, 2]))
        XCTAssertNil(list.remove("k"))
        XCTAssertEqual(list.count, 0)
        for i in 0..<10 { list.insertNewest("\(i)", Data([UInt8(i)])) }
        var order: [UInt8] = []
        while let d = list.removeOldest() { order.append(d[0]) }
        XCTAssertEqual(order, Array(0..<10))
    }
}

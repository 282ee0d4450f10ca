import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
import FrontlineTestSupport
import FrontlineControl
@testable import FrontlineServer

final class ServerTests: XCTestCase {
    static let datasetFixture = Fixture { try Dataset(folder: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("GeoData/ukraine")) }
    static var dataset: Dataset { get throws { try datasetFixture.value } }

    func app() throws -> some ApplicationProtocol { try FrontlineServer.buildApplication(dataset: Self.dataset, port: 0, cacheMB: 16) }

    func testTilesWithCachingHeaders() async throws {
        try await app().test(.router) { client in
            var etag = ""
            try await client.execute(uri: "/tiles/2026-02-05/6/37/22.png", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentType], "image/png")
                XCTAssertEqual(Array(r.body.readableBytesView.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
                etag = r.headers[.eTag] ?? ""
                XCTAssertTrue(r.headers[.cacheControl]?.contains("max-age") ?? false)
            }
            XCTAssertFalse(etag.isEmpty)
            try await client.execute(uri: "/tiles/2026-02-05/6/37/22.png", method: .get, headers: [.ifNoneMatch: etag]) { r in
                XCTAssertEqual(r.status, .notModified)
            }
            try await client.execute(uri: "/tiles/2026-02-05/6/37/22@2x.png?overlay=1", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertNotEqual(r.headers[.eTag], etag)
            }
        }
    }

    func testMapsStatsDiffSnapshotsViewer() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/map/2026-02-05.svg?size=800x600&region=UA-14&theme=dark", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentType], "image/svg+xml")
                XCTAssertTrue(String(buffer: r.body).contains("Donetsk oblast"))
            }
            try await client.execute(uri: "/stats/2026-02-05.json", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as! [String: Any]
                XCTAssertEqual((json["national"] as! [String: Any])["occupied_pct"] as! Double, 19.1, accuracy: 0.3)
            }
            try await client.execute(uri: "/diff/2026-02-04/2026-02-05.json", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertTrue(String(buffer: r.body).contains("\"gained_km2\""))
            }
            try await client.execute(uri: "/snapshots.json", method: .get) { r in
                XCTAssertTrue(String(buffer: r.body).contains("2026-02-05"))
            }
            try await client.execute(uri: "/health", method: .get) { r in XCTAssertEqual(r.status, .ok) }
            try await client.execute(uri: "/", method: .get) { r in
                let page = String(buffer: r.body)
                XCTAssertTrue(page.contains(#"<script src="/leaflet/leaflet.js"></script>"#), "Leaflet from this server")
                XCTAssertNil(page.range(of: #"(src|href)="https?://[^"]*\.(js|css)""#, options: .regularExpression), "nothing fetched from outside")
                for part in ["© OpenStreetMap contributors", "Control: DeepStateMap.Live", "L.control.scale", "Occupied by Russia", "Front line",
                             #"list="ticks""#, #"id="play""#, "replaceState"] {
                    XCTAssertTrue(page.contains(part), part)
                }
            }
        }
    }

    /// `?basis=admin`: the published basis, shares of the official total.
    func testStatsOnTheAdminBasis() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/stats/2026-01-01.json?basis=admin", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                let body = String(buffer: r.body)
                XCTAssertTrue(body.contains(#""basis":"admin""#) && body.contains(#""area_km2":603628.0"#), body)
            }
            try await client.execute(uri: "/diff/2025-02-05/2026-02-05.json?basis=admin", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
            }
        }
    }

    /// The viewer's Leaflet comes from Debian's libjs-leaflet through `/leaflet/`, and only
    /// Leaflet's own files do.
    func testLeafletAssets() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/leaflet/leaflet.js", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentType], "text/javascript; charset=utf-8")
                XCTAssertTrue(String(buffer: r.body).contains("Leaflet"))
            }
            try await client.execute(uri: "/leaflet/images/layers.png", method: .get) { r in XCTAssertEqual(r.status, .ok) }
            for uri in ["/leaflet/leaflet.esm.js.map", "/leaflet/images/..%2F..%2Fleaflet.js", "/leaflet/images/x.svg", "/leaflet/images/nothing.png"] {
                try await client.execute(uri: uri, method: .get) { r in XCTAssertEqual(r.status, .notFound, uri) }
            }
        }
        XCTAssertTrue(LeafletAssets.isImage("images/marker-icon-2x.png"))
        XCTAssertFalse(LeafletAssets.isImage("images/../leaflet.png"))
        XCTAssertNil(LeafletAssets.type("../leaflet.js"))
    }

    /// `/places/{query}.json` answers what `places QUERY --format json` does; the changed
    /// settlements of a period come as `places --changed` lists them.
    func testPlaces() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/places/Bakhmut.json?date=2023-06-01&history=1", method: .get) { r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
                let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as! [String: Any]
                XCTAssertEqual(json["status"] as? String, "occupied")
                let occupied = (json["history"] as! [[String: Any]]).first { $0["status"] as? String == "occupied" }!
                XCTAssertEqual((occupied["first"] as! [String: Any])["date"] as? String, "2023-04-09")
            }
            try await client.execute(uri: "/places/Kramatorsk%2C%20UA-14.json", method: .get) { r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
                XCTAssertTrue(String(buffer: r.body).contains("\"status\":\"held\""))
            }
            try await client.execute(uri: "/places/changed/2025-02-05/2026-02-05.json?region=UA-14&min_population=10000", method: .get) { r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
                let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as! [String: Any]
                XCTAssertEqual((json["places"] as! [[String: Any]]).map { $0["name_en"] as! String }, ["Pokrovsk", "Chasiv Yar", "Siversk"])
            }
            try await client.execute(uri: "/diff/2025-02-05/2026-02-05.json", method: .get) { r in
                XCTAssertTrue(String(buffer: r.body).contains("\"settlements\""))
            }
            let bad: [(String, HTTPResponse.Status)] = [
                ("/places/Pokrovks.json", .badRequest), ("/places/Pokrovsk.xml", .notFound), ("/places/10.0,10.0.json", .badRequest),
                ("/places/Pokrovsk.json?date=1999-01-01", .notFound), ("/places/changed/2026-02-05/2025-02-05.json", .badRequest),
                ("/places/changed/2025-02-05/2026-02-05.json?min_population=many", .badRequest),
            ]
            for (uri, status) in bad {
                try await client.execute(uri: uri, method: .get) { r in
                    XCTAssertEqual(r.status, status, uri)
                    XCTAssertTrue(String(buffer: r.body).contains("\"error\""), uri)
                }
            }
            try await client.execute(uri: "/places/Pokrovks.json", method: .get) { r in
                XCTAssertTrue(String(buffer: r.body).contains("Pokrovsk"), "the nearest spellings: \(String(buffer: r.body))")
            }
        }
    }

    /// Vector tiles, their TileJSON and a MapLibre style.
    func testVectorTilesTileJSONAndStyle() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/tilejson/2026-02-05.json", method: .get) { r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
                let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as! [String: Any]
                XCTAssertEqual(json["tilejson"] as? String, "3.0.0")
                let tiles = try XCTUnwrap(json["tiles"] as? [String])
                XCTAssertTrue(tiles.count == 1 && tiles[0].hasPrefix("http://") && tiles[0].hasSuffix("/vector/2026-02-05/{z}/{x}/{y}.pbf"), "\(tiles)")
                XCTAssertEqual((json["vector_layers"] as! [[String: Any]]).map { $0["id"] as! String }, ["control", "front", "regions", "places", "water", "borders"])
            }
            try await client.execute(uri: "/style/2026-02-05.json", method: .get) { r in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as! [String: Any]
                XCTAssertEqual(json["version"] as? Int, 8)
                let source = (json["sources"] as! [String: Any])["frontline"] as! [String: Any]
                XCTAssertTrue((source["url"] as? String)?.hasSuffix("/tilejson/2026-02-05.json") ?? false, "\(source)")
            }
            try await client.execute(uri: "/vector/2026-02-05/6/37/22.pbf", method: .get, headers: [.acceptEncoding: "gzip, deflate"]) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentEncoding], "gzip")
                XCTAssertEqual(Array(r.body.readableBytesView.prefix(2)), [0x1f, 0x8b])
            }
            try await client.execute(uri: "/vector/2026-02-05/6/37/22.pbf", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertNil(r.headers[.contentEncoding])
                XCTAssertEqual(r.body.readableBytesView.first, 0x1a, "protobuf field 3 (layers), length-delimited")
            }
            try await client.execute(uri: "/vector/2026-02-05/6/0/0.pbf", method: .get) { r in XCTAssertEqual(r.status, .noContent) }
            for (uri, status) in [("/vector/2026-02-05/17/0/0.pbf", HTTPResponse.Status.badRequest), ("/vector/2026-02-05/3/9/0.pbf", .badRequest),
                                  ("/vector/2021-01-01/3/4/2.pbf", .notFound), ("/tilejson/someday.json", .badRequest)] {
                try await client.execute(uri: uri, method: .get) { r in XCTAssertEqual(r.status, status, uri) }
            }
        }
    }

    func testBadRequestsAreAnswered() async throws {
        let cases: [(String, HTTPResponse.Status)] = [
            ("/tiles/2026-02-05/15/1/1.png", .badRequest),
            ("/tiles/2026-02-05/-1/0/0.png", .badRequest),
            ("/tiles/2026-02-05/3/8/0.png", .badRequest),
            ("/tiles/2026-02-05/3/0/9.png", .badRequest),
            ("/tiles/2026-02-05/a/b/c.png", .badRequest),
            ("/tiles/2026-13-45/3/4/2.png", .badRequest),
            ("/tiles/2021-01-01/3/4/2.png", .notFound),
            ("/tiles/2026-02-05/3/4/2.jpg", .notFound),
            ("/tiles/../../etc/passwd", .badRequest),
            ("/map/2026-02-05.png?size=100000x100", .badRequest),
            ("/map/2026-02-05.png?theme=neon", .badRequest),
            ("/map/2026-02-05.gif", .notFound),
            ("/map/2026-02-05.png?region=UA-99", .badRequest),
            ("/diff/2026-02-05/2025-02-05.json", .badRequest),
            ("/stats/someday.json", .badRequest),
            ("/stats/2026-02-05.json?basis=water", .badRequest),
            ("/diff/2025-02-05/2026-02-05.png?basis=admin", .badRequest),
            ("/nothing-here", .notFound),
        ]
        try await app().test(.router) { client in
            for (uri, status) in cases {
                try await client.execute(uri: uri, method: .get) { r in
                    XCTAssertEqual(r.status, status, uri)
                    if status == .badRequest { XCTAssertTrue(String(buffer: r.body).contains("\"error\""), uri) }
                }
            }
        }
    }

    /// Sixteen requests for one key while its rendering is held open: the rendering waits on a
    /// gate the test opens only once the other fifteen have joined it, so no timing decides.
    func testConcurrentRequestsForOneTileRenderOnce() async throws {
        let cache = TileCache(megabytes: 1)
        let counter = Counter()
        let (gate, open) = AsyncStream<Void>.makeStream()
        try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    try await cache.value("k") {
                        await counter.increment()
                        for await _ in gate { break }
                        return Data([1, 2, 3])
                    }
                }
            }
            while await cache.joined < 15 { await Task.yield() }
            open.yield()
            open.finish()
            for try await d in group { XCTAssertEqual(d, Data([1, 2, 3])) }
        }
        let made = await counter.value, misses = await cache.misses
        XCTAssertEqual(made, 1)
        XCTAssertEqual(misses, 1)
    }

    func testCacheStaysWithinItsBudget() async throws {
        let cache = TileCache(megabytes: 1)
        for i in 0..<40 { _ = try await cache.value("\(i)") { Data(count: 100_000) } }
        let n = await cache.count
        XCTAssertLessThanOrEqual(n, 10)
    }

    func testLiveSocket() async throws {
        try await app().test(.live) { client in
            try await client.execute(uri: "/tiles/2026-02-05/5/18/11.png", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
            }
        }
    }

    /// `frontline serve` builds the newest date's tile world while it starts; a service that
    /// is not asked to has none until a tile is requested.
    func testWarmUpBuildsTheNewestDatesWorld() async throws {
        let newest = try XCTUnwrap(Self.dataset.timeline.all.map(\.date).max())
        let cold = try MapService(dataset: Self.dataset)
        let coldHas = await cold.hasWorld(newest)
        XCTAssertFalse(coldHas, "a service builds no world unasked")
        let warm = try MapService(dataset: Self.dataset)
        let warming = try XCTUnwrap(warm.warmUp())
        await warming.value
        let built = await warm.hasWorld(newest)
        XCTAssertTrue(built, "the newest date's world was not built by the warm-up")
    }

    // Fault: wrk over 60 uncached dates queued every request behind the serial worker: p50
    // 669 ms and 38 % timeouts. A full queue now answers at once with 503 and Retry-After.
    func testAFullWorkerQueueRefusesWithRetryAfter() async throws {
        let worker = RenderWorker(limit: 1)
        let release = DispatchSemaphore(value: 0)
        let first = Task { try await worker.run { release.wait(); return 1 } }
        while worker.pendingCount == 0 { try await Task.sleep(nanoseconds: 1_000_000) }
        do {
            _ = try await worker.run { 2 }
            XCTFail("a second job while the first waits must be refused")
        } catch let e as HTTPError {
            XCTAssertEqual(e.status, .serviceUnavailable)
            XCTAssertEqual(e.headers[.retryAfter], "2")
        }
        release.signal()
        let value = try await first.value
        XCTAssertEqual(value, 1)
        let again = try await worker.run { 3 }
        XCTAssertEqual(again, 3, "room again once the queue drains")
    }

    func testTilesOfManyNewDatesAreAnsweredOrRefusedNeverLeftWaiting() async throws {
        let dates = try Self.dataset.timeline.all.map(\.date).suffix(12)
        try await app().test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for d in dates {
                    group.addTask {
                        try await client.execute(uri: "/tiles/\(d)/5/18/11.png", method: .get) { r in (r.status.code, r.headers[.retryAfter]) }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            XCTAssertEqual(statuses.count, dates.count)
            // Refusing every request would pass the loop below: some must be answered.
            XCTAssertTrue(statuses.contains { $0.0 == 200 }, "\(statuses)")
            for (code, retry) in statuses {
                XCTAssertTrue(code == 200 || code == 503, "\(code)")
                if code == 503 { XCTAssertEqual(retry, "2") }
            }
        }
    }

    // Fault: 3,000 idle half-sent requests all stayed open; a silent connection is now closed.
    func testAHalfSentRequestIsClosedAfterTheIdleTimeout() async throws {
        let app = try FrontlineServer.buildApplication(dataset: Self.dataset, port: 0, cacheMB: 16, idleTimeout: 1)
        try await app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            // 0 from recv: the server closed it; a timeout: still open after 8 s.
            let closed = try await RenderWorker.parallel { try RawHTTP.exchange(port: port, "GET /health HTTP/1.1\r\nHost: loc", wait: 8).closed }
            XCTAssertTrue(closed, "the half-sent request's connection is closed by the server")
        }
    }

    // Fault: /map/...?region=UA-99 rendered for 4.9 s before its 400.
    func testAnUnknownRegionIsRefusedBeforeRendering() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/map/2024-01-01.png?region=UA-99", method: .get) { r in
                XCTAssertEqual(r.status, .badRequest)
                XCTAssertTrue(String(buffer: r.body).contains("unknown region 'UA-99'"))
            }
        }
    }
}

actor Counter {
    var value = 0
    func increment() { value += 1 }
}

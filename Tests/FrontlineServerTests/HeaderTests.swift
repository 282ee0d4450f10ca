import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
import FrontlineControl
@testable import FrontlineServer

/// What the server takes from request headers, and what it answers to HEAD.
final class HeaderTests: XCTestCase {
    func app(publicURL: String? = nil) throws -> some ApplicationProtocol {
        try FrontlineServer.buildApplication(dataset: ServerTests.dataset, port: 0, cacheMB: 16, publicURL: publicURL)
    }

    // Fault: the Host header was copied unescaped into the ETag (a `"` broke the header) and
    // into TileJSON URLs cached publicly for a year with no Vary: one forged Host poisoned a
    // shared cache for every reader.
    func testAForgedHostIsRefusedAndAPlainOneVaries() async throws {
        // Over a socket: the Host header becomes the request's authority as it does in use.
        try await app().test(.live) { client in
            let port = try XCTUnwrap(client.port)
            // On a thread of its own: a blocking socket must not hold a thread the server needs.
            // The server closes the connection once it has answered (`Connection: close`); the
            // first TileJSON of a date is made on that request, which under ThreadSanitizer took
            // longer than the 5 s the socket used to wait (an empty answer, a failed test).
            func get(_ host: String, _ extra: String = "") async throws -> String {
                try await RenderWorker.parallel {
                    try RawHTTP.exchange(port: port, "GET /tilejson/2026-02-05.json HTTP/1.1\r\nHost: \(host)\r\n\(extra)Connection: close\r\n\r\n", wait: 120).answer
                }
            }
            let forged = try await get(#"evil.example"/x"#)
            XCTAssertTrue(forged.hasPrefix("HTTP/1.1 400"), forged)
            XCTAssertFalse(forged.contains("evil"), forged)
            let plain = try await get("maps.example.org:8080")
            XCTAssertTrue(plain.hasPrefix("HTTP/1.1 200"), plain)
            XCTAssertTrue(plain.lowercased().contains("vary: host"), plain)
            XCTAssertTrue(plain.contains("http://maps.example.org:8080/vector/2026-02-05/"), plain)
            let etag = try XCTUnwrap(plain.split(separator: "\r\n").first { $0.lowercased().hasPrefix("etag:") }).dropFirst(5)
                .trimmingCharacters(in: .whitespaces)
            XCTAssertFalse(etag.contains("example"), etag)
            let other = try await get("other.example.org")
            XCTAssertFalse(other.contains(etag), "another body, another ETag")
            let again = try await get("maps.example.org:8080", "If-None-Match: \(etag)\r\n")
            XCTAssertTrue(again.hasPrefix("HTTP/1.1 304"), again)
        }
    }

    // Fault: an HTTP/1.0 request without keep-alive was held open for the idle timeout (15 s).
    func testHTTP10IsClosedAfterItsAnswer() async throws {
        try await app().test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let (answer, closed) = try await RenderWorker.parallel { try RawHTTP.exchange(port: port, "GET /health HTTP/1.0\r\n\r\n", wait: 5) }
            XCTAssertTrue(answer.contains("200"), answer)
            XCTAssertTrue(closed, "the connection was still open 5 s after the answer")
        }
    }

    func testAPublicURLIsUsedWhateverTheHost() async throws {
        try await app(publicURL: "https://maps.example.org/frontline/").test(.router) { client in
            try await client.execute(uri: "/style/2026-02-05.json", method: .get, headers: [PublicOrigin.hostField: "attacker.example"]) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertNil(r.headers[.vary])
                let body = String(buffer: r.body)
                XCTAssertTrue(body.contains("https://maps.example.org/frontline/tilejson/2026-02-05.json"), body)
                XCTAssertFalse(body.contains("attacker"))
            }
        }
        XCTAssertThrowsError(try app(publicURL: "javascript:alert(1)"))
    }

    func testHostNames() {
        for good in ["localhost", "127.0.0.1:8080", "[::1]:80", "maps.example.org"] { XCTAssertTrue(PublicOrigin.isHost(good), good) }
        for bad in ["", "a b", #"x"y"#, "x/y", "x:", "x:123456", "[::1", "ex@mple", "x:8a", "[：：1]", "ｅｘ.org"] { XCTAssertFalse(PublicOrigin.isHost(bad), bad) }
    }

    func testVectorTilesVaryByAcceptEncoding() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/vector/2026-02-05/6/37/22.pbf", method: .get, headers: [.acceptEncoding: "gzip"]) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentEncoding], "gzip")
                XCTAssertEqual(r.headers[.vary], "Accept-Encoding")
            }
        }
    }

    // Fault: HEAD answered 404 on every route.
    func testHeadIsAnsweredLikeGetWithoutABody() async throws {
        try await app().test(.router) { client in
            var length = ""
            try await client.execute(uri: "/tiles/2026-02-05/5/18/11.png", method: .get) { r in length = r.headers[.contentLength] ?? "" }
            try await client.execute(uri: "/tiles/2026-02-05/5/18/11.png", method: .head) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentType], "image/png")
                XCTAssertEqual(r.headers[.contentLength], length)
                XCTAssertEqual(r.body.readableBytes, 0)
            }
            try await client.execute(uri: "/health", method: .head) { r in XCTAssertEqual(r.status, .ok) }
        }
    }
}

import Foundation
import FrontlineSupport
import FrontlineUpdate
import XCTest

/// `frontline update` against a local HTTP server (Python's http.server: no network): a
/// missing day, a corrupt file, a dropped connection, a wrong URL and no server at all.
final class UpdateCommandTests: XCTestCase {
    /// A server over `folder`; a file named `drop-<name>` makes the request for `<name>` end
    /// after a few bytes of a promised megabyte (a dropped connection), `stall-<name>` makes
    /// it send nothing more for 30 s (a stalled one), `slow-<name>` sends it a byte every 0.4 s.
    final class LocalServer {
        let process = Process()
        let port: Int

        init(folder: URL) throws {
            let portFile = folder.appendingPathComponent(".port")
            let script = """
            import http.server, os, sys, time
            os.chdir(sys.argv[1])
            class H(http.server.SimpleHTTPRequestHandler):
                def log_message(self, *a): pass
                def do_GET(self):
                    folder, _, name = self.path.lstrip('/').rpartition('/')
                    if os.path.exists(os.path.join(folder, 'stall-' + name)):
                        self.send_response(200); self.send_header('Content-Length', '1000000'); self.end_headers()
                        self.wfile.write(b'{"type":'); self.wfile.flush(); time.sleep(30); return
                    if os.path.exists(os.path.join(folder, 'slow-' + name)):
                        body = open(os.path.join(folder, name), 'rb').read()
                        self.send_response(200); self.send_header('Content-Length', str(len(body))); self.end_headers()
                        for i in range(len(body)):
                            self.wfile.write(body[i:i + 1]); self.wfile.flush(); time.sleep(0.4)
                        return
                    if os.path.exists(os.path.join(folder, 'drop-' + name)):
                        self.send_response(200); self.send_header('Content-Length', '1000000'); self.end_headers()
                        self.wfile.write(b'{"type":'); self.wfile.flush(); self.connection.shutdown(2); return
                    return super().do_GET()
            s = http.server.ThreadingHTTPServer(('127.0.0.1', 0), H)
            open(sys.argv[2], 'w').write(str(s.server_address[1]))
            s.serve_forever()
            """
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script, folder.path, portFile.path]
            try process.run()
            for _ in 0..<100 where !FileManager.default.fileExists(atPath: portFile.path) { usleep(50_000) }
            guard let text = try? String(contentsOf: portFile, encoding: .utf8), let p = Int(text) else {
                process.terminate()
                throw XCTSkip("python3 could not start a local HTTP server")
            }
            port = p
        }

        var url: String { "http://127.0.0.1:\(port)/data/" }
        deinit { process.terminate() }
    }

    /// A copy of the bundled dataset (the test writes into it) and an archive whose daily files
    /// are the bundle's last snapshot under later names.
    func fixture() throws -> (data: URL, archive: URL) {
        let root = try CLI.tempDir()
        let data = root.appendingPathComponent("data")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("GeoData/ukraine"), to: data)
        let archive = root.appendingPathComponent("www/data")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        return (data, archive)
    }

    func snapshot(_ data: URL, _ day: String) -> URL { data.appendingPathComponent("snapshots/deepstate/\(day).geojson") }

    func put(_ archive: URL, _ data: URL, _ days: [String]) throws {
        for d in days {
            try FileManager.default.copyItem(at: try CLI.bundledSnapshot("deepstate", "2026-08-22"),
                                             to: archive.appendingPathComponent("deepstatemap_data_\(d.replacingOccurrences(of: "-", with: "")).geojson"))
        }
    }

    func update(_ data: URL, _ url: String, until: String) throws -> CLI.Result {
        try CLI.run(["update", "--data-dir", data.path, "--from-url", url, "--until", until])
    }

    func testMissingDayCorruptFileDroppedConnection() throws {
        let (data, archive) = try fixture()
        try put(archive, data, ["2026-08-22", "2026-08-23", "2026-08-24", "2026-08-26"])  // no file for the 25th
        let server = try LocalServer(folder: archive.deletingLastPathComponent())
        // The bundle's snapshots are packed: the folder holds what update adds.
        let listing = { ((try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("snapshots/deepstate").path)) ?? []).sorted() }
        let before = try listing()

        let cached = { (day: String) in FileManager.default.fileExists(atPath: data.appendingPathComponent(".update/deepstate/deepstatemap_data_\(day).geojson").path) }
        // A dropped connection: exit 69, nothing imported; the day fetched before it is kept.
        try Data().write(to: archive.appendingPathComponent("drop-deepstatemap_data_20260824.geojson"))
        let dropped = try update(data, server.url, until: "2026-08-26")
        XCTAssertEqual(dropped.status, 69, dropped.stderr)
        XCTAssertTrue(dropped.stderr.contains("deepstatemap_data_20260824.geojson"), dropped.stderr)
        XCTAssertEqual(try listing(), before, "nothing imported")
        XCTAssertTrue(cached("20260823"), "resumable: the day fetched before the drop is kept")
        XCTAssertFalse(cached("20260824"), "no half-fetched file is kept")

        // A corrupt file: refused, named, nothing imported, not kept.
        try FileManager.default.removeItem(at: archive.appendingPathComponent("drop-deepstatemap_data_20260824.geojson"))
        let good26 = try Data(contentsOf: archive.appendingPathComponent("deepstatemap_data_20260826.geojson"))
        try Data("<html>rate limited</html>".utf8).write(to: archive.appendingPathComponent("deepstatemap_data_20260826.geojson"))
        let corrupt = try update(data, server.url, until: "2026-08-26")
        XCTAssertEqual(corrupt.status, 65, corrupt.stderr)
        XCTAssertTrue(corrupt.stderr.contains("deepstatemap_data_20260826.geojson"), corrupt.stderr)
        XCTAssertEqual(try listing(), before, "nothing imported")
        XCTAssertTrue(cached("20260824") && !cached("20260826"))
        try good26.write(to: archive.appendingPathComponent("deepstatemap_data_20260826.geojson"))

        // Resumed: the 23rd comes from the cache (gone from the server), the rest over HTTP.
        try FileManager.default.removeItem(at: archive.appendingPathComponent("deepstatemap_data_20260823.geojson"))
        let good = try update(data, server.url, until: "2026-08-26")
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertTrue(good.stdout.contains("imported 3 snapshots (2026-08-23 to 2026-08-26); 1 day without a file"), good.stdout)
        XCTAssertTrue(good.stderr.contains("no file for 2026-08-25"), good.stderr)
        XCTAssertEqual(try listing(), (before + ["2026-08-23.geojson", "2026-08-24.geojson", "2026-08-26.geojson"]).sorted())
        let stats = try CLI.run(["stats", "--data-dir", data.path, "--date", "2026-08-26", "--format", "json"])
        XCTAssertTrue(stats.stdout.contains(#""snapshot":{"date":"2026-08-26","source":"deepstate","age_days":0}"#), stats.stdout)
        let again = try update(data, server.url, until: "2026-08-26")
        XCTAssertTrue(again.stdout.contains("up to date"), again.stdout)
    }

    /// A transfer that stalls is given up after the fetcher's timeout, as unavailable (69);
    /// one that keeps moving is not (the whole update of a slow line is not cut at 60 s).
    func testAStalledTransferIsGivenUp() throws {
        let (_, archive) = try fixture()
        try Data("{}".utf8).write(to: archive.appendingPathComponent("day.geojson"))
        try Data().write(to: archive.appendingPathComponent("stall-day.geojson"))
        let server = try LocalServer(folder: archive.deletingLastPathComponent())
        var fetcher = HTTPFetcher()
        fetcher.timeout = 1
        let started = Date()
        XCTAssertThrowsError(try fetcher.get(URL(string: server.url + "day.geojson")!)) { e in
            XCTAssertEqual((e as? FrontlineError)?.exitCode, 69, "\(e)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "given up long before the server's 30 s")
        try FileManager.default.removeItem(at: archive.appendingPathComponent("stall-day.geojson"))
        guard case .body(let body) = try fetcher.get(URL(string: server.url + "day.geojson")!) else { return XCTFail("no body") }
        XCTAssertEqual(body, Data("{}".utf8))
        // Six bytes over 2.4 s with a 1 s timeout: slow, never stalled.
        try Data(#"{"a":1}"#.utf8).write(to: archive.appendingPathComponent("slow.geojson"))
        try Data().write(to: archive.appendingPathComponent("slow-slow.geojson"))
        guard case .body(let slow) = try fetcher.get(URL(string: server.url + "slow.geojson")!) else { return XCTFail("no body") }
        XCTAssertEqual(slow, Data(#"{"a":1}"#.utf8))
        guard case .notFound = try fetcher.get(URL(string: server.url + "none.geojson")!) else { return XCTFail("a 404 is not there") }
    }

    func testWrongURLAndNoServer() throws {
        let (data, archive) = try fixture()
        let server = try LocalServer(folder: archive.deletingLastPathComponent())
        let wrong = try update(data, "http://127.0.0.1:\(server.port)/nothing/", until: "2026-08-30")
        XCTAssertEqual(wrong.status, 66, wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("holds no DeepState daily files"), wrong.stderr)
        // A port nobody listens on: the server that was just stopped.
        let port = server.port
        server.process.terminate()
        server.process.waitUntilExit()
        let offline = try update(data, "http://127.0.0.1:\(port)/data/", until: "2026-08-30")
        XCTAssertEqual(offline.status, 69, offline.stderr)
        XCTAssertEqual(offline.stderr.split(separator: "\n").count, 1, offline.stderr)
        XCTAssertEqual(try CLI.run(["update", "--data-dir", data.path, "--from-url", "ftp://x"]).status, 64)
    }

    /// A full export comes with the grey zone: its day's snapshot then has it. A name that is
    /// not an export's, or a 404, is refused before anything is imported.
    func testFullExport() throws {
        let (data, archive) = try fixture()
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Tests/FrontlineControlTests/Fixtures/deepstate-raw/1754251105.geojson"),
                                         to: archive.appendingPathComponent("1754251105.geojson"))
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Tests/FrontlineControlTests/Fixtures/deepstate-raw/1754251105.geojson"),
                                         to: archive.appendingPathComponent("latest.geojson"))
        let server = try LocalServer(folder: archive.deletingLastPathComponent())
        let base = ["update", "--data-dir", data.path, "--from-url", server.url, "--until", "2026-08-22"]
        XCTAssertEqual(try CLI.run(base + ["--export-url", server.url + "latest.geojson"]).status, 64)
        XCTAssertEqual(try CLI.run(base + ["--export-url", server.url + "1700000000.geojson"]).status, 66)
        let r = try CLI.run(base + ["--export-url", server.url + "1754251105.geojson"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("imported 1 snapshot (2025-08-03 to 2025-08-03)"), r.stdout)
        let stats = try CLI.run(["stats", "--data-dir", data.path, "--date", "2025-08-03", "--format", "json"])
        XCTAssertTrue(stats.stdout.contains(#""statuses":["occupied","contested""#), stats.stdout)
    }
}

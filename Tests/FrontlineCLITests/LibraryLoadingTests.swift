import Foundation
import XCTest

/// PROJ and libcurl are loaded when first needed (CPROJ, CCurl), not when the process starts:
/// commands that never project or fetch do not pay for them, and a command that needs one
/// that is missing says so in one line with exit 69, as `update` does when offline.
final class LibraryLoadingTests: XCTestCase {
    /// The libraries the dynamic loader opened for a run (glibc's LD_DEBUG=libs, on stderr).
    func loaded(_ args: [String]) throws -> (result: CLI.Result, libraries: String) {
        let r = try CLI.run(args, environment: ["LD_DEBUG": "libs"])
        let lines = r.stderr.split(separator: "\n").filter { $0.contains("calling init:") }
        return (r, lines.joined(separator: "\n"))
    }

    func testFiguresDoNotLoadPROJOrCurlAndAMapLoadsPROJ() throws {
        let stats = try loaded(["stats", "--date", "2026-02-05", "--format", "csv"])
        XCTAssertEqual(stats.result.status, 0, stats.result.stderr)
        XCTAssertTrue(stats.libraries.contains("libcairo"), "the log names what was loaded:\n\(stats.libraries)")
        XCTAssertFalse(stats.libraries.contains("libproj"), stats.libraries)
        XCTAssertFalse(stats.libraries.contains("libcurl"), stats.libraries)

        let png = try CLI.tempDir().appendingPathComponent("map.png")
        let map = try loaded(["render", "--date", "2026-02-05", "--size", "400x300", "-o", png.path])
        XCTAssertEqual(map.result.status, 0, map.result.stderr)
        XCTAssertTrue(map.libraries.contains("libproj"), map.libraries)
    }

    /// A folder whose libproj and libcurl are not libraries, first on the loader's path.
    func brokenLibraries() throws -> [String: String] {
        let dir = try CLI.tempDir()
        for name in ["libproj.so.25", "libproj.so", "libcurl-gnutls.so.4", "libcurl.so.4"] {
            try Data("not a library".utf8).write(to: dir.appendingPathComponent(name))
        }
        return ["LD_LIBRARY_PATH": dir.path]
    }

    func assertUnavailable(_ r: CLI.Result, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 69, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.hasPrefix("error: \(text)") && r.stderr.filter { $0 == "\n" }.count == 1, r.stderr, file: file, line: line)
    }

    func testAMissingPROJIsOneLineAndExit69() throws {
        let env = try brokenLibraries()
        let out = try CLI.tempDir()
        let png = out.appendingPathComponent("map.png")
        assertUnavailable(try CLI.run(["render", "--date", "2026-02-05", "-o", png.path], environment: env), "cannot load PROJ")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), [], "nothing written")

        // Measuring a snapshot whose figures are not stored needs PROJ's geodesic areas: a
        // number cannot carry an error, so the process ends there, with the same line.
        let data = try CLI.tempDir()
        let bundled = CLI.root.appendingPathComponent("GeoData/ukraine")
        for f in ["dataset.json", "regions.geojson", "baseline.geojson"] {
            try FileManager.default.copyItem(at: bundled.appendingPathComponent(f), to: data.appendingPathComponent(f))
        }
        let folder = data.appendingPathComponent("snapshots/deepstate")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try CLI.bundledSnapshot("deepstate", "2026-02-05"), to: folder.appendingPathComponent("2026-02-05.geojson"))
        let stats = try CLI.run(["stats", "--date", "2026-02-05", "--data-dir", data.path], environment: env)
        assertUnavailable(stats, "cannot load PROJ")
        XCTAssertEqual(stats.stdout, "", "no figures printed")

        // Without PROJ, what does not project still works.
        XCTAssertEqual(try CLI.run(["stats", "--date", "2026-02-05", "--format", "csv"], environment: env).status, 0)
    }

    func testAMissingLibcurlIsOneLineAndExit69() throws {
        let data = try CLI.tempDir().appendingPathComponent("data")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("GeoData/ukraine"), to: data)
        let r = try CLI.run(["update", "--data-dir", data.path, "--from-url", "http://127.0.0.1:9/data/", "--until", "2026-08-30"],
                            environment: try brokenLibraries())
        assertUnavailable(r, "cannot load libcurl")
    }
}

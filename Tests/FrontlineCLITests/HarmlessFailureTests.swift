import Foundation
import XCTest

/// The faults found by trying the tool as an attacker and as an unlucky user would: each
/// input is answered with one line on stderr and a sysexits code, and nothing is harmed.
final class HarmlessFailureTests: XCTestCase {
    let bundled = CLI.root.appendingPathComponent("GeoData/ukraine")

    /// Runs `command` in a shell, `frontline` standing for the built binary.
    func shell(_ command: String) throws -> CLI.Result {
        try CLI.run([], shell: command.replacingOccurrences(of: "frontline", with: CLI.binary.path))
    }

    func assertOneLineError(_ r: CLI.Result, _ status: Int32, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, status, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.hasPrefix("error: ") && r.stderr.filter { $0 == "\n" }.count == 1, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains(text), r.stderr, file: file, line: line)
    }

    /// A dataset folder with the bundled regions and the named files, no snapshots.
    func store(_ files: [String] = ["dataset.json", "regions.geojson", "baseline.geojson"]) throws -> URL {
        let dir = try CLI.tempDir()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("snapshots"), withIntermediateDirectories: true)
        for f in files { try FileManager.default.copyItem(at: bundled.appendingPathComponent(f), to: dir.appendingPathComponent(f)) }
        return dir
    }

    func copySnapshot(_ source: String, _ date: String, into dir: URL, as name: String? = nil) throws {
        let folder = dir.appendingPathComponent("snapshots/\(source)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try CLI.bundledSnapshot(source, date),
                                         to: folder.appendingPathComponent("\(name ?? date).geojson"))
    }

    /// The inputs that crashed every JSON reader (SIGSEGV, exit 139, nothing on stderr).
    static var deepInputs: [(name: String, text: String)] {
        let arrays = String(repeating: "[", count: 37_408) + String(repeating: "]", count: 37_408)
        let objects = String(repeating: "{\"a\":", count: 30_800) + "1" + String(repeating: "}", count: 30_800)
        let feature = { (geometry: String) in
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":\(geometry)}]}"
        }
        let collection = String(repeating: "{\"type\":\"GeometryCollection\",\"geometries\":[", count: 20_000)
            + String(repeating: "]}", count: 20_000)
        return [("arrays", arrays), ("objects", objects),
                ("coordinates", feature("{\"type\":\"Polygon\",\"coordinates\":" + String(repeating: "[", count: 40_000) + "]}")),
                ("collections", feature(collection)),
                ("properties", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":" + objects + "}]}"),
                ("open-brackets", String(repeating: "[", count: 1 << 20)),
                ("open-braces", String(repeating: "{\"a\":[", count: 100_000))]
    }

    /// `--basis`: an unknown value, --raw beside admin, a change map on admin; a dataset without one.
    func testBasisMisuse() throws {
        XCTAssertEqual(try CLI.run(["stats", "--date", "2026-02-05", "--basis", "water"]).status, 64)
        XCTAssertEqual(try CLI.run(["stats", "--date", "2026-02-05", "--basis", "admin", "--raw"]).status, 64)
        let out = try CLI.tempDir().appendingPathComponent("c.png")
        let map = try CLI.run(["diff", "--from", "2025-02-05", "--to", "2026-02-05", "--basis", "admin", "-o", out.path])
        XCTAssertEqual(map.status, 64, map.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        let ok = try CLI.run(["stats", "--date", "2026-01-01", "--basis", "admin", "--format", "csv"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains(",603628.0,"), ok.stdout)
        let dir = try store()
        // Take the admin basis out of dataset.json: the dataset has none.
        let info = dir.appendingPathComponent("dataset.json")
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: info)) as! [String: Any]
        json.removeValue(forKey: "adminBasis")
        json.removeValue(forKey: "regionsChecksum")
        try JSONSerialization.data(withJSONObject: json).write(to: info)
        try copySnapshot("deepstate", "2026-02-05", into: dir)
        assertOneLineError(try CLI.run(["stats", "--date", "2026-02-05", "--basis", "admin", "--data-dir", dir.path]), 64, "no administrative basis")
    }

    func testDeeplyNestedInputsAreBadDataNotACrash() throws {
        let dir = try store()
        let inputs = try CLI.tempDir()
        for (n, (name, text)) in HarmlessFailureTests.deepInputs.enumerated() {
            // Named as DeepState exports, so that `snapshots --check` reads them too.
            let file = inputs.appendingPathComponent("170000000\(n).geojson")
            try Data(text.utf8).write(to: file)
            let r = try CLI.run(["import", "geojson", file.path, "--source", "x", "--date", "2026-01-01", "--data-dir", dir.path])
            assertOneLineError(r, 65, "nested deeper than 512")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("snapshots").path), [],
                           "\(name): no staging folder left")
            assertOneLineError(try CLI.run(["snapshots", "--check", file.path]), 65, "nested deeper than 512")
        }
        // A regions file of one megabyte of '[': the dataset does not open, and says why.
        try Data(String(repeating: "[", count: 1 << 20).utf8).write(to: dir.appendingPathComponent("regions.geojson"))
        assertOneLineError(try CLI.run(["stats", "--date", "2026-02-05", "--data-dir", dir.path]), 65, "regions.geojson")
    }

    func testDevicesAreNotReplacedByOutputs() throws {
        var st = stat()
        let tiles = try CLI.run(["tiles", "--date", "2026-02-05", "--zoom", "0-0", "--mbtiles", "/dev/null"])
        assertOneLineError(tiles, 73, "not a regular file (a device)")
        let parts = try CLI.tempDir()
        let part = parts.appendingPathComponent("a.mbtiles").path
        XCTAssertEqual(try CLI.run(["tiles", "--date", "2026-02-05", "--zoom", "0-0", "--mbtiles", part]).status, 0)
        assertOneLineError(try CLI.run(["tiles", "merge", part, "-o", "/dev/full"]), 73, "not a regular file")
        XCTAssertEqual(lstat("/dev/null", &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a device")
        XCTAssertEqual(lstat("/dev/full", &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFCHR, "/dev/full is still a device")
    }

    func testMissingBaselineIsMissingInput() throws {
        let dir = try store(["dataset.json", "regions.geojson"])
        try copySnapshot("liveuamap", "2022-03-01", into: dir)
        assertOneLineError(try CLI.run(["stats", "--date", "2022-03-01", "--data-dir", dir.path]), 66, "baseline.geojson is missing")
    }

    func testASnapshotWhoseDateDisagreesWithItsNameIsRefused() throws {
        let dir = try store()
        try copySnapshot("deepstate", "2026-02-05", into: dir, as: "2023-02-05")
        assertOneLineError(try CLI.run(["stats", "--date", "2023-02-05", "--data-dir", dir.path]), 65,
                           "its 'date' member is 2026-02-05, its file name says 2023-02-05")
    }

    func testAFailedWriteToStdoutIsExit74() throws {
        let full = try shell("frontline snapshots > /dev/full")
        assertOneLineError(full, 74, "cannot write the output: No space left on device")
        let closed = try shell("frontline snapshots >&-")
        assertOneLineError(closed, 74, "standard output is closed")
        // A reader that stops early is no error to report: the process ends quietly.
        let pipe = try shell("frontline snapshots --dates | head -c 10 > /dev/null; echo \"status ${PIPESTATUS[0]}\"")
        XCTAssertEqual(pipe.stderr, "")
        XCTAssertTrue(["status 0\n", "status 141\n"].contains(pipe.stdout), pipe.stdout)
    }

    func testAnExportNamedAfterAnImpossibleTimeIsRefused() throws {
        let dir = try store()
        let file = try CLI.tempDir().appendingPathComponent("99999999999999.geojson")
        try Data(#"{"type":"FeatureCollection","features":[]}"#.utf8).write(to: file)
        let r = try CLI.run(["import", "deepstate-raw", file.path, "--data-dir", dir.path])
        assertOneLineError(r, 65, "outside 1900-2100")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("snapshots").path), [])
    }

    func testMergingAFileThatIsNotMBTilesIsBadData() throws {
        let dir = try CLI.tempDir()
        let notSQLite = dir.appendingPathComponent("x.mbtiles")
        try Data("not a database".utf8).write(to: notSQLite)
        let out = dir.appendingPathComponent("out.mbtiles")
        assertOneLineError(try CLI.run(["tiles", "merge", notSQLite.path, "-o", out.path]), 65, "not an MBTiles file")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        assertOneLineError(try CLI.run(["tiles", "merge", dir.appendingPathComponent("none.mbtiles").path, "-o", out.path]), 66, "no such MBTiles")
    }

    func testAMissingOutputFolderFailsBeforeRendering() throws {
        let r = try CLI.run(["render", "--date", "2026-02-05", "--size", "20000x20000", "-o", "missing/dir/x.png"])
        assertOneLineError(r, 73, "folder")
        XCTAssertFalse(r.stderr.contains("note:"), "failed before reading any snapshot: \(r.stderr)")
    }

    func testTileFoldersAreSwitchedWhole() throws {
        let parent = try CLI.tempDir()
        let dir = parent.appendingPathComponent("tiles")
        XCTAssertEqual(try CLI.run(["tiles", "--date", "2025-02-05", "--zoom", "0-2", "-o", dir.path]).status, 0)
        // What a killed run of another process left beside the folder is cleaned up.
        let stale = parent.appendingPathComponent(".tiles.999999999.tmp")
        try FileManager.default.createDirectory(at: stale.appendingPathComponent("0/0"), withIntermediateDirectories: true)
        let second = try CLI.run(["tiles", "--date", "2026-02-05", "--zoom", "0-1", "-o", dir.path])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale.path), "abandoned temporary folder removed")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted(), ["tiles"])
        // The second run replaced the first whole: no z2 tile of 2025 is left beside 2026's metadata.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["0", "1", "metadata.json"])
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("metadata.json"), encoding: .utf8).contains("2026-02-05"))
        // A folder of other files is not a tile folder to replace.
        let docs = parent.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: docs.appendingPathComponent("notes.txt"))
        assertOneLineError(try CLI.run(["tiles", "--date", "2026-02-05", "--zoom", "0-0", "-o", docs.path]), 73, "holds other files")
        XCTAssertEqual(try String(contentsOf: docs.appendingPathComponent("notes.txt"), encoding: .utf8), "mine")
    }

    // Fault: temporary files of killed runs (`.out.mbtiles.<pid>.tmp`) stayed forever.
    func testWhatKilledRunsLeftBesideAnOutputIsRemoved() throws {
        let dir = try CLI.tempDir()
        let stale = [".out.mbtiles.999999999.tmp", ".map.png.999999998.tmp"]
        for name in stale + ["notes.tmp", ".other.999999999.tmp"] { try Data("x".utf8).write(to: dir.appendingPathComponent(name)) }
        XCTAssertEqual(try CLI.run(["tiles", "--date", "2026-02-05", "--zoom", "0-0", "--mbtiles", dir.appendingPathComponent("out.mbtiles").path]).status, 0)
        XCTAssertEqual(try CLI.run(["render", "--date", "2026-02-05", "--size", "400x300", "-o", dir.appendingPathComponent("map.png").path]).status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(),
                       [".other.999999999.tmp", "map.png", "notes.tmp", "out.mbtiles"], "only what the runs to out.mbtiles and map.png left")
    }

    func testShardsOfOnePyramidShareAFolder() throws {
        let dir = try CLI.tempDir().appendingPathComponent("tiles")
        for shard in ["0/2", "1/2"] {
            let r = try CLI.run(["tiles", "--date", "2026-02-05", "--zoom", "0-2", "--shard", shard, "-o", dir.path])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let whole = try CLI.tempDir().appendingPathComponent("tiles")
        XCTAssertEqual(try CLI.run(["tiles", "--date", "2026-02-05", "--zoom", "0-2", "-o", whole.path]).status, 0)
        let list = { (d: URL) in (FileManager.default.enumerator(atPath: d.path)?.allObjects as? [String] ?? []).sorted() }
        XCTAssertEqual(list(dir), list(whole))
    }
}

import Foundation
import XCTest

/// `frontline import` and `frontline snapshots --check PATH` as a user runs them.
final class ImportCommandTests: XCTestCase {
    let fixtures = CLI.root.appendingPathComponent("Tests/FrontlineControlTests/Fixtures")

    /// A dataset folder with the bundled regions and no snapshots.
    func emptyStore() throws -> URL {
        let dir = try CLI.tempDir()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("snapshots"), withIntermediateDirectories: true)
        for f in ["dataset.json", "regions.geojson", "baseline.geojson"] {
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("GeoData/ukraine/\(f)"), to: dir.appendingPathComponent(f))
        }
        return dir
    }

    func listing(_ dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    func testImportIsIdempotent() throws {
        let dir = try emptyStore()
        let fixture = fixtures.appendingPathComponent("nzz-2022-03-24-kherson.json").path
        let first = try CLI.run(["import", "nzz", fixture, "--data-dir", dir.path])
        XCTAssertEqual(first.status, 0, first.stderr)
        let written = dir.appendingPathComponent("snapshots/liveuamap/2022-03-24.geojson")
        let bytes = try Data(contentsOf: written)
        let modified = try FileManager.default.attributesOfItem(atPath: written.path)[.modificationDate] as? Date
        let again = try CLI.run(["import", "nzz", fixture, "--data-dir", dir.path])
        XCTAssertTrue(again.stdout.contains("0 written, 1 unchanged"), again.stdout)
        XCTAssertEqual(try Data(contentsOf: written), bytes)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: written.path)[.modificationDate] as? Date, modified, "not even touched")
        XCTAssertEqual(try CLI.run(["import", "nzz", "/nonexistent.json", "--data-dir", dir.path]).status, 66)
        let stats = try CLI.run(["stats", "--date", "2022-03-30", "--data-dir", dir.path, "--format", "json"])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertTrue(stats.stdout.contains("\"source\":\"liveuamap\""))
    }

    func testRawExportsWithSummaryAndChecks() throws {
        let dir = try emptyStore()
        let r = try CLI.run(["import", "deepstate-raw", fixtures.appendingPathComponent("deepstate-raw").path, "--data-dir", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("[1/2] 1652649626.geojson: 2022-05-15, ") && r.stderr.contains("[2/2] 1754251105.geojson: 2025-08-03, "), r.stderr)
        XCTAssertTrue(r.stdout.contains("imported 2 snapshots from 2 files"), r.stdout)
        // The fixtures are cut-outs without ORDLO: the checks after the import say so.
        XCTAssertTrue(r.stderr.contains("warning: check: deepstate 2022-05-15: covers"), r.stderr)
        XCTAssertEqual(listing(dir.appendingPathComponent("snapshots/deepstate")), ["2022-05-15.geojson", "2025-08-03.geojson"])
        XCTAssertEqual(listing(dir.appendingPathComponent("snapshots")), ["deepstate"], "no staging folder left")
        let stats = try CLI.run(["stats", "--date", "2025-08-03", "--data-dir", dir.path, "--format", "json"])
        for status in ["occupied", "contested", "liberated"] { XCTAssertTrue(stats.stdout.contains("\"\(status)\""), status) }
    }

    func testAFailedImportLeavesTheStoreAsItWas() throws {
        let dir = try emptyStore()
        let inputs = try CLI.tempDir()
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("deepstate-raw/1652649626.geojson"), to: inputs.appendingPathComponent("1652649626.geojson"))
        try Data("{\"type\":\"FeatureCollection\",\"features\":[".utf8).write(to: inputs.appendingPathComponent("1754251105.geojson"))
        let r = try CLI.run(["import", "deepstate-raw", inputs.path, "--data-dir", dir.path])
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertTrue(r.stderr.contains("error: 1754251105.geojson:"), r.stderr)
        XCTAssertEqual(listing(dir.appendingPathComponent("snapshots")), [], "nothing written, no staging folder left")
    }

    func testGeoJSONImportOptions() throws {
        let dir = try emptyStore()
        let file = try CLI.tempDir().appendingPathComponent("mine.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"day":"2025-05-01"},"geometry":{"type":"Polygon","coordinates":[[[37,48],[37.5,48],[37.5,48.5],[37,48],[37,48]]]}}]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let noDate = try CLI.run(["import", "geojson", file.path, "--data-dir", dir.path])
        XCTAssertEqual(noDate.status, 64)
        XCTAssertTrue(noDate.stderr.contains("--date"), noDate.stderr)
        XCTAssertEqual(try CLI.run(["import", "geojson", file.path, "--source", "../x", "--date", "2025-05-01", "--data-dir", dir.path]).status, 64)
        let ok = try CLI.run(["import", "geojson", file.path, "--source", "mine", "--date-property", "day", "--data-dir", dir.path, "--no-check"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(listing(dir.appendingPathComponent("snapshots/mine")), ["2025-05-01.geojson"])
    }

    func testStrictRefusesARepair() throws {
        let dir = try emptyStore()
        let file = try CLI.tempDir().appendingPathComponent("1700000000.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x /// geoJSON.status.occupied"},"geometry":{"type":"Polygon","coordinates":[[[37,48],[37.2,48.2],[37.2,48],[37,48.2],[37,48]]]}}]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let strict = try CLI.run(["import", "deepstate-raw", file.path, "--strict", "--data-dir", dir.path])
        XCTAssertEqual(strict.status, 65)
        XCTAssertTrue(strict.stderr.contains("--strict"), strict.stderr)
        let lenient = try CLI.run(["import", "deepstate-raw", file.path, "--data-dir", dir.path, "--no-check"])
        XCTAssertEqual(lenient.status, 0, lenient.stderr)
        XCTAssertTrue(lenient.stderr.contains("warning: 1700000000.geojson: feature 0: repaired"), lenient.stderr)
    }

    func testCheckOutsideFilesWithoutImporting() throws {
        let r = try CLI.run(["snapshots", "--check", fixtures.appendingPathComponent("deepstate-raw").path])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stdout.contains("deepstate 2022-05-15: covers") && r.stdout.hasSuffix("problems in 2 snapshots\n"), r.stdout)
        XCTAssertEqual(try CLI.run(["snapshots", fixtures.path]).status, 64, "paths need --check")
        XCTAssertEqual(try CLI.run(["snapshots", "--check", "/nonexistent"]).status, 66)
    }
}

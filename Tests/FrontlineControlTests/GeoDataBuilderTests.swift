import Foundation
import XCTest
@testable import FrontlineControl
import FrontlineSupport

/// The bundled regions and base layers are reproducible from GeoData/sources, byte for byte.
final class GeoDataBuilderTests: XCTestCase {
    func testRebuildFromShippedSourcesGivesTheSameBytes() throws {
        let out = Fixtures.tempFolder()
        let sources = Fixtures.bundled.deletingLastPathComponent().appendingPathComponent("sources")
        try GeoDataBuilder(sources: sources, output: out, deepStateDaily: nil,
                           selection: SnapshotSelection(maxGapDays: 7), log: { _ in }).buildAll()
        for file in ["dataset.json", "regions.geojson", "base/land.geojson", "base/borders.geojson",
                     "base/rivers.geojson", "base/lakes.geojson", "places.csv", "base/labels.json", "base/water.geojson", "base/coast.geojson",
                     "base/region-borders.geojson", "base/country-border.geojson"] {
            let rebuilt = try Data(contentsOf: out.appendingPathComponent(file))
            let bundled = try Data(contentsOf: Fixtures.bundled.appendingPathComponent(file))
            XCTAssertEqual(rebuilt, bundled, file)
        }
    }

    func testDeepStateDailyFileNames() {
        XCTAssertEqual(DeepStateDailyImporter.date(ofFile: "deepstatemap_data_20260205.geojson")?.description, "2026-02-05")
        XCTAssertNil(DeepStateDailyImporter.date(ofFile: "deepstatemap_data_20261305.geojson"))
        XCTAssertNil(DeepStateDailyImporter.date(ofFile: "other.geojson"))
    }

    func testDeepStateDailyConversion() throws {
        let dir = Fixtures.tempFolder()
        let url = dir.appendingPathComponent("deepstatemap_data_20260101.geojson")
        try """
        {"type":"FeatureCollection","name":"deepstatemap_data_20260101",
         "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},
         "features":[{"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[[\(Fixtures.box(30, 50, 31, 51))]]}}]}
        """.write(to: url, atomically: true, encoding: .utf8)
        let s = try DeepStateDailyImporter.read(url)
        XCTAssertEqual(s.date.description, "2026-01-01")
        XCTAssertEqual(s.statuses, [.occupied])
        // Written in the project's format and read back: same date, source and area.
        let out = dir.appendingPathComponent("2026-01-01.geojson")
        try AtomicFile.write(try SnapshotFile.data(s), to: out)
        let back = try SnapshotFile.read(out)
        XCTAssertEqual(back.source, "deepstate")
        XCTAssertEqual(back.layers[.occupied]!.planarArea, 1, accuracy: 1e-12)
    }

    func testAtomicWriteIntoMissingFolderFails() {
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: URL(fileURLWithPath: "/nonexistent/dir/file.txt"))) { e in
            XCTAssertEqual((e as? FrontlineError)?.exitCode, 73)
        }
    }
}

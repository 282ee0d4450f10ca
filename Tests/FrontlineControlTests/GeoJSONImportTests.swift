import Foundation
import XCTest
@testable import FrontlineControl
@testable import FrontlineGeo
import FrontlineSupport

/// The plain GeoJSON importer: dates and statuses from properties, gzip, broken inputs.
final class GeoJSONImportTests: XCTestCase {
    func feature(_ props: String, _ x0: Double) -> String {
        #"{"type":"Feature","properties":{\#(props)},"geometry":{"type":"Polygon","coordinates":[\#(Fixtures.box(x0, 50, x0 + 0.2, 50.2))]}}"#
    }

    func write(_ features: [String], _ name: String = "mine.geojson") -> URL {
        let url = Fixtures.tempFolder().appendingPathComponent(name)
        try! #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func testDatesAndStatusesFromProperties() throws {
        let url = write([feature(#""day":"2025-01-01","state":"occupied""#, 30), feature(#""day":"2025-01-01","state":"Contested""#, 30.5),
                         feature(#""day":"20250102","state":"occupied""#, 30), feature(#""day":"2025-01-02T10:00:00Z","state":"unknown""#, 31)])
        let file = try GeoJSONImporter(source: "mine", dateProperty: "day", statusProperty: "state").read(url)
        XCTAssertEqual(file.snapshots.map(\.date.description), ["2025-01-01", "2025-01-02"])
        XCTAssertEqual(file.snapshots[0].statuses, [.occupied, .contested])
        XCTAssertEqual(file.snapshots[1].statuses, [.occupied])
        XCTAssertEqual(file.summary, "mine.geojson: 2 dates (2025-01-01 .. 2025-01-02), skipped: status 'unknown' ×1")
    }

    func testOneDateForAllWithoutStatusIsOccupied() throws {
        let url = write([feature("", 30), feature("", 30.1)])
        let file = try GeoJSONImporter(source: "mine", date: DayDate("2024-05-01")).read(url)
        XCTAssertEqual(file.snapshots.count, 1)
        XCTAssertEqual(file.snapshots[0].statuses, [.occupied])
        // Two 0.2° boxes overlapping by half: their union, 0.3° × 0.2° at 50° N (21.4 km × 22.2 km).
        XCTAssertEqual(Geodesic.areaKm2(file.snapshots[0].layers[.occupied]!), 477, accuracy: 5)
    }

    func testGzippedFile() throws {
        let url = write([feature(#""date":"2025-03-01""#, 30)], "deepstate-map-data.geojson")
        let gz = Process()
        gz.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gz.arguments = ["-kn", url.path]
        try gz.run()
        gz.waitUntilExit()
        let file = try GeoJSONImporter(source: "deepstate", dateProperty: "date").read(url.appendingPathExtension("gz"))
        XCTAssertEqual(file.snapshots.map(\.date.description), ["2025-03-01"])
        // The unified DeepState file goes through the deepstate format.
        let viaFormat = try SnapshotImporter(format: .deepstate, regions: Fixtures.bundledDataset.regions)
            .read(url.appendingPathExtension("gz")) { _ in }
        XCTAssertEqual(viaFormat.snapshots.map(\.date.description), ["2025-03-01"])
    }

    func testBrokenInputs() throws {
        let cases: [(URL, GeoJSONImporter, String, Int32)] = [
            (write([feature(#""day":"March""#, 30)]), GeoJSONImporter(source: "s", dateProperty: "day"), "feature 0: 'day' is not a date: March", 65),
            (write([feature(#""x":1"#, 30)]), GeoJSONImporter(source: "s", dateProperty: "day"), "feature 0: no 'day' property", 65),
            (write([feature("", 30)]), GeoJSONImporter(source: "s"), "--date YYYY-MM-DD or --date-property NAME", 64),
            (write([#"{"type":"Feature","properties":{}}"#]), GeoJSONImporter(source: "s", date: DayDate("2025-01-01")), "feature 0: Feature without a 'geometry'", 65),
        ]
        for (url, importer, expected, code) in cases {
            XCTAssertThrowsError(try importer.read(url), expected) { e in
                XCTAssertEqual((e as? FrontlineError)?.exitCode, code, expected)
                XCTAssertTrue("\(e)".contains(expected), "\(e)")
            }
        }
    }

    func testLinesAreSkipped() throws {
        let line = #"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[30,50],[31,51]]}}"#
        let file = try GeoJSONImporter(source: "s", date: DayDate("2025-01-01")).read(write([line, feature("", 30)]))
        XCTAssertEqual(file.snapshots.count, 1)
    }

    // Fault: a feature with "geometry": null was skipped in silence; the README calls it an error.
    func testNullGeometryIsAnErrorNamingTheFeature() throws {
        let empty = #"{"type":"Feature","properties":{},"geometry":null}"#
        XCTAssertThrowsError(try GeoJSONImporter(source: "s", date: DayDate("2025-01-01")).read(write([feature("", 30), empty]))) { e in
            XCTAssertEqual((e as? FrontlineError)?.exitCode, 65)
            XCTAssertTrue("\(e)".hasSuffix("feature 1: no geometry (\"geometry\": null)"), "\(e)")
        }
    }
}

import Foundation
import XCTest
@testable import FrontlineControl
@testable import FrontlineGeo
import FrontlineSupport
import FrontlineTestSupport

/// The DeepStateMap export importer on fixtures cut from two real exports (an untagged one of
/// May 2022 classified by colour, a tagged one of August 2025), and on broken files.
final class RawImportTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/deepstate-raw")
    let untagged = folder.appendingPathComponent("1652649626.geojson")
    let tagged = folder.appendingPathComponent("1754251105.geojson")
    let importer = try! DeepStateRawImporter(regions: Fixtures.bundledDataset.regions)
    let simferopol = Position(34.1, 44.95)

    func contains(_ g: Geometry?, _ p: Position) throws -> Bool {
        guard let g else { return false }
        return try PreparedGeometry(g).contains(p)
    }

    func testUntaggedExportIsClassifiedByColour() throws {
        let file = try importer.read(untagged)
        let s = try XCTUnwrap(file.snapshots.first)
        XCTAssertEqual(s.date.description, "2022-05-15")
        XCTAssertEqual(s.statuses, [.occupied, .contested, .liberated])
        // Crimea is a GeometryCollection in these files, black in the oldest ones: read, not skipped.
        XCTAssertTrue(try contains(s.layers[.occupied], simferopol))
        // #880e4f is Transnistria here: dropped because it lies outside Ukraine's regions.
        XCTAssertFalse(try contains(s.layers[.occupied], Position(29.6, 46.85)), "Tiraspol")
        XCTAssertTrue(file.summary.contains("outside"), file.summary)
        XCTAssertTrue(file.summary.hasPrefix("1652649626.geojson: 2022-05-15, "), file.summary)
    }

    func testTaggedExport() throws {
        let file = try importer.read(tagged)
        let s = try XCTUnwrap(file.snapshots.first)
        XCTAssertEqual(s.date.description, "2025-08-03")
        XCTAssertTrue(try contains(s.layers[.occupied], simferopol), "territories.crimea is held before 2022, counted as occupied")
        XCTAssertNotNil(s.layers[.contested])
        XCTAssertNotNil(s.layers[.liberated], "status.dismissed_at {{at:…}} is liberated")
        XCTAssertTrue(file.summary.contains("1 held before 2022") && file.summary.contains("outside"), file.summary)
        XCTAssertFalse(file.summary.contains("not classified"), file.summary)
    }

    func testLayersAreDisjoint() throws {
        let s = try XCTUnwrap(try importer.read(tagged).snapshots.first)
        let layers = s.statuses.map { s.layers[$0]! }
        for i in layers.indices { for j in layers.indices where i < j {
            XCTAssertEqual(try layers[i].intersection(layers[j]).planarArea, 0, accuracy: 1e-9)
        } }
    }

    func testClassesByTagAndColour() {
        XCTAssertEqual(DeepStateRawClass.of(name: "Звільнено /// geoJSON.status.dismissed_at {{at:25.03}}", fill: "#0f9d58"), .liberated)
        XCTAssertEqual(DeepStateRawClass.of(name: "x /// geoJSON.territories.ordlo", fill: nil), .heldBefore2022)
        XCTAssertEqual(DeepStateRawClass.of(name: "x /// geoJSON.territories.abkhazia", fill: "#a52714"), .outside, "the tag wins")
        XCTAssertEqual(DeepStateRawClass.of(name: "Зміїний /// geoJSON.zmiinyi_island", fill: "#0f9d58"), .liberated, "an unknown tag falls back to the colour")
        XCTAssertEqual(DeepStateRawClass.of(name: "Contested", fill: "#BDBDBD"), .contested)
        XCTAssertEqual(DeepStateRawClass.of(name: "?", fill: "#757575"), .unclassified)
    }

    func testUnknownColourIsCountedNotFatal() throws {
        let dir = Fixtures.tempFolder()
        let text = try String(contentsOf: untagged, encoding: .utf8).replacingOccurrences(of: "#bcaaa4", with: "#123456")
        let url = dir.appendingPathComponent(untagged.lastPathComponent)
        try text.write(to: url, atomically: true, encoding: .utf8)
        let file = try importer.read(url)
        XCTAssertTrue(file.summary.contains("not classified: fill #123456 ×1"), file.summary)
        XCTAssertNil(file.snapshots[0].layers[.contested])
    }

    func testLastExportOfADayIsKept() throws {
        let dir = Fixtures.tempFolder()
        for name in ["1652649626.geojson", "1652640000.geojson", "1652500000.geojson", "notes.geojson"] {
            try Data("{}".utf8).write(to: dir.appendingPathComponent(name))
        }
        XCTAssertEqual(try DeepStateRawImporter.files(in: dir).map(\.lastPathComponent), ["1652500000.geojson", "1652649626.geojson"])
    }

    func testBrokenExports() throws {
        let dir = Fixtures.tempFolder()
        let text = try String(contentsOf: tagged, encoding: .utf8)
        let cases: [(String, String, String, Int32)] = [
            ("1700000000.geojson", String(text.prefix(text.count / 2)), "truncated", 65),
            ("1700000001.geojson", #"{"type":"Topology","objects":{}}"#, "not GeoJSON", 65),
            ("1700000002.geojson", ##"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"fill":"#a52714"}}]}"##, "feature 0: Feature without a 'geometry'", 65),
            ("1700000003.geojson", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[30,50],[200,50],[30,51],[30,50]]]}}]}"#, "feature 0: Polygon has a coordinate outside lon/lat range", 65),
            ("export.geojson", text, "not a DeepStateMap export name", 64),
        ]
        for (name, body, expected, code) in cases {
            let url = dir.appendingPathComponent(name)
            try body.write(to: url, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try importer.read(url), name) { e in
                XCTAssertEqual((e as? FrontlineError)?.exitCode, code, name)
                XCTAssertTrue("\(e)".contains(name) && "\(e)".contains(expected), "\(name): \(e)")
            }
        }
    }

    func testStrictRefusesRepairs() throws {
        // A bow-tie ring: repaired (both lobes kept) with a note, or refused with --strict.
        let dir = Fixtures.tempFolder()
        let url = dir.appendingPathComponent("1700000000.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x /// geoJSON.status.occupied"},"geometry":{"type":"Polygon","coordinates":[[[37,48],[37.2,48.2],[37.2,48],[37,48.2],[37,48]]]}}]}"#
            .write(to: url, atomically: true, encoding: .utf8)
        var importer = try SnapshotImporter(format: .deepstateRaw, regions: Fixtures.bundledDataset.regions)
        var notes: [String] = []
        let file = try importer.read(url) { notes.append($0) }
        XCTAssertEqual(notes.count, 1)
        XCTAssertTrue(file.summary.hasSuffix("1 repair"), file.summary)
        XCTAssertGreaterThan(Geodesic.areaKm2(file.snapshots[0].layers[.occupied]!), 100)
        importer.strict = true
        XCTAssertThrowsError(try importer.read(url) { _ in }) { e in
            XCTAssertEqual((e as? FrontlineError)?.exitCode, 65)
            XCTAssertTrue("\(e)".contains("--strict"), "\(e)")
        }
    }
}

/// Land liberated across the border (the Kursk salient) is a status of its own; the same
/// status far from the country is dropped, and a feature's parts are told apart.
final class HeldAbroadImportTests: XCTestCase {
    func testLiberatedLandNextToTheCountryInANeighbourIsHeldAbroad() throws {
        let dir = try TemporaryFolder.make("kursk")
        let box = { (x0: Double, y0: Double, x1: Double, y1: Double) in "[[[\(x0),\(y0)],[\(x1),\(y0)],[\(x1),\(y1)],[\(x0),\(y1)],[\(x0),\(y0)]]]" }
        // One dismissed feature: a piece in Sumy oblast and one around Sudzha in Russia; and a
        // dismissed polygon far inside Russia.
        let text = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"name":"x /// geoJSON.status.dismissed"},"geometry":{"type":"MultiPolygon","coordinates":[\(box(34.0, 50.8, 34.2, 51.0)),\(box(35.15, 51.12, 35.4, 51.3))]}},
        {"type":"Feature","properties":{"name":"y /// geoJSON.status.dismissed"},"geometry":{"type":"Polygon","coordinates":\(box(39.0, 54.0, 39.2, 54.2))}}
        ]}
        """
        let url = dir.appendingPathComponent("1725222208.geojson")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let file = try DeepStateRawImporter(regions: Fixtures.bundledDataset.regions).read(url)
        let s = try XCTUnwrap(file.snapshots.first)
        let sudzha = Position(35.271, 51.191)
        XCTAssertTrue(try PreparedGeometry(try XCTUnwrap(s.layers[.heldAbroad])).contains(sudzha))
        XCTAssertFalse(try PreparedGeometry(try XCTUnwrap(s.layers[.liberated])).contains(sudzha))
        XCTAssertTrue(try PreparedGeometry(try XCTUnwrap(s.layers[.liberated])).contains(Position(34.1, 50.9)))
        XCTAssertFalse(try PreparedGeometry(s.layers[.heldAbroad]!).contains(Position(39.1, 54.1)), "far away: not held abroad")
        XCTAssertTrue(file.summary.contains("1 held abroad") && file.summary.contains("1 outside"), file.summary)
    }
}

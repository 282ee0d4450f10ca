import Foundation
import XCTest
@testable import FrontlineControl
@testable import FrontlineGeo
import FrontlineSupport

/// The NZZ importer on a fixture cut from the real format, on broken files, and the 2022
/// history it brings into the bundle.
final class ImportTests: XCTestCase {
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/nzz-2022-03-24-kherson.json")

    func testNZZFixture() throws {
        let s = try NZZImporter.read(fixture)
        XCTAssertEqual(s.date.description, "2022-03-24")
        XCTAssertEqual(s.source, "liveuamap")
        // Kherson city was occupied on 24 March 2022.
        XCTAssertTrue(try PreparedGeometry(s.layers[.occupied]!).contains(Position(32.617, 46.635)))
        // Writing it in the project's format twice gives the same bytes (imports are idempotent).
        XCTAssertEqual(try SnapshotFile.data(s), try SnapshotFile.data(try NZZImporter.read(fixture)))
    }

    func testBrokenNZZFiles() throws {
        let dir = Fixtures.tempFolder()
        let text = try String(contentsOf: fixture, encoding: .utf8)
        let cases: [(String, String, String)] = [
            ("truncated.json", String(text.prefix(text.count / 2)), "truncated"),
            ("2022-03-24.json", #"{"type":"FeatureCollection","features":[]}"#, "no 'value'"),
            ("2022-03-25.json", #"{"value":{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"type":"gains"}}]}}"#, "without a 'geometry'"),
            ("nodate.json", #"{"value":{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"type":"gains","_dateto":"someday"},"geometry":null}]}}"#, "not a date"),
            // Fault: a `_dateto` of 1999-01-01 silently overrode the file name's date.
            ("2022-03-26.json", text.replacingOccurrences(of: #""_dateto": "2022-03-24""#, with: #""_dateto": "1999-01-01""#)
                .replacingOccurrences(of: #""_dateto":"2022-03-24""#, with: #""_dateto":"1999-01-01""#), "does not fit the file's date 2022-03-26"),
            ("2022-03-20.json", text, "does not fit the file's date 2022-03-20"),
        ]
        for (name, body, expected) in cases {
            let url = dir.appendingPathComponent(name)
            try body.write(to: url, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try NZZImporter.read(url), name) { e in
                XCTAssertEqual((e as? FrontlineError)?.exitCode, 65, name)
                XCTAssertTrue("\(e)".contains(name) && "\(e)".contains(expected), "\(name): \(e)")
            }
        }
    }

    func testThe2022HistoryWithTheBaseline() throws {
        let ds = try Fixtures.bundledDataset
        let s = try ds.control(asOf: DayDate("2022-03-24")!, source: "liveuamap")
        XCTAssertEqual(s.km2(.occupied), 138_700, accuracy: 1_500)
        XCTAssertEqual(s.percent(.occupied), 23.2, accuracy: 1)
        XCTAssertEqual(s.region("UA-32")!.percent(.occupied), 22, accuracy: 3)
        XCTAssertEqual(s.region("UA-43")!.percent(.occupied), 100, accuracy: 0.01, "Crimea comes from the baseline")
        // Without a source: the newest snapshot of any source, here the only one of 2022.
        XCTAssertEqual(try ds.control(asOf: DayDate("2022-03-24")!).source, "liveuamap")
        XCTAssertEqual(try ds.control(asOf: DayDate("2026-02-05")!).source, "deepstate")
    }

    func testKhersonCityOccupiedInMarch2022() throws {
        let r = try Fixtures.bundledDataset.measure(asOf: DayDate("2022-03-24")!, source: "liveuamap")
        let held = try XCTUnwrap(r.geometry.byRegion["UA-65"]?.held[.occupied]).geometry()
        XCTAssertTrue(try PreparedGeometry(held).contains(Position(32.617, 46.635)))
    }
}

/// The bundled DeepState history from the full exports (October 2022 to July 2024).
final class BundledHistoryTests: XCTestCase {
    func occupied(_ r: ControlMeasurement, _ iso: String, _ p: Position) throws -> Bool {
        guard let held = r.geometry.byRegion[iso]?.held[.occupied] else { return false }
        return try PreparedGeometry(try held.geometry()).contains(p)
    }

    func testNovember2022AfterKherson() throws {
        let r = try Fixtures.bundledDataset.measure(asOf: DayDate("2022-11-17")!)
        XCTAssertEqual(r.state.source, "deepstate", "the nearest snapshot on or before the date")
        XCTAssertEqual(r.state.percent(.occupied), 17.8, accuracy: 0.5)
        XCTAssertFalse(try occupied(r, "UA-65", Position(32.617, 46.635)), "Kherson city")
        XCTAssertFalse(try occupied(r, "UA-63", Position(37.255, 49.212)), "Izium")
        XCTAssertFalse(try occupied(r, "UA-63", Position(37.614, 49.716)), "Kupiansk")
        XCTAssertTrue(try occupied(r, "UA-65", Position(33.37, 46.75)), "Nova Kakhovka, across the Dnipro")
    }

    func testJune2023ContestedAndLiberated() throws {
        let s = try Fixtures.bundledDataset.control(asOf: DayDate("2023-06-15")!, source: "deepstate")
        XCTAssertEqual(s.statuses, [.occupied, .contested, .liberated])
        XCTAssertGreaterThan(s.km2(.contested), 100)
        XCTAssertLessThan(s.km2(.contested), 1_000)
        XCTAssertEqual(s.km2(.liberated), 43_000, accuracy: 1_500)
        XCTAssertEqual(s.region("UA-32")!.percent(.liberated), 24, accuracy: 3, "Kyiv oblast, freed in spring 2022")
        // Liberated land is free land: the area is the invader's land and the free land.
        XCTAssertEqual(s.areaKm2, s.km2(.occupied) + s.km2(.contested) + s.freeKm2, accuracy: 1)
        XCTAssertGreaterThan(s.freeKm2, s.km2(.liberated))
    }
}

final class SnapshotCheckTests: XCTestCase {
    func testSpikesAndMissingBaselineAreFlagged() throws {
        // Region TT-01 is 30..31 E; the baseline is its western tenth.
        let box = Fixtures.box
        let snap = { (date: String, x1: Double) in Fixtures.snapshotJSON(date: date, features: Fixtures.occupied("[\(box(30, 50, x1, 51))]")) }
        let dir = Fixtures.dataset(snapshots: [
            "2026-01-01": snap("2026-01-01", 30.5), "2026-01-02": snap("2026-01-02", 30.51),
            "2026-01-03": snap("2026-01-03", 31.9), "2026-01-04": snap("2026-01-04", 30.52),
            "2026-01-05": Fixtures.snapshotJSON(date: "2026-01-05", features: Fixtures.occupied("[\(box(30.2, 50, 30.53, 51))]")),
            "2026-01-06": snap("2026-01-06", 30.54),
        ])
        try Baseline.data(try Geometry.rectangle(Envelope(minX: 30, minY: 50, maxX: 30.1, maxY: 51)), source: "test")
            .write(to: dir.appendingPathComponent(Baseline.fileName))
        let problems = try SnapshotCheck().run(try Dataset(folder: dir))
        XCTAssertEqual(problems.map { "\($0.date)" }, ["2026-01-03", "2026-01-05"], problems.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(problems[0].message.contains("jumps"))
        XCTAssertTrue(problems[1].message.contains("held before 2022"))
    }
}

import Foundation
import XCTest
@testable import FrontlineControl
import FrontlineSupport

/// Corrupt snapshot and regions files: one clear message naming file and feature, exit 65.
final class BadDataTests: XCTestCase {
    func load(snapshot text: String) throws -> ControlState {
        let dir = Fixtures.dataset(snapshots: ["2026-01-01": text])
        return try Dataset(folder: dir).control(asOf: DayDate("2026-01-01")!)
    }

    func assertBadData(_ text: String, mentions expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try load(snapshot: text), file: file, line: line) { e in
            guard let fe = e as? FrontlineError else { return XCTFail("not a FrontlineError: \(e)", file: file, line: line) }
            XCTAssertEqual(fe.exitCode, 65, file: file, line: line)
            XCTAssertFalse(fe.description.contains("\n"), "one line", file: file, line: line)
            for m in ["2026-01-01.geojson"] + expected {
                XCTAssertTrue(fe.description.contains(m), "'\(fe)' lacks '\(m)'", file: file, line: line)
            }
        }
    }

    let good = Fixtures.occupied("[\(Fixtures.box(30.2, 50.2, 30.8, 50.8))]")

    func testTruncatedJSON() {
        let full = Fixtures.snapshotJSON(date: "2026-01-01", features: good)
        assertBadData(String(full.prefix(full.count / 2)), mentions: ["truncated"])
    }

    func testWrongGeometryType() {
        assertBadData(Fixtures.snapshotJSON(date: "2026-01-01", features: good + "," + Fixtures.occupied("[[30,50],[31,51]]", type: "LineString")),
                      mentions: ["feature 1", "Polygon or MultiPolygon"])
    }

    func testNaNAndOutOfRangeCoordinates() {
        assertBadData(Fixtures.snapshotJSON(date: "2026-01-01", features: Fixtures.occupied("[[[30,50],[NaN,50],[31,51],[30,50]]]")),
                      mentions: ["invalid JSON"])
        assertBadData(Fixtures.snapshotJSON(date: "2026-01-01", features: good + "," + Fixtures.occupied("[[[30,50],[310,50],[31,51],[30,50]]]")),
                      mentions: ["feature 1", "outside lon/lat range"])
    }

    func testUnclosedRing() {
        assertBadData(Fixtures.snapshotJSON(date: "2026-01-01", features: Fixtures.occupied("[[[30,50],[31,50],[31,51],[30,51]]]")),
                      mentions: ["feature 0", "not closed"])
    }

    func testSelfIntersectingPolygon() {
        assertBadData(Fixtures.snapshotJSON(date: "2026-01-01", features: Fixtures.occupied("[[[30,50],[31,51],[31,50],[30,51],[30,50]]]")),
                      mentions: ["feature 0", "edges cross"])
    }

    func testUnknownStatusAndMissingDate() {
        assertBadData(#"{"type":"FeatureCollection","date":"2026-01-01","features":[{"type":"Feature","properties":{"status":"annexed"},"geometry":null}]}"#,
                      mentions: ["unknown status 'annexed'"])
        assertBadData(#"{"type":"FeatureCollection","features":[]}"#, mentions: ["'date'"])
    }

    func testRepairablePolygonIsRepairedWithAWarning() throws {
        // Self-touching ring: invalid, one clear meaning.
        let text = Fixtures.snapshotJSON(date: "2026-01-01", features: Fixtures.occupied("[[[30,50],[31,50],[30.5,50.5],[31,51],[30,51],[30.5,50.5],[30,50]]]"))
        let dir = Fixtures.dataset(snapshots: ["2026-01-01": text])
        let collected = Locked<[String]>([])
        let ds = try Dataset(folder: dir, warn: { w in collected.update { $0.append(w) } })
        let s = try ds.control(asOf: DayDate("2026-01-01")!)
        XCTAssertGreaterThan(s.km2(.occupied), 0)
        let warnings = collected.value
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings[0].contains("2026-01-01.geojson: feature 0: repaired"), warnings[0])
    }

    func testCorruptRegionsFile() {
        let cases: [(String, String)] = [
            ("{\"type\":\"FeatureCollection\",\"features\":[", "truncated"),
            (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"iso":"X"},"geometry":{"type":"Point","coordinates":[30,50]}}]}"#, "Polygon or MultiPolygon"),
            (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[\#(Fixtures.box(30, 50, 31, 51))]}}]}"#, "no 'iso'"),
            (#"{"type":"FeatureCollection","features":[]}"#, "no regions"),
        ]
        for (text, expected) in cases {
            let dir = Fixtures.dataset(regions: text, snapshots: [:])
            XCTAssertThrowsError(try Dataset(folder: dir), expected) { e in
                XCTAssertEqual((e as? FrontlineError)?.exitCode, 65)
                XCTAssertTrue("\(e)".contains("regions.geojson"), "\(e)")
                XCTAssertTrue("\(e)".contains(expected), "\(e)")
            }
        }
    }

    func testMissingDatasetFiles() {
        let dir = Fixtures.tempFolder()
        XCTAssertThrowsError(try Dataset(folder: dir)) { e in XCTAssertEqual((e as? FrontlineError)?.exitCode, 66) }
    }
}

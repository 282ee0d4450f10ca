import XCTest
import FrontlineTestSupport
@testable import FrontlineControl
import FrontlineSupport

/// Change between dates on the bundled data, against the figures the issue quotes.
final class ChangeSetTests: XCTestCase {
    static let yearFixture = Fixture { try Fixtures.bundledDataset.change(from: DayDate("2025-02-05")!, to: DayDate("2026-02-05")!).changes }
    static var year: ChangeSet { get throws { try yearFixture.value } }

    /// Within 3 % or 15 km², whichever is larger.
    func assertAbout(_ value: Double, _ expected: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(value, expected, accuracy: max(15, 0.03 * expected), what, file: file, line: line)
    }

    func testYearOnYearFigures() throws {
        let c = try Self.year
        assertAbout(c.national(.occupied).gainedKm2, 4_270, "national gained")
        XCTAssertLessThan(c.national(.occupied).lostKm2, 50)
        for (iso, km2) in [("UA-14", 2_660.0), ("UA-23", 650), ("UA-63", 370), ("UA-59", 250), ("UA-12", 185), ("UA-09", 150)] {
            assertAbout(c.region(iso)!.change(.occupied).gainedKm2, km2, iso)
        }
        XCTAssertEqual(c.region("UA-46")!.change(.occupied).gainedKm2, 0)
    }

    func testNationalIsTheSumOfRegions() throws {
        let c = try Self.year
        let gained = c.regions.reduce(0) { $0 + $1.change(.occupied).gainedKm2 }
        XCTAssertEqual(c.national(.occupied).gainedKm2, gained, accuracy: 1e-9)
        XCTAssertEqual(c.national(.occupied).fromKm2, c.from.km2(.occupied), accuracy: 1e-6)
        XCTAssertEqual(c.national(.occupied).toKm2, c.to.km2(.occupied), accuracy: 1e-6)
        // Net change agrees with the two ends up to the filtered re-tracing noise.
        XCTAssertEqual(c.national(.occupied).netKm2, c.to.km2(.occupied) - c.from.km2(.occupied), accuracy: 5)
    }

    func testReverseSwapsGainsAndLosses() throws {
        let forward = try Self.year
        let ds = try Fixtures.bundledDataset
        let a = try ds.snapshot(ds.timeline.snapshot(asOf: DayDate("2025-02-05")!).ref)
        let b = try ds.snapshot(ds.timeline.snapshot(asOf: DayDate("2026-02-05")!).ref)
        let backward = try ChangeMeasurer(regions: ds.regions).measure(from: b, to: a).changes
        for r in forward.regions {
            let f = r.change(.occupied), g = backward.region(r.iso)!.change(.occupied)
            XCTAssertEqual(f.gainedKm2, g.lostKm2, accuracy: 1e-6, r.iso)
            XCTAssertEqual(f.lostKm2, g.gainedKm2, accuracy: 1e-6, r.iso)
        }
    }

    func testOneDayIsAHandfulOfKm2() throws {
        let c = try Fixtures.bundledDataset.change(from: DayDate("2026-02-04")!, to: DayDate("2026-02-05")!).changes
        XCTAssertGreaterThan(c.national(.occupied).gainedKm2, 1)
        XCTAssertLessThan(c.national(.occupied).gainedKm2 + c.national(.occupied).lostKm2, 30)
    }

    func testSameDateIsNoChange() throws {
        let r = try Fixtures.bundledDataset.change(from: DayDate("2026-02-05")!, to: DayDate("2026-02-05")!)
        XCTAssertEqual(r.changes.national(.occupied).gainedKm2, 0)
        XCTAssertEqual(r.changes.national(.occupied).lostKm2, 0)
        XCTAssertTrue(r.geometry.gained.values.allSatisfy(\.isEmpty))
    }

    func testBadDates() {
        XCTAssertThrowsError(try Fixtures.bundledDataset.change(from: DayDate("2026-02-05")!, to: DayDate("2025-02-05")!)) { e in
            XCTAssertEqual((e as? FrontlineError)?.exitCode, 64)
        }
        XCTAssertThrowsError(try Fixtures.bundledDataset.change(from: DayDate("2020-01-01")!, to: DayDate("2025-02-05")!)) { e in
            XCTAssertEqual((e as? FrontlineError)?.exitCode, 66)
        }
    }

    func testFilterDropsThinStripsOnly() throws {
        // A source that re-traces its border 100 m further out: a thin strip, not an advance.
        let regions = Fixtures.regionsJSON
        let a = Fixtures.snapshotJSON(date: "2026-01-01", features: Fixtures.occupied("[\(Fixtures.box(30.5, 50, 31.2, 51))]"))
        let b = Fixtures.snapshotJSON(date: "2026-01-02", features: Fixtures.occupied("[\(Fixtures.box(30.499, 50, 31.2, 51))]"))
        let c = Fixtures.snapshotJSON(date: "2026-01-03", features: Fixtures.occupied("[\(Fixtures.box(30.4, 50, 31.2, 51))]"))
        let ds = try Dataset(folder: Fixtures.dataset(regions: regions, snapshots: ["2026-01-01": a, "2026-01-02": b, "2026-01-03": c]))
        let retraced = try ds.change(from: DayDate("2026-01-01")!, to: DayDate("2026-01-02")!).changes
        XCTAssertEqual(retraced.national(.occupied).gainedKm2, 0)
        let raw = try ds.change(from: DayDate("2026-01-01")!, to: DayDate("2026-01-02")!, sliverRule: .none, filter: .none).changes
        XCTAssertGreaterThan(raw.national(.occupied).gainedKm2, 7)
        let advance = try ds.change(from: DayDate("2026-01-01")!, to: DayDate("2026-01-03")!).changes
        XCTAssertEqual(advance.region("TT-01")!.change(.occupied).gainedKm2, 789.2, accuracy: 5, "0.1° × 1° at 50.5° N")
    }
}

/// Freed land is measured as land held in no invader status at the later date: with the grey
/// zone, land passing between occupied and contested is not freed.
final class FreedLandTests: XCTestCase {
    func testFreedIsLessThanTheStatusesLossesWithTheGreyZone() throws {
        let c = try Fixtures.bundledDataset.change(from: DayDate("2022-11-17")!, to: DayDate("2023-11-17")!).changes
        XCTAssertTrue(c.statuses.contains(.contested))
        let losses = c.national(.occupied).lostKm2 + c.national(.contested).lostKm2
        XCTAssertGreaterThan(c.freedKm2, 100, "Ukraine freed land in 2023 (Robotyne, Klishchiivka, the Dnipro's left bank)")
        XCTAssertLessThan(c.freedKm2, losses - 100, "some losses of one status are gains of the other")
        XCTAssertEqual(c.freedKm2, c.regions.reduce(0) { $0 + $1.freedKm2 }, accuracy: 1e-9)
    }

    func testWithOneStatusFreedIsTheLostLand() throws {
        let c = try Fixtures.bundledDataset.change(from: DayDate("2025-02-05")!, to: DayDate("2026-02-05")!).changes
        XCTAssertEqual(c.statuses, [.occupied])
        XCTAssertEqual(c.freedKm2, c.national(.occupied).lostKm2, accuracy: 1e-9)
    }
}

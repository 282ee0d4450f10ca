import XCTest
import FrontlineTestSupport
@testable import FrontlineControl

/// The figures the issue asks for, on the bundled data (2026-02-05, DeepStateMap).
final class ControlFiguresTests: XCTestCase {
    static let stateFixture = Fixture { try Fixtures.bundledDataset.control(asOf: DayDate("2026-02-05")!) }
    static var state: ControlState { get throws { try stateFixture.value } }

    func testNationalFigures() throws {
        let s = try Self.state
        XCTAssertEqual(s.snapshotDate.description, "2026-02-05")
        XCTAssertEqual(s.areaKm2, 599_000, accuracy: 1_500)
        XCTAssertEqual(s.km2(.occupied), 114_600, accuracy: 1_000)
        XCTAssertEqual(s.percent(.occupied), 19.1, accuracy: 0.3)
        XCTAssertEqual(s.km2(.occupied) + s.freeKm2, s.areaKm2, accuracy: 0.01)
    }

    func testDonetskAboutFourFifths() {
        XCTAssertEqual(try Self.state.region("UA-14")!.percent(.occupied), 78.6, accuracy: 1)
    }

    func testLuhanskKeepsItsRealPocket() throws {
        let luhansk = try Self.state.region("UA-09")!
        XCTAssertGreaterThanOrEqual(luhansk.percent(.occupied), 99.5)
        XCTAssertLessThanOrEqual(luhansk.percent(.occupied), 99.85)
        XCTAssertEqual(luhansk.freeKm2, 85, accuracy: 10)
    }

    func testCrimeaAndSevastopolWhollyOccupied() {
        for iso in ["UA-43", "UA-40"] {
            XCTAssertEqual(try Self.state.region(iso)!.percent(.occupied), 100, accuracy: 0.0005, iso)
        }
    }

    func testWesternRegionsUntouched() {
        for iso in ["UA-46", "UA-07", "UA-21"] {
            XCTAssertEqual(try Self.state.region(iso)!.km2(.occupied), 0, iso)
        }
    }

    func testWithoutReconciliationCrimeaIsNotWhole() throws {
        let raw = try Fixtures.bundledDataset.control(asOf: DayDate("2026-02-05")!, sliverRule: .none)
        XCTAssertLessThan(raw.region("UA-43")!.percent(.occupied), 99.9)
    }

    func testDateBetweenSnapshotsUsesTheOneBefore() throws {
        let ds = try Fixtures.bundledDataset
        let m = try ds.timeline.snapshot(asOf: DayDate("2026-02-08")!)
        XCTAssertLessThanOrEqual(m.ref.date, DayDate("2026-02-08")!)
        XCTAssertGreaterThanOrEqual(m.ref.date, DayDate("2026-02-06")!)
    }

    func testSeriesReusesSnapshotsAndKeepsDates() throws {
        let ds = try Fixtures.bundledDataset
        let dates = try ds.seriesDates(from: DayDate("2026-02-04")!, to: DayDate("2026-02-06")!, everyDays: 1)
        let series = try ds.series(dates)
        XCTAssertEqual(series.map { $0.date.description }, ["2026-02-04", "2026-02-05", "2026-02-06"])
        XCTAssertEqual(series.map { $0.snapshotDate.description }, ["2026-02-04", "2026-02-05", "2026-02-06"])
        XCTAssertEqual(series[0].km2(.occupied), series[2].km2(.occupied), accuracy: 50, "days differ by a few km²")
    }
}

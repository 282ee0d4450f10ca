import XCTest
@testable import FrontlineControl
import FrontlineSupport

final class TimelineTests: XCTestCase {
    let timeline = Timeline(["2026-02-01", "2026-02-05", "2026-02-10"].map {
        SnapshotRef(date: DayDate($0)!, source: "a", path: "/x/\($0)")
    } + [SnapshotRef(date: DayDate("2026-02-07")!, source: "b", path: "/y")])

    func testExactAndBetweenDates() throws {
        XCTAssertEqual(try timeline.snapshot(asOf: DayDate("2026-02-05")!, source: "a").ageDays, 0)
        let m = try timeline.snapshot(asOf: DayDate("2026-02-08")!, source: "a")
        XCTAssertEqual(m.ref.date.description, "2026-02-05")
        XCTAssertEqual(m.ageDays, 3)
        XCTAssertEqual(try timeline.snapshot(asOf: DayDate("2026-02-08")!).ref.source, "b", "newest of any source")
        XCTAssertEqual(try timeline.snapshot(asOf: DayDate("2030-01-01")!, source: "a").ref.date.description, "2026-02-10")
    }

    /// With periods one source stands for each date: no alternation where two overlap.
    func testSourcePeriods() throws {
        let refs = ["2022-09-20", "2022-10-03", "2022-10-16"].map { SnapshotRef(date: DayDate($0)!, source: "old", path: "/o/\($0)") }
            + ["2022-10-02", "2022-10-30"].map { SnapshotRef(date: DayDate($0)!, source: "new", path: "/n/\($0)") }
        let periods = [DatasetInfo.SourcePeriod(source: "old", from: DayDate("2022-02-24")!, why: nil),
                       DatasetInfo.SourcePeriod(source: "new", from: DayDate("2022-10-30")!, why: nil)]
        let t = Timeline(refs, periods: periods)
        func pick(_ d: String) throws -> String { let r = try t.snapshot(asOf: DayDate(d)!).ref; return "\(r.source) \(r.date)" }
        XCTAssertEqual(try pick("2022-10-02"), "old 2022-09-20", "the new source's export before its period stands for nothing")
        XCTAssertEqual(try pick("2022-10-05"), "old 2022-10-03")
        XCTAssertEqual(try pick("2022-10-29"), "old 2022-10-16")
        XCTAssertEqual(try pick("2022-10-30"), "new 2022-10-30")
        XCTAssertEqual(try t.snapshot(asOf: DayDate("2022-10-05")!, source: "new").ref.date.description, "2022-10-02", "an asked source still answers")
        XCTAssertEqual(refs.filter(t.stands).map { "\($0.source) \($0.date)" }, ["old 2022-09-20", "old 2022-10-03", "old 2022-10-16", "new 2022-10-30"])
        let age = try XCTUnwrap(t.largestAge())
        XCTAssertEqual(age.days, 13)
        XCTAssertEqual(age.on.description, "2022-10-29")
        // Without periods the newest of any source: the sawtooth the periods remove.
        XCTAssertEqual(try Timeline(refs).snapshot(asOf: DayDate("2022-10-02")!).ref.source, "new")
        XCTAssertEqual(try Timeline(refs).snapshot(asOf: DayDate("2022-10-03")!).ref.source, "old")
    }

    func testBeforeTheFirstSnapshotNamesTheFirstDate() {
        XCTAssertThrowsError(try timeline.snapshot(asOf: DayDate("2021-01-01")!, source: "a")) { e in
            XCTAssertEqual((e as? FrontlineError)?.exitCode, 66)
            XCTAssertTrue("\(e)".contains("2026-02-01"), "\(e)")
        }
        XCTAssertThrowsError(try timeline.snapshot(asOf: DayDate("2026-02-05")!, source: "nope")) { e in
            XCTAssertEqual((e as? FrontlineError)?.exitCode, 64)
        }
    }

    func testGaps() {
        XCTAssertEqual(timeline.gaps(source: "a", longerThan: 4).map { "\($0.from)" }, ["2026-02-05"])
        // Every second day for 60 days, at most 7 days apart: every sixth day, plus the last.
        let picked = SnapshotSelection(maxGapDays: 7).select((0..<30).map { DayDate(daysSinceEpoch: $0 * 2) })
        XCTAssertEqual(picked.map(\.daysSinceEpoch), [0, 6, 12, 18, 24, 30, 36, 42, 48, 54, 58])
        let withAlways = SnapshotSelection(maxGapDays: 7, always: [DayDate(daysSinceEpoch: 2)])
        XCTAssertEqual(withAlways.select((0..<5).map { DayDate(daysSinceEpoch: $0 * 2) }).map(\.daysSinceEpoch), [0, 2, 8])
    }
}

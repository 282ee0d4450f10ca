import XCTest
@testable import FrontlineControl

final class DayDateTests: XCTestCase {
    func testParsesOnlyRealDays() {
        XCTAssertEqual(DayDate("2026-02-05")?.description, "2026-02-05")
        XCTAssertNotNil(DayDate("2024-02-29"))
        for bad in ["2026-13-45", "2026-02-29", "2026-2-5", "20260205", "2026-02-05T00:00", "", "abcd-ef-gh", "2026-00-10"] {
            XCTAssertNil(DayDate(bad), bad)
        }
        XCTAssertEqual(DayDate(compact: "20260205"), DayDate("2026-02-05"))
    }

    func testArithmeticAndRoundTrip() {
        let d = DayDate("2024-07-08")!
        XCTAssertEqual(d.adding(days: 577).description, "2026-02-05")
        XCTAssertEqual(d.days(to: DayDate("2026-02-05")!), 577)
        XCTAssertEqual(DayDate("1970-01-01")!.daysSinceEpoch, 0)
        for n in stride(from: -719_162, to: 2_932_896, by: 997) { // years 1...9999
            let x = DayDate(daysSinceEpoch: n)
            let c = x.components
            XCTAssertEqual(DayDate(year: c.year, month: c.month, day: c.day), x)
            XCTAssertEqual(DayDate(x.description), DayDate.years.contains(c.year) ? x : nil, x.description)
        }
    }

    // Fault: a raw export named 99999999999999.geojson became a snapshot of 3170843-11-07.
    func testDatesOutsideTheSupportedYearsAreNotDates() {
        XCTAssertNil(DayDate("1899-12-31"))
        XCTAssertNil(DayDate("2101-01-01"))
        XCTAssertNil(DayDate(compact: "30000101"))
        XCTAssertEqual(DayDate("1900-01-01")?.description, "1900-01-01")
        XCTAssertEqual(DayDate("2100-12-31")?.description, "2100-12-31")
    }

    /// The description is written digit by digit: it must be printf's text for every day.
    func testDescriptionIsPrintfsText() {
        for n in stride(from: -719_162, to: 2_932_896, by: 37) {
            let c = DayDate(daysSinceEpoch: n).components
            XCTAssertEqual(DayDate(daysSinceEpoch: n).description, String(format: "%04d-%02d-%02d", c.year, c.month, c.day))
        }
    }
}

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
            XCTAssertEqual(DayDate(x.description), x)
        }
    }
}

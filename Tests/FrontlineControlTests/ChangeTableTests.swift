import XCTest
@testable import FrontlineControl

/// The change table a reader reads: one minus sign in every column (the desk found "−22" beside
/// "-0.07"); the autumn of 2022 has losses in every column.
final class ChangeTableTests: XCTestCase {
    func testOneMinusSignThroughout() throws {
        let c = try Fixtures.bundledDataset.change(from: DayDate("2022-08-01")!, to: DayDate("2022-12-01")!).changes
        let table = ChangeFormatter(nationalName: "Ukraine").table(c)
        XCTAssertTrue(table.contains("−"), "losses are signed")
        XCTAssertNil(table.range(of: #" -[0-9]"#, options: .regularExpression), "a hyphen for a minus:\n\(table)")
        // CSV stays machine-readable: ASCII signs only.
        XCTAssertFalse(ChangeFormatter(nationalName: "Ukraine").csv(c).contains("−"))
    }
}

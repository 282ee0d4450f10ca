import Foundation
import XCTest
@testable import FrontlineControl

/// Stats, diff and snapshot JSON come out of one writer that escapes every string.
final class JSONOutputTests: XCTestCase {
    // Fault: the JSON was put together by concatenation; an ISO code or a source name with a
    // quote or a backslash made invalid JSON.
    func testNamesWithQuotesAndBackslashesStayValidJSON() throws {
        let name = #"Quote "West" \ back\slash"#
        let regions = Fixtures.regionsJSON
            .replacingOccurrences(of: #""name_en":"West""#, with: #""name_en":"Quote \"West\" \\ back\\slash""#)
            .replacingOccurrences(of: #""iso":"TT-01""#, with: #""iso":"TT\"01""#)
        let dir = Fixtures.dataset(regions: regions, snapshots: ["2026-01-01": Fixtures.snapshotJSON(
            date: "2026-01-01", features: Fixtures.occupied("[\(Fixtures.box(30, 50, 30.5, 51))]"))])
        let ds = try Dataset(folder: dir)
        let state = try ds.control(asOf: DayDate("2026-01-01")!)
        let formatter = StatsFormatter(nationalName: #"Test"land\"#)
        for text in [formatter.json(state), formatter.seriesJSON([state, state])] {
            let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            XCTAssertNotNil(json, text)
        }
        let one = try JSONSerialization.jsonObject(with: Data(formatter.json(state).utf8)) as! [String: Any]
        let first = (one["regions"] as! [[String: Any]])[0]
        XCTAssertEqual(first["name_en"] as? String, name)
        XCTAssertEqual(first["iso"] as? String, #"TT"01"#)
        XCTAssertEqual((one["national"] as! [String: Any])["name"] as? String, #"Test"land\"#)

        let change = try ds.change(from: DayDate("2026-01-01")!, to: DayDate("2026-01-01")!)
        let diff = try JSONSerialization.jsonObject(with: Data(ChangeFormatter(nationalName: "x").json(change.changes).utf8)) as! [String: Any]
        XCTAssertEqual(((diff["regions"] as! [[String: Any]])[0])["name_en"] as? String, name)
    }
}

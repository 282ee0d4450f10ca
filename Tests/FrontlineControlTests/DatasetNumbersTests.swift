import Foundation
import XCTest
@testable import FrontlineControl
import FrontlineSupport

/// The numbers of dataset.json are checked where the file is read, not where they trap.
final class DatasetNumbersTests: XCTestCase {
    /// A dataset folder with the bundled regions and a dataset.json changed by `edit`.
    func dataset(_ edit: (inout [String: Any]) -> Void) throws -> URL {
        let bundled = try Fixtures.bundledDataset.folder
        let dir = Fixtures.tempFolder()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("snapshots"), withIntermediateDirectories: true)
        for f in ["regions.geojson", "baseline.geojson"] {
            try FileManager.default.copyItem(at: bundled.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        var info = try JSONSerialization.jsonObject(with: Data(contentsOf: bundled.appendingPathComponent("dataset.json"))) as! [String: Any]
        edit(&info)
        try JSONSerialization.data(withJSONObject: info).write(to: dir.appendingPathComponent("dataset.json"))
        return dir
    }

    func assertRefused(_ expected: String, _ edit: (inout [String: Any]) -> Void, line: UInt = #line) throws {
        XCTAssertThrowsError(try Dataset(folder: try dataset(edit)), line: line) { e in
            XCTAssertEqual((e as? FrontlineError)?.exitCode, 65, "\(e)", line: line)
            XCTAssertTrue("\(e)".contains(expected), "\(e)", line: line)
        }
    }

    // Fault: an extent of ±1e308 trapped `tiles` (TileCoord).
    func testAnExtentOutsideTheWorldIsBadData() throws {
        try assertRefused("extent") { $0["extent"] = [-1e308, 43.6, 1e308, 53.2] }
        try assertRefused("extent") { $0["extent"] = [41.5, 43.6, 21, 53.2] }
        try assertRefused("center") { $0["center"] = [31.5, 91] }
    }

    // Fault: an adminBasis.totalKm2 of 1e308 trapped `stats --basis admin` (StatsFormatter).
    func testAnAdminTotalBeyondTheEarthIsBadData() throws {
        try assertRefused("totalKm2") { info in
            var admin = info["adminBasis"] as! [String: Any]
            admin["totalKm2"] = 1e308
            info["adminBasis"] = admin
        }
        try assertRefused("totalKm2") { info in
            var admin = info["adminBasis"] as! [String: Any]
            admin["totalKm2"] = 0
            info["adminBasis"] = admin
        }
    }

    // Fault: "languages": [] trapped on load (a region's names need one language at least).
    func testLanguagesThatNameNothingAreBadData() throws {
        try assertRefused("languages") { $0["languages"] = [String]() }
        try assertRefused("languages") { $0["languages"] = ["en", "en"] }
        try assertRefused("languages") { $0["languages"] = ["en", ""] }
    }

    func testTheBundledNumbersPass() throws {
        XCTAssertNil(try Fixtures.bundledDataset.info.numberProblem)
        XCTAssertNoThrow(try Dataset(folder: try dataset { _ in }))
    }
}

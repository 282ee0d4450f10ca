import Foundation
import XCTest

final class DiffCommandTests: XCTestCase {
    func testJSONFigures() throws {
        let r = try CLI.run(["diff", "--from", "2025-02-05", "--to", "2026-02-05", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let occupied = (json["national"] as! [String: Any])["occupied"] as! [String: Any]
        XCTAssertEqual(occupied["gained_km2"] as! Double, 4_270, accuracy: 128)
        XCTAssertLessThan(occupied["lost_km2"] as! Double, 50)
        let donetsk = (json["regions"] as! [[String: Any]]).first { $0["iso"] as? String == "UA-14" }!
        XCTAssertEqual((donetsk["occupied"] as! [String: Any])["gained_km2"] as! Double, 2_660, accuracy: 80)
    }

    /// Where the two archives disagree on (nearly) one date: DeepState's export of 2 October 2022
    /// against Liveuamap's file of 3 October. Only the status both report is compared.
    func testCrossSourceComparison() throws {
        let r = try CLI.run(["diff", "--source", "deepstate:liveuamap", "--from", "2022-10-03", "--to", "2022-10-03", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(((json["from"] as! [String: Any])["snapshot"] as! [String: Any])["source"] as? String, "deepstate")
        XCTAssertEqual(((json["to"] as! [String: Any])["snapshot"] as! [String: Any])["source"] as? String, "liveuamap")
        XCTAssertEqual(json["statuses"] as? [String], ["occupied"], "Liveuamap reports no grey zone")
        let occupied = (json["national"] as! [String: Any])["occupied"] as! [String: Any]
        // They disagree both ways, by a few percent of the ~112,000 km² they agree on.
        XCTAssertGreaterThan(occupied["gained_km2"] as! Double, 200)
        XCTAssertGreaterThan(occupied["lost_km2"] as! Double, 200)
        XCTAssertLessThan((occupied["gained_km2"] as! Double) + (occupied["lost_km2"] as! Double), 6_000)
    }

    func testMapAndTable() throws {
        let out = try CLI.tempDir().appendingPathComponent("diff.png")
        let r = try CLI.run(["diff", "--from", "2026-02-04", "--to", "2026-02-05", "--size", "800x600", "-o", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Donetsk"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.path))
    }

    func testBadInput() throws {
        XCTAssertEqual(try CLI.run(["diff", "--from", "2026-02-05", "--to", "2025-02-05"]).status, 64)
        let before = try CLI.run(["diff", "--from", "2020-02-05", "--to", "2025-02-05"])
        XCTAssertEqual(before.status, 66)
        XCTAssertTrue(before.stderr.contains("2022-02-24"), before.stderr)
        XCTAssertEqual(try CLI.run(["diff", "--from", "2026-02-05", "--to", "2026-02-05", "-o", "/tmp/x.gif"]).status, 64)
        XCTAssertEqual(try CLI.run(["diff", "--from", "2026-02-05", "--to", "2026-02-05", "--source", "a:b"]).status, 64)
        let same = try CLI.run(["diff", "--from", "2026-02-05", "--to", "2026-02-05", "--format", "csv"])
        XCTAssertEqual(same.status, 0)
        XCTAssertTrue(same.stdout.contains(",,Ukraine,occupied,114820.6,19.175,114820.6,19.175,0.0,0.0,0.0,0.000"), same.stdout)
    }
}

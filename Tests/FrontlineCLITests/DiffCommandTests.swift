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
        XCTAssertEqual(try CLI.run(["diff", "--from", "2025-02-05", "--to", "2026-02-05", "--hide", "liberated"]).status, 64, "not drawn as such on a change map")
        let same = try CLI.run(["diff", "--from", "2026-02-05", "--to", "2026-02-05", "--format", "csv"])
        XCTAssertEqual(same.status, 0)
        XCTAssertTrue(same.stdout.contains(",,Ukraine,occupied,114820.6,19.175,114820.6,19.175,0.0,0.0,0.0,0.000"), same.stdout)
    }

    /// The settlements that changed hands come with the change: in the JSON (the same list as
    /// `places --changed`), in a section of the table, and named on the change map.
    func testSettlementsThatChangedHands() throws {
        let args = ["diff", "--from", "2025-02-05", "--to", "2026-02-05", "--region", "UA-14"]
        let j = try CLI.run(args + ["--format", "json"])
        XCTAssertEqual(j.status, 0, j.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as! [String: Any]
        let settlements = try XCTUnwrap(json["settlements"] as? [String: Any])
        let places = settlements["places"] as! [[String: Any]]
        XCTAssertEqual(places.first?["name_en"] as? String, "Pokrovsk")
        XCTAssertEqual(places.first?["population"] as? Int, 60_127)
        let alone = try CLI.run(["places", "--changed", "--from", "2025-02-05", "--to", "2026-02-05", "--region", "UA-14", "--format", "json"])
        let list = (try JSONSerialization.jsonObject(with: Data(alone.stdout.utf8)) as! [String: Any])["places"] as! [[String: Any]]
        XCTAssertEqual(places.map { $0["id"] as! Int }, list.map { $0["id"] as! Int })
        let t = try CLI.run(args)
        XCTAssertTrue(t.stdout.contains("Settlements that changed hands: the 15 largest of \(places.count)"), t.stdout)
        XCTAssertTrue(t.stdout.contains("Chasiv Yar"), t.stdout)
        // The national change map names the largest, Pokrovsk among them, though a ring
        // marks the change around it.
        let svg = try CLI.tempDir().appendingPathComponent("change.svg")
        let m = try CLI.run(["diff", "--from", "2025-02-05", "--to", "2026-02-05", "-o", svg.path])
        XCTAssertEqual(m.status, 0, m.stderr)
        let text = try String(contentsOf: svg, encoding: .utf8)
        for town in ["Pokrovsk", "Siversk", "Chasiv Yar", "Huliaipole", "Vovchansk"] { XCTAssertTrue(text.contains(">\(town)<"), town) }
    }
}

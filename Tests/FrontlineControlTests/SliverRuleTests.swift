import XCTest
@testable import FrontlineControl

/// The coastline rule on a synthetic region: slivers become occupied, pockets and islands stay free.
final class SliverRuleTests: XCTestCase {
    func state(_ occupied: String, type: String = "Polygon", rule: SliverRule = SliverRule()) throws -> RegionControl {
        let dir = Fixtures.dataset(snapshots: ["2026-01-01": Fixtures.snapshotJSON(date: "2026-01-01", features: Fixtures.occupied(occupied, type: type))])
        let ds = try Dataset(folder: dir)
        return try ds.control(asOf: DayDate("2026-01-01")!, sliverRule: rule).region("TT-01")!
    }

    func testThinCoastalStripCountsAsOccupied() throws {
        // The source stops 0.004° (about 300 m) short of the region's west edge.
        let r = try state("[\(Fixtures.box(30.004, 50, 31, 51))]")
        XCTAssertEqual(r.percent(.occupied), 100, accuracy: 1e-9)
        XCTAssertGreaterThan(r.sliverKm2, 20)
        let raw = try state("[\(Fixtures.box(30.004, 50, 31, 51))]", rule: .none)
        XCTAssertLessThan(raw.percent(.occupied), 99.7)
    }

    func testRealPocketStaysFree() throws {
        // A 0.2° × 0.2° hole (about 320 km²) in the occupied area.
        let r = try state("[\(Fixtures.box(29.9, 49.9, 31, 51.1)),\(Fixtures.box(30.4, 50.4, 30.6, 50.6))]")
        XCTAssertEqual(r.freeKm2, 315.69, accuracy: 0.01, "GeographicLib area of the hole")
        XCTAssertEqual(r.sliverKm2, 0)
    }

    func testIslandAwayFromOccupiedGroundStaysFree() throws {
        let regions = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"iso":"TT-01","name_en":"W","name_uk":"З","kind":"oblast"},
        "geometry":{"type":"MultiPolygon","coordinates":[[\(Fixtures.box(30, 50, 31, 51))],[\(Fixtures.box(31.5, 50, 31.505, 50.005))]]}}]}
        """
        let dir = Fixtures.dataset(regions: regions, snapshots: ["2026-01-01": Fixtures.snapshotJSON(date: "2026-01-01", features: Fixtures.occupied("[\(Fixtures.box(30, 50, 31, 51))]"))])
        let r = try Dataset(folder: dir).control(asOf: DayDate("2026-01-01")!).region("TT-01")!
        XCTAssertEqual(r.freeKm2, Double(0.2), accuracy: 0.05, "the tiny island is not next to occupied ground")
    }
}

import XCTest
@testable import FrontlineControl
@testable import FrontlineGeo

/// Liberated land is a layer of its own but held by the defender: counted apart, never cut
/// out of free land, and no front line runs around it.
final class LiberatedLayerTests: XCTestCase {
    func testLiberatedIsCountedButHasNoFrontLine() throws {
        // TT-01 (30..31 E): occupied 30.0..30.3, liberated 30.3..30.6 beside it.
        let box = Fixtures.box
        let features = Fixtures.occupied("[\(box(30, 50, 30.3, 51))]") + ","
            + #"{"type":"Feature","properties":{"status":"liberated"},"geometry":{"type":"Polygon","coordinates":[\#(box(30.3, 50, 30.6, 51))]}}"#
        let ds = try Dataset(folder: Fixtures.dataset(snapshots: ["2023-01-01": Fixtures.snapshotJSON(date: "2023-01-01", features: features)]))
        let r = try ds.measure(asOf: DayDate("2023-01-01")!)
        let west = try XCTUnwrap(r.state.region("TT-01"))
        XCTAssertEqual(west.percent(.occupied), 30, accuracy: 0.5)
        XCTAssertEqual(west.percent(.liberated), 30, accuracy: 0.5)
        XCTAssertEqual(west.freePercent, 70, accuracy: 0.5, "liberated land is free land (the desk read Sumy's 77.5 % 'Free' as a loss)")
        // The front runs along the occupied layer's eastern edge (x = 30.3), not around the
        // liberated land (x = 30.6). (Chains may carry region boundary next to their ends.)
        let points = try XCTUnwrap(r.geometry.byRegion["TT-01"]?.front).flatMap { $0 }
        XCTAssertTrue(points.contains { abs($0.x - 30.3) < 1e-9 })
        XCTAssertFalse(points.contains { abs($0.x - 30.6) < 1e-9 })
    }
}

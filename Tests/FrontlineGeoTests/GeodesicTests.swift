import XCTest
@testable import FrontlineGeo

/// Reference values from GeographicLib (pyproj.Geod on WGS84), not from this code.
final class GeodesicTests: XCTestCase {
    func testOneDegreeCellAtTheEquator() {
        let ring = [Position(0, 0), Position(1, 0), Position(1, 1), Position(0, 1), Position(0, 0)]
        XCTAssertEqual(Geodesic.ringArea(ring), 12_308_778_361.469, accuracy: 1)
        XCTAssertEqual(Geodesic.ringArea(ring.reversed()), 12_308_778_361.469, accuracy: 1, "orientation does not matter")
    }

    func testOneDegreeCellOverKyiv() throws {
        let cell = try Geometry.rectangle(Envelope(minX: 30, minY: 50, maxX: 31, maxY: 51))
        XCTAssertEqual(Geodesic.areaKm2(cell), 7_892.0616, accuracy: 0.001)
    }

    func testHolesAreSubtracted() throws {
        let outer = try Geometry.rectangle(Envelope(minX: 30, minY: 50, maxX: 31, maxY: 51))
        let hole = try Geometry.rectangle(Envelope(minX: 30.25, minY: 50.25, maxX: 30.75, maxY: 50.75))
        let ring = try outer.difference(hole)
        XCTAssertEqual(Geodesic.area(ring), Geodesic.area(outer) - Geodesic.area(hole), accuracy: 1)
    }

    func testLengths() {
        XCTAssertEqual(Geodesic.length([Position(0, 0), Position(0, 1)]), 110_574.389, accuracy: 0.01)
        // Kyiv to Lviv.
        XCTAssertEqual(Geodesic.distance(Position(30.5234, 50.4501), Position(24.0297, 49.8397)), 468_952.868, accuracy: 0.01)
    }
}

import XCTest
@testable import FrontlineGeo

final class TileCoordTests: XCTestCase {
    func testValidation() {
        XCTAssertNotNil(TileCoord(z: 0, x: 0, y: 0))
        XCTAssertNil(TileCoord(z: 0, x: 1, y: 0))
        XCTAssertNil(TileCoord(z: -1, x: 0, y: 0))
        XCTAssertNil(TileCoord(z: 23, x: 0, y: 0))
        XCTAssertNil(TileCoord(z: 3, x: 8, y: 0))
        XCTAssertNil(TileCoord(z: 3, x: 0, y: -1))
    }

    func testBoundsAndTMS() {
        let t = TileCoord(z: 1, x: 1, y: 0)!
        XCTAssertEqual(t.mercatorBounds, Envelope(minX: 0, minY: 0, maxX: TileCoord.halfWorld, maxY: TileCoord.halfWorld))
        XCTAssertEqual(t.lonLatBounds.maxY, 85.0511, accuracy: 1e-4)
        XCTAssertEqual(t.tmsRow, 1)
        // Kyiv at z8 is tile 149/86 (as OpenStreetMap's slippy-map formula gives).
        XCTAssertEqual(TileCoord.containing(Position(30.5234, 50.4501), zoom: 8), TileCoord(z: 8, x: 149, y: 86))
    }

    func testMercatorRoundTrip() throws {
        let p = Position(37.8, 48.0)
        let m = TileCoord.mercator(p)
        let q = TileCoord.lonLat(m)
        XCTAssertEqual(q.x, p.x, accuracy: 1e-9)
        XCTAssertEqual(q.y, p.y, accuracy: 1e-9)
        // Same as PROJ's EPSG:3857.
        let proj = try Projection(to: "EPSG:3857").project(p)
        XCTAssertEqual(m.x, proj.x, accuracy: 1e-6)
        XCTAssertEqual(m.y, proj.y, accuracy: 1e-6)
    }

    func testCovering() {
        let ukraine = Envelope(minX: 22, minY: 44, maxX: 40.3, maxY: 52.4)
        XCTAssertEqual(TileCoord.covering(ukraine, zoom: 0).count, 1)
        let z5 = TileCoord.covering(ukraine, zoom: 5)
        XCTAssertEqual(Set(z5).count, z5.count)
        XCTAssertTrue(z5.contains(TileCoord.containing(Position(30.5, 50.45), zoom: 5)))
        XCTAssertTrue(z5.allSatisfy { $0.lonLatBounds.intersects(ukraine) })
    }
}

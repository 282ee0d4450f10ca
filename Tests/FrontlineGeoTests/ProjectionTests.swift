import XCTest
@testable import FrontlineGeo

final class ProjectionTests: XCTestCase {
    func testWebMercator() throws {
        let p = try Projection(to: "EPSG:3857").project(Position(30, 50))
        XCTAssertEqual(p.x, 3_339_584.724, accuracy: 0.01)
        XCTAssertEqual(p.y, 6_446_275.841, accuracy: 0.01)
    }

    func testUkraineConicIsCentredOnItsOrigin() throws {
        let lcc = try Projection(to: "+proj=lcc +lat_0=48.5 +lat_1=45 +lat_2=52 +lon_0=31 +datum=WGS84 +units=m +no_defs")
        var points = [Position(31, 48.5), Position(37.8, 48.0)]
        try lcc.project(&points)
        XCTAssertEqual(points[0].x, 0, accuracy: 1e-6)
        XCTAssertEqual(points[0].y, 0, accuracy: 1e-6)
        XCTAssertEqual(points[1].x, 505_863.020, accuracy: 0.01)
        XCTAssertEqual(points[1].y, -32_983.461, accuracy: 0.01)
    }

    /// The dataset's conic goes the direct way (the projection fed radians, no PROJ files);
    /// an axis order sends the same projection the CRS-to-CRS way. Both give the same numbers.
    func testDirectAndCRSToCRSPathsAgree() throws {
        let conic = "+proj=lcc +lat_0=48.5 +lat_1=45 +lat_2=52 +lon_0=31 +datum=WGS84 +units=m +no_defs"
        let direct = try Projection(to: conic)
        let viaCRS = try Projection(to: conic + " +axis=enu")
        for p in [Position(22.1, 48.4), Position(33.5, 44.6), Position(40.2, 52.3)] {
            let a = try direct.project(p), b = try viaCRS.project(p)
            XCTAssertEqual(a.x, b.x, accuracy: 1e-6)
            XCTAssertEqual(a.y, b.y, accuracy: 1e-6)
            let back = try direct.unproject(a)
            XCTAssertEqual(back.x, p.x, accuracy: 1e-9)
            XCTAssertEqual(back.y, p.y, accuracy: 1e-9)
        }
    }

    func testUnknownProjectionStringIsAnError() {
        XCTAssertThrowsError(try Projection(to: "+proj=nonsense +datum=WGS84")) { e in
            XCTAssertTrue("\(e)".contains("+proj=nonsense"), "\(e)")
        }
    }

    func testUnknownCRSIsAnError() {
        XCTAssertThrowsError(try Projection(to: "EPSG:999999")) { e in
            XCTAssertTrue("\(e)".contains("EPSG:999999"), "\(e)")
        }
    }
}

import XCTest
@testable import FrontlineGeo

final class LineDistanceIndexTests: XCTestCase {
    /// A meridian segment at 37° E from 48° to 49° N, and a long line cut into many runs.
    func testDistancesToSegmentsAndEnds() throws {
        let meridian = [Position(37, 48), Position(37, 49)]
        let long = (0...300).map { Position(30 + Double($0) * 0.01, 50) }
        let index = LineDistanceIndex(lines: [meridian, long])
        // 0.1° of longitude at 48.5° N is 7.37 km.
        XCTAssertEqual(try XCTUnwrap(index.distanceKm(to: Position(37.1, 48.5), within: 20)), 7.375, accuracy: 0.01)
        // Beyond the segment's end the distance is to the end point (0.1° of latitude, 11.06 km).
        XCTAssertEqual(try XCTUnwrap(index.distanceKm(to: Position(37, 48.9 + 0.2), within: 20)), 11.06, accuracy: 0.02)
        XCTAssertNil(index.distanceKm(to: Position(38, 48.5), within: 20), "74 km away")
        // On the long line, past its 64-segment runs.
        XCTAssertEqual(try XCTUnwrap(index.distanceKm(to: Position(32.555, 50.05), within: 20)), 5.53, accuracy: 0.02)
        XCTAssertTrue(LineDistanceIndex(lines: []).isEmpty)
        XCTAssertNil(LineDistanceIndex(lines: [[Position(1, 1)]]).distanceKm(to: Position(1, 1), within: 5), "a single point is no line")
    }
}

import Foundation
import XCTest
import FrontlineControl
import FrontlineGeo

/// The shapes a map draws agree with the figures a table prints.
final class ControlGeometryTests: XCTestCase {
    func testHeldShapesMeasureTheSameAsTheFigures() throws {
        let r = try Fixtures.bundledDataset.measure(asOf: DayDate("2026-02-05")!)
        XCTAssertEqual(r.geometry.areaKm2(.occupied), r.state.km2(.occupied), accuracy: 1)
        // The even-odd composition a map draws is the same land as a real difference.
        let shape = try XCTUnwrap(r.geometry.held[.occupied]?.first { !$0.cutouts.isEmpty })
        XCTAssertEqual(Geodesic.areaKm2(try shape.geometry()), shape.areaKm2, accuracy: 0.01)
    }

    func testFrontLineRunsAlongTheFrontOnly() throws {
        let r = try Fixtures.bundledDataset.measure(asOf: DayDate("2026-02-05")!)
        let km = r.geometry.front.reduce(0) { $0 + Geodesic.length($1) } / 1000
        // The land front from the Russian border near Kharkiv to the Dnipro, the Dnipro to the
        // sea, the small Sumy and Kharkiv salients and the Luhansk pocket: well over a thousand
        // km, but not the coasts or the state border (which would add several thousand).
        XCTAssertGreaterThan(km, 1_000)
        XCTAssertLessThan(km, 2_600)
        for line in r.geometry.front {
            for p in line { XCTAssertFalse(p.x < 30, "no front line in the west: \(p)") }
        }
    }
}

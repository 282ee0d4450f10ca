import Foundation
import XCTest
@testable import FrontlineControl

/// `--basis admin`: administrative units with their waters, shares of the official total,
/// reproduces what DeepStateMap publishes; the land basis is unchanged beside it.
final class AdminBasisTests: XCTestCase {
    var ds: Dataset { get throws { try Fixtures.bundledDataset } }

    func assertWithin(_ value: Double, _ published: Double, _ relative: Double, _ what: String, line: UInt = #line) {
        XCTAssertLessThanOrEqual(abs(value - published) / published, relative, "\(what): \(value) against \(published)", line: line)
    }

    /// DeepStateMap published 116,165 km² (19.25 %) for 2026-01-01 and 114,493 km² for 2025-08-17.
    func testPublishedFiguresAreReproduced() throws {
        let jan = try ds.control(asOf: DayDate("2026-01-01")!, basis: .admin)
        XCTAssertEqual(jan.basis, .admin)
        XCTAssertEqual(jan.areaKm2, 603_628)
        assertWithin(jan.km2(.occupied), 116_165, 0.001, "2026-01-01 km²")
        assertWithin(jan.percent(.occupied), 19.25, 0.001, "2026-01-01 %")
        let aug = try ds.control(asOf: DayDate("2025-08-17")!, basis: .admin)
        assertWithin(aug.km2(.occupied), 114_493, 0.001, "2025-08-17 km²")
        // The same series gives the same figures.
        let series = try ds.series([DayDate("2025-08-17")!, DayDate("2026-01-01")!], basis: .admin)
        XCTAssertEqual(series.map { $0.km2(.occupied) }, [aug.km2(.occupied), jan.km2(.occupied)])
    }

    /// Land and admin differ by the waters and the coastline rule; the front is the land's.
    func testLandBasisUnchangedAndFrontFromLand() throws {
        let date = DayDate("2026-02-05")!
        let land = try ds.control(asOf: date)
        let admin = try ds.control(asOf: date, basis: .admin)
        XCTAssertEqual(land.basis, .land)
        XCTAssertEqual(land.km2(.occupied), 114_820.6, accuracy: 0.1)
        XCTAssertEqual(land.areaKm2, 598_802.4, accuracy: 0.1)
        XCTAssertGreaterThan(admin.km2(.occupied), land.km2(.occupied))
        XCTAssertEqual(admin.frontKm, land.frontKm)
        XCTAssertEqual(admin.freeKm2, 603_628 - admin.km2(.occupied), accuracy: 1e-6)
        let json = StatsFormatter(nationalName: "Ukraine").json(admin)
        XCTAssertTrue(json.contains(#""basis":"admin""#), json)
        XCTAssertTrue(json.contains(#""area_km2":603628.0"#), json)
        // A selection of regions has shares of its own area, not of the country's total.
        let donetsk = admin.filtered(["UA-14"])
        XCTAssertNil(donetsk.referenceAreaKm2)
        XCTAssertEqual(donetsk.percent(.occupied), donetsk.regions[0].percent(.occupied), accuracy: 1e-9)
    }

    func testChangeOnTheAdminBasis() throws {
        let c = try ds.change(from: DayDate("2025-02-05")!, to: DayDate("2026-02-05")!, basis: .admin).changes
        XCTAssertEqual(c.areaKm2, 603_628)
        XCTAssertEqual(c.national(.occupied).toKm2, try ds.control(asOf: DayDate("2026-02-05")!, basis: .admin).km2(.occupied), accuracy: 0.01)
    }

    func testADatasetWithoutAnAdminBasisSaysSo() throws {
        let other = try Dataset(folder: Fixtures.dataset(snapshots: ["2024-01-01": Fixtures.snapshotJSON(date: "2024-01-01", features: "")]))
        XCTAssertThrowsError(try other.control(asOf: DayDate("2024-01-01")!, basis: .admin)) { e in
            XCTAssertTrue("\(e)".contains("no administrative basis"), "\(e)")
        }
    }
}

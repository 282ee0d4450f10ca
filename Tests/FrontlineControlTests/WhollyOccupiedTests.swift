import XCTest
@testable import FrontlineControl

/// Regions the baseline holds whole are measured without an overlay under a source that
/// leaves the baseline out (Liveuamap): the same figures and shapes as the overlay gives.
final class WhollyOccupiedTests: XCTestCase {
    static var dataset: Dataset { get throws { try Fixtures.bundledDataset } }

    func testBaselineNamesItsWholeRegions() throws {
        XCTAssertEqual(try Baseline.loadWithRegions(Fixtures.bundled)?.wholeRegions, ["UA-43", "UA-40"])
    }

    func testOnlySourcesWithoutTheBaselineGetThem() throws {
        let liveuamap = try Self.dataset.snapshot(Self.dataset.timeline.snapshot(asOf: DayDate("2022-03-24")!, source: "liveuamap").ref)
        XCTAssertEqual(liveuamap.whollyOccupied, ["UA-43", "UA-40"])
        let deepstate = try Self.dataset.snapshot(Self.dataset.timeline.snapshot(asOf: DayDate("2026-02-05")!, source: "deepstate").ref)
        XCTAssertEqual(deepstate.whollyOccupied, [])
    }

    func testSameFiguresAndShapesAsTheOverlay() throws {
        let snap = try Self.dataset.snapshot(Self.dataset.timeline.snapshot(asOf: DayDate("2022-03-24")!, source: "liveuamap").ref)
        let plain = Snapshot(date: snap.date, source: snap.source, layers: snap.layers, since: snap.since)
        let fast = try ControlMeasurer(regions: Self.dataset.regions).measureWithGeometry(snap)
        let slow = try ControlMeasurer(regions: Self.dataset.regions).measureWithGeometry(plain)
        for iso in ["UA-43", "UA-40"] {
            let f = fast.state.region(iso)!, s = slow.state.region(iso)!
            XCTAssertEqual(f.km2[.occupied] ?? 0, s.km2[.occupied] ?? 0, accuracy: 0.05, iso)
            XCTAssertEqual(f.km2[.occupied] ?? 0, f.areaKm2, iso)
            XCTAssertEqual(s.sliverKm2, 0, accuracy: 0.05, iso)
            XCTAssertTrue(fast.geometry.byRegion[iso]!.freeParts.isEmpty, iso)
            XCTAssertEqual(fast.geometry.byRegion[iso]!.held[.occupied]!.areaKm2, slow.geometry.byRegion[iso]!.held[.occupied]!.areaKm2, accuracy: 0.05, iso)
        }
        XCTAssertEqual(fast.state.km2(.occupied), slow.state.km2(.occupied), accuracy: 0.1)
    }
}

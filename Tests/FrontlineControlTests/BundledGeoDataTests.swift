import Foundation
import XCTest
@testable import FrontlineControl
import FrontlineSupport

final class BundledGeoDataTests: XCTestCase {
    func testRegions() throws {
        let regions = try Fixtures.bundledDataset.regions
        XCTAssertEqual(regions.regions.count, 27)
        XCTAssertEqual(regions["UA-14"]?.names.primary, "Donetsk")
        XCTAssertEqual(regions["ua-14"]?.names(Language("uk")), "Донецька")
        XCTAssertEqual(Set(regions.regions.map(\.kind)), ["oblast", "republic", "city"])
        XCTAssertTrue(regions.regions.allSatisfy { $0.geometry.isValid })
    }

    func testSnapshotsCoverThePeriodWithoutLongGaps() throws {
        let tl = try Fixtures.bundledDataset.timeline
        let refs = tl.bySource["deepstate"]!
        XCTAssertEqual(refs.first?.date.description, "2022-04-03", "every full export, from the first in the archive")
        XCTAssertEqual(refs.last?.date.description, "2026-08-22")
        XCTAssertEqual(refs.count, 249 + 769 + 2, "the exports before the daily files, every daily file, the exports of two days the daily archive misses")
        // Four weeks of the archive whose exports are 8 days apart: no date gets one over 7 days old.
        XCTAssertEqual(tl.gaps(source: "deepstate", longerThan: 7).count, 4)
        XCTAssertEqual(tl.gaps(source: "deepstate", longerThan: 8).count, 0)
        let daily = refs.filter { $0.date >= DayDate("2024-07-08")! }
        XCTAssertEqual(Timeline(daily).gaps(source: "deepstate", longerThan: 3).count, 0, "a few days at most once the daily files begin")
        XCTAssertEqual(tl.bySource["liveuamap"]?.count, 127, "every NZZ file")
        let dates = Set(refs.map { $0.date.description })
        XCTAssertTrue(dates.isSuperset(of: ["2026-02-04", "2026-02-05", "2026-02-06"]))
    }

    func testEverySnapshotLoadsAndIsValid() throws {
        let ds = try Fixtures.bundledDataset
        for ref in ds.timeline.all {
            let s = try ds.snapshot(ref)
            XCTAssertEqual(s.date, ref.date)
            XCTAssertTrue(s.layers[.occupied]?.isValid ?? false, "\(ref.date)")
        }
    }

    func testGeoDataStaysUnderBudget() throws {
        let root = Fixtures.bundled.deletingLastPathComponent()
        var total = 0
        let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.fileSizeKey])!
        for case let url as URL in e { total += (try url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0 }
        XCTAssertLessThan(total, 25 * 1024 * 1024)
    }

    func testAttributionNamesTheSources() throws {
        let lines = try Fixtures.bundledDataset.attribution(for: ["deepstate"])
        XCTAssertTrue(lines.contains { $0.contains("DeepStateMap.Live") })
        XCTAssertTrue(lines.contains { $0.contains("geoBoundaries") })
    }

    func testDataDirectoryLookup() throws {
        XCTAssertEqual(try DataDirectory.locate(explicit: Fixtures.bundled.deletingLastPathComponent().path).lastPathComponent, "ukraine")
        XCTAssertEqual(try DataDirectory.locate(explicit: nil, environment: ["FRONTLINE_DATA": Fixtures.bundled.path]).path,
                       Fixtures.bundled.standardizedFileURL.path)
        XCTAssertThrowsError(try DataDirectory.locate(explicit: "/nonexistent")) { e in
            XCTAssertEqual((e as? FrontlineError)?.exitCode, 66)
        }
    }
}

final class StoredAreaTests: XCTestCase {
    /// The stored area is used only while it matches the geometry; a stale one is recomputed.
    func testStaleStoredAreaIsIgnored() throws {
        let ring = Fixtures.box(30, 50, 31, 51)
        func regions(area: Double) -> String {
            """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"iso":"TT-01","area_km2":\(area)},
            "geometry":{"type":"Polygon","coordinates":[\(ring)]}}]}
            """
        }
        let truth = 7_892.0616  // GeographicLib
        for stored in [truth, 9_000] {
            let dir = Fixtures.dataset(regions: regions(area: stored), snapshots: [:])
            XCTAssertEqual(try Dataset(folder: dir).regions["TT-01"]!.areaKm2, truth, accuracy: 0.01, "stored \(stored)")
        }
        XCTAssertEqual(try Fixtures.bundledDataset.regions["UA-14"]!.areaKm2, 26_533.3, accuracy: 0.1)
    }
}

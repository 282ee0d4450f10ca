import Foundation
import XCTest
import FrontlineSupport
import FrontlineTestSupport
@testable import FrontlineControl

/// One repair policy for every importer: a bow-tie that `import geojson` repaired was refused
/// by `import deepstate` and `import nzz`.
final class RepairPolicyTests: XCTestCase {
    let bowTie = #"{"type":"Feature","properties":{"type":"gains","_dateto":"2022-03-01"},"geometry":{"type":"Polygon","coordinates":[[[37,48],[37.2,48.2],[37.2,48],[37,48.2],[37,48]]]}}"#

    func write(_ name: String, _ text: String) throws -> URL {
        let url = try TemporaryFolder.make("repair").appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func testEveryFormatRepairsABowTieWithANote() throws {
        let collection = #"{"type":"FeatureCollection","features":[\#(bowTie)]}"#
        let files: [(ImportFormat, URL)] = [
            (.deepstate, try write("deepstatemap_data_20250101.geojson", collection)),
            (.deepstateRaw, try write("1735732800.geojson", collection.replacingOccurrences(of: #""type":"gains""#, with: #""name":"x /// geoJSON.status.occupied""#))),
            (.nzz, try write("2022-03-01.json", #"{"value":\#(collection)}"#)),
            (.geojson, try write("mine.geojson", collection)),
        ]
        let regions = try Dataset(folder: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("GeoData/ukraine")).regions
        for (format, url) in files {
            var importer = try SnapshotImporter(format: format, regions: regions)
            importer.date = DayDate("2025-01-01")
            var notes: [String] = []
            let file = try importer.read(url) { notes.append($0) }
            XCTAssertEqual(file.snapshots.count, 1, "\(format)")
            XCTAssertGreaterThan(file.snapshots[0].layers[.occupied]?.planarArea ?? 0, 0, "\(format)")
            XCTAssertTrue(notes.contains { $0.contains("feature 0: repaired") }, "\(format): \(notes)")
            importer.strict = true
            XCTAssertThrowsError(try importer.read(url) { _ in }, "\(format) --strict refuses it")
        }
    }
}

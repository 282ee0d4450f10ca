import Foundation
import FrontlineTestSupport
@testable import FrontlineControl

/// Small datasets written to a temporary folder, and the bundled one.
enum Fixtures {
    /// The checkout's GeoData/ukraine (tests use the bundled data, never ../shared).
    static var bundled: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("GeoData/ukraine")
    }

    static let bundledDatasetFixture = Fixture { () throws -> Dataset in
        TemporaryFolder.useTestCache()
        return try Dataset(folder: bundled)
    }
    static var bundledDataset: Dataset { get throws { try bundledDatasetFixture.value } }

    static func tempFolder() -> URL {
        try! TemporaryFolder.make("frontline-test")
    }

    /// A ring around a box, as GeoJSON text.
    static func box(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> String {
        "[[\(x0),\(y0)],[\(x1),\(y0)],[\(x1),\(y1)],[\(x0),\(y1)],[\(x0),\(y0)]]"
    }

    /// Two regions side by side: TT-01 is 30..31 E, TT-02 31..32 E, both 50..51 N.
    static let regionsJSON = """
    {"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"iso":"TT-01","name_en":"West","name_uk":"Захід","kind":"oblast"},"geometry":{"type":"Polygon","coordinates":[\(box(30, 50, 31, 51))]}},
    {"type":"Feature","properties":{"iso":"TT-02","name_en":"East","name_uk":"Схід","kind":"oblast"},"geometry":{"type":"Polygon","coordinates":[\(box(31, 50, 32, 51))]}}
    ]}
    """

    static let datasetJSON = """
    {"id":"test","title":"Testland","projection":"EPSG:3857","extent":[29,49,33,52],
     "attribution":["Test boundaries"],"sources":[{"id":"src","name":"Src","attribution":"Control: Src"}]}
    """

    static func snapshotJSON(date: String, features: String) -> String {
        #"{"type":"FeatureCollection","date":"\#(date)","source":"src","features":[\#(features)]}"#
    }

    static func occupied(_ coordinates: String, type: String = "Polygon") -> String {
        #"{"type":"Feature","properties":{"status":"occupied"},"geometry":{"type":"\#(type)","coordinates":\#(coordinates)}}"#
    }

    /// Writes a dataset; `snapshots` maps dates to snapshot file text.
    static func dataset(regions: String = regionsJSON, snapshots: [String: String]) -> URL {
        let dir = tempFolder()
        try! datasetJSON.write(to: dir.appendingPathComponent("dataset.json"), atomically: true, encoding: .utf8)
        try! regions.write(to: dir.appendingPathComponent("regions.geojson"), atomically: true, encoding: .utf8)
        let sdir = dir.appendingPathComponent("snapshots/src")
        try! FileManager.default.createDirectory(at: sdir, withIntermediateDirectories: true)
        for (date, text) in snapshots {
            try! text.write(to: sdir.appendingPathComponent("\(date).geojson"), atomically: true, encoding: .utf8)
        }
        return dir
    }
}

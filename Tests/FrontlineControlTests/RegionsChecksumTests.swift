import Foundation
import XCTest
@testable import FrontlineControl
import FrontlineSupport

/// A regions file is validated on load unless dataset.json records its checksum from the build.
final class RegionsChecksumTests: XCTestCase {
    /// TT-01 drawn as a bow-tie: crossing edges, refused when validated.
    let bowTie = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"iso":"TT-01"},"geometry":{"type":"Polygon","coordinates":[[[30,50],[31,51],[31,50],[30,51],[30,50]]]}}]}"#

    func dataset(checksum: String?) throws -> URL {
        let dir = Fixtures.dataset(regions: bowTie, snapshots: [:])
        let url = dir.appendingPathComponent("dataset.json")
        var info = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        info["regionsChecksum"] = checksum
        try JSONSerialization.data(withJSONObject: info).write(to: url)
        return dir
    }

    func testAnEditedFileIsValidated() throws {
        XCTAssertThrowsError(try Dataset(folder: try dataset(checksum: "crc32:00000000"))) { e in
            XCTAssertEqual((e as? FrontlineError)?.exitCode, 65)
            XCTAssertTrue("\(e)".contains("cross"), "\(e)")
        }
        XCTAssertThrowsError(try Dataset(folder: try dataset(checksum: nil)))
    }

    func testTheBuiltFileIsTrusted() throws {
        let sum = Checksum.crc32(Data(bowTie.utf8))
        XCTAssertNoThrow(try Dataset(folder: try dataset(checksum: sum)), "the checksum says the build validated this file")
        XCTAssertEqual(try Fixtures.bundledDataset.info.regionsChecksum,
                       Checksum.crc32(try Data(contentsOf: Fixtures.bundled.appendingPathComponent("regions.geojson"))),
                       "the bundled regions match their checksum (run `frontline geodata` after editing them)")
    }
}

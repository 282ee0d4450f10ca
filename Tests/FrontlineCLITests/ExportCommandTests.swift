import Foundation
import XCTest

final class ExportCommandTests: XCTestCase {
    func testEveryFormat() throws {
        let dir = try CLI.tempDir()
        let magic: [String: String] = ["geojson": "{\"type\":\"FeatureCollection\"", "gpkg": "SQLite format 3", "kml": "<?xml", "csv": "iso,name_en"]
        for (ext, start) in magic {
            let file = dir.appendingPathComponent("x.\(ext)")
            let r = try CLI.run(["export", "--date", "2026-02-05", "-o", file.path])
            XCTAssertEqual(r.status, 0, "\(ext): \(r.stderr)")
            let head = String(decoding: try Data(contentsOf: file).prefix(40), as: UTF8.self)
            XCTAssertTrue(head.hasPrefix(start), "\(ext): \(head)")
        }
        let kml = try String(contentsOf: dir.appendingPathComponent("x.kml"), encoding: .utf8)
        XCTAssertTrue(kml.contains("<Style id=\"occupied\">") && kml.contains("<Folder><name>front</name>"))
        XCTAssertTrue(kml.contains("deepstate 2026-02-05") && kml.contains("GPL-3.0"), "provenance")
        let change = dir.appendingPathComponent("change.geojson")
        let c = try CLI.run(["export", "--from", "2025-02-05", "--to", "2026-02-05", "-o", change.path])
        XCTAssertEqual(c.status, 0, c.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: change)) as! [String: Any]
        let kinds = (json["features"] as! [[String: Any]]).map { ($0["properties"] as! [String: Any])["change"] as! String }
        XCTAssertEqual(Set(kinds), ["gained", "lost", "freed"])
    }

    func folderNamedLikeAFile() throws -> URL {
        let url = try CLI.tempDir().appendingPathComponent("folder.gpkg")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// One line, the right code, nothing on disk.
    func testBadInputWritesNothing() throws {
        let dir = try CLI.tempDir()
        let out = dir.appendingPathComponent("x.gpkg").path
        let cases: [([String], Int32)] = [
            (["--date", "2026-02-05", "--what", "control,towns", "-o", out], 64),
            (["--date", "2026-02-05", "--what", "", "-o", out], 64),
            (["--date", "2026-02-05", "-o", dir.appendingPathComponent("x.shp").path], 64),
            (["--date", "2026-02-05", "--what", "control,front", "-o", dir.appendingPathComponent("x.csv").path], 64),
            (["--date", "2026-02-05", "--what", "change", "-o", out], 64),
            (["--from", "2025-02-05", "--to", "2026-02-05", "--what", "places", "-o", out], 64),
            (["--from", "2026-02-05", "--to", "2025-02-05", "-o", out], 64),
            (["--from", "2020-01-01", "--to", "2021-01-01", "-o", out], 66),
            (["--date", "2021-06-01", "-o", out], 66),
            (["--date", "2026-02-05", "-o", "/nonexistent-folder/x.gpkg"], 73),
            (["--date", "2026-02-05", "-o", try folderNamedLikeAFile().path], 73),
        ]
        for (args, code) in cases {
            let r = try CLI.run(["export"] + args)
            XCTAssertEqual(r.status, code, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.lowercased().hasPrefix("error"), "\(args): \(r.stderr)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "\(args) left a file")
        }
    }
}

import Foundation
import XCTest
import FrontlineTestSupport
import FrontlineControl
import FrontlineGeo
@testable import FrontlineExport
import FrontlineSupport
import CSQLite

final class ExportFormatTests: XCTestCase {
    func testRightHandRule() {
        let cw = [Position(0, 0), Position(0, 1), Position(1, 1), Position(1, 0), Position(0, 0)]
        let hole = [Position(0.2, 0.2), Position(0.4, 0.2), Position(0.4, 0.4), Position(0.2, 0.2)]
        let oriented = RingOrientation.oriented([cw, hole])
        XCTAssertGreaterThan(RingOrientation.signedArea2(oriented[0]), 0, "exterior counterclockwise")
        XCTAssertLessThan(RingOrientation.signedArea2(oriented[1]), 0, "hole clockwise")
    }
}

/// The exported layers against the figures: the held land written out is the land `stats`
/// counts, every file names its snapshot and sources, and the GeoPackage has the OGC tables.
final class ExportContentTests: XCTestCase {
    static let datasetFixture = Fixture { try Dataset(folder: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("GeoData/ukraine")) }
    static var dataset: Dataset { get throws { try datasetFixture.value } }
    static let date = DayDate("2026-02-05")!

    /// Each control feature's polygons, measured again on the ellipsoid, are its km² (a held
    /// shape that lost its cutouts or kept a sliver would differ), and they add up to `stats`.
    func testHeldLandIsTheLandTheFiguresCount() throws {
        for day in ["2026-02-05", "2024-07-07"] {
            let set = try Self.dataset.exportSet(asOf: DayDate(day)!, what: [.control])
            let state = try Self.dataset.control(asOf: DayDate(day)!)
            var total: [String: Double] = [:]
            for f in set.layers[0].features {
                guard case .polygons(let polys) = f.shape, case .real(let km2) = f.values[3], case .text(let status) = f.values[2] else {
                    return XCTFail("control features are polygons with km2")
                }
                let measured = Geodesic.areaKm2(try Geometry.multiPolygon(coordinates: polys))
                XCTAssertEqual(measured, km2, accuracy: max(1e-4 * km2, 0.05), "\(day) \(f.values[0]) \(status)")
                total[status, default: 0] += measured
            }
            for s in state.statuses { XCTAssertEqual(total[s.rawValue] ?? 0, state.km2(s), accuracy: 1e-4 * state.km2(s), "\(day) \(s)") }
        }
    }

    func testGeoJSONFollowsRFC7946() throws {
        let set = try Self.dataset.exportSet(asOf: Self.date, what: [.control, .front, .places])
        let json = try JSONSerialization.jsonObject(with: ExportFormat.geojson.encode(set)) as! [String: Any]
        XCTAssertNil(json["crs"], "no crs member")
        XCTAssertEqual((json["frontline"] as! [String: Any])["snapshots"] as? [String], ["deepstate 2026-02-05"])
        let features = json["features"] as! [[String: Any]]
        XCTAssertEqual(Set(features.map { ($0["properties"] as! [String: Any])["layer"] as! String }), ["control", "front", "places"])
        var rings = 0
        for f in features {
            let g = f["geometry"] as! [String: Any]
            let polys: [[[[Double]]]]
            switch g["type"] as! String {
            case "Polygon": polys = [g["coordinates"] as! [[[Double]]]]
            case "MultiPolygon": polys = g["coordinates"] as! [[[[Double]]]]
            default: continue
            }
            for poly in polys {
                for (i, ring) in poly.enumerated() {
                    let area = RingOrientation.signedArea2(ring.map { Position($0[0], $0[1]) })
                    XCTAssertEqual(area > 0, i == 0, "exterior counterclockwise, holes clockwise")
                    rings += 1
                }
            }
        }
        XCTAssertGreaterThan(rings, 10)
    }

    func testGeoPackageTables() throws {
        let set = try Self.dataset.exportSet(asOf: Self.date, what: [.control, .front, .regions, .places])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-test-\(getpid()).gpkg")
        try ExportFormat.gpkg.write(set, to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let bytes = try Data(contentsOf: file)
        XCTAssertEqual(Array(bytes.prefix(16)), Array("SQLite format 3\0".utf8))
        XCTAssertEqual(bytes[68..<72].reduce(0) { $0 << 8 | UInt32($1) }, 0x4750_4B47, "application_id GPKG")
        let db = try SQLiteDatabase(path: file.path)
        func count(_ sql: String) throws -> Int {
            var n = -1
            try db.run(sql) { n = Int(sqlite3_column_int64($0, 0)) }
            return n
        }
        XCTAssertEqual(try count("SELECT COUNT(*) FROM gpkg_contents WHERE data_type = 'features' AND srs_id = 4326"), 4)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM gpkg_geometry_columns WHERE srs_id = 4326"), 4)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM regions"), 27)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM places"), set.layers[3].features.count)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM gpkg_metadata_reference WHERE reference_scope = 'table'"), 4)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM control WHERE hex(substr(geom, 1, 4)) = '47500003'"), set.layers[0].features.count)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM gpkg_metadata WHERE metadata LIKE '%deepstate 2026-02-05%GPL-3.0%Frontline%'"), 1)
        // The same export, the same bytes.
        XCTAssertEqual(try ExportFormat.gpkg.encode(set), bytes)
    }
}

/// The embeddable page: one frame per snapshot of the period with that snapshot's figures,
/// simplified land that still measures what the figures say, and nothing loaded from outside.
final class EmbedPageTests: XCTestCase {
    static var dataset: Dataset { get throws { try ExportContentTests.dataset } }

    func testFramesAndPage() throws {
        let (from, to) = (DayDate("2026-01-01")!, DayDate("2026-02-05")!)
        let frames = try Self.dataset.embedFrames(from: from, to: to)
        let snapshots = Set(try Self.dataset.seriesDates(from: from, to: to, everyDays: nil).map { try Self.dataset.timeline.snapshot(asOf: $0).ref })
        XCTAssertEqual(frames.frames.count, snapshots.count)
        XCTAssertEqual(frames.frames.last?.state.snapshotDate, to)
        for f in frames.frames {
            let held = try XCTUnwrap(f.held.first { $0.status == .occupied })
            let km2 = Geodesic.areaKm2(try Geometry.multiPolygon(coordinates: held.polygons))
            XCTAssertEqual(km2, f.state.km2(.occupied), accuracy: 0.01 * f.state.km2(.occupied), "simplified, not another map")
        }
        let leaflet = EmbedPage.Leaflet(js: "/* leaflet stand-in */ window.L={};", css: ".leaflet-container{}")
        let html = EmbedPage(frames: frames, info: try Self.dataset.info, attribution: try Self.dataset.attribution(for: ["deepstate"]),
                             title: "T", link: "https://example.org/article").html(leaflet: leaflet)
        XCTAssertTrue(html.contains("/* leaflet stand-in */"), "Leaflet inlined")
        XCTAssertFalse(html.range(of: #"(src|href)=\"https?://[^"]*\.(js|css)"#, options: .regularExpression) != nil, "nothing loaded from outside")
        XCTAssertFalse(html.contains("@import") || html.contains("url(http"))
        XCTAssertTrue(html.contains("https://example.org/article"), "the link back")
        XCTAssertTrue(html.contains("max=\"\(frames.frames.count - 1)\""), "the slider spans the snapshots")
        let start = try XCTUnwrap(html.range(of: "const DATA = ")), end = try XCTUnwrap(html.range(of: ";</script>", range: start.upperBound..<html.endIndex))
        let json = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as! [String: Any]
        let last = (json["frames"] as! [[String: Any]]).last!
        XCTAssertEqual(last["date"] as? String, "2026-02-05")
        let occupied = ((last["national"] as! [String: Any])["occupied"] as! [Double])
        XCTAssertEqual(occupied[0], 114_821, accuracy: 1)
        XCTAssertTrue(EmbedPage.iframe(src: "map.html", title: "A \"map\"").contains(#"title="A &quot;map&quot;""#))
    }
}

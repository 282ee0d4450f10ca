import Foundation
import XCTest
import FrontlineTiles

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

final class EmbedCommandTests: XCTestCase {
    /// A stand-in for Debian's Leaflet, so the test does not need the package.
    func leaflet() throws -> URL {
        let dir = try CLI.tempDir()
        try "window.L={};".write(to: dir.appendingPathComponent("leaflet.js"), atomically: true, encoding: .utf8)
        try ".leaflet-container{}".write(to: dir.appendingPathComponent("leaflet.css"), atomically: true, encoding: .utf8)
        return dir
    }

    func testPageAndSnippet() throws {
        let out = try CLI.tempDir().appendingPathComponent("map.html")
        let r = try CLI.run(["embed", "--from", "2026-01-20", "--to", "2026-02-05", "-o", out.path], environment: ["FRONTLINE_LEAFLET": try leaflet().path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("<div") && r.stdout.contains(#"<iframe src="map.html""#), r.stdout)
        let html = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(html.contains("window.L={};") && html.contains("5 Feb 2026"))
    }

    func testBadInputWritesNothing() throws {
        let dir = try CLI.tempDir()
        let out = dir.appendingPathComponent("map.html").path
        let env = ["FRONTLINE_LEAFLET": try leaflet().path]
        let cases: [([String], [String: String], Int32)] = [
            (["--from", "2026-02-05", "--to", "2026-01-01", "-o", out], env, 64),
            (["--from", "2026-01-01", "--to", "2026-02-05", "-o", dir.appendingPathComponent("map.png").path], env, 64),
            (["--from", "2026-01-01", "--to", "2026-02-05", "--region", "UA-99", "-o", out], env, 64),
            (["--from", "2020-01-01", "--to", "2021-01-01", "-o", out], env, 66),
            (["--from", "2026-01-01", "--to", "2026-02-05", "-o", out], ["FRONTLINE_LEAFLET": dir.appendingPathComponent("none").path], 66),
            (["--from", "2026-01-01", "--to", "2026-02-05", "-o", "/nonexistent-folder/map.html"], env, 73),
        ]
        for (args, environment, code) in cases {
            let r = try CLI.run(["embed"] + args, environment: environment)
            XCTAssertEqual(r.status, code, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.lowercased().hasPrefix("error"), "\(args): \(r.stderr)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "\(args) left a file")
        }
    }
}

final class PMTilesCommandTests: XCTestCase {
    func testPMTilesAndItsBadInput() throws {
        let dir = try CLI.tempDir()
        let file = dir.appendingPathComponent("t.pmtiles")
        let r = try CLI.run(["tiles", "--date", "2026-02-05", "--zoom", "0-3", "--pmtiles", file.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(Array(try Data(contentsOf: file).prefix(8)), Array("PMTiles".utf8) + [3])
        let empty = try CLI.tempDir()
        let folder = empty.appendingPathComponent("folder.pmtiles")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let cases: [([String], Int32)] = [
            (["--pmtiles", folder.path], 73),
            (["--pmtiles", empty.appendingPathComponent("a.pmtiles").path, "--shard", "0/2"], 64),
            (["--pmtiles", empty.appendingPathComponent("a.pmtiles").path, "--mbtiles", empty.appendingPathComponent("a.mbtiles").path], 64),
        ]
        for (args, code) in cases {
            let t = try CLI.run(["tiles", "--date", "2026-02-05", "--zoom", "0-2"] + args)
            XCTAssertEqual(t.status, code, "\(args): \(t.stderr)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: empty.path), ["folder.pmtiles"], "nothing half-written")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    /// `tiles merge` joins PMTiles as it joins MBTiles; formats are not mixed.
    func testMergePMTiles() throws {
        let dir = try CLI.tempDir()
        let a = dir.appendingPathComponent("a.pmtiles"), b = dir.appendingPathComponent("b.pmtiles")
        XCTAssertEqual(try CLI.run(["tiles", "--date", "2026-02-05", "--zoom", "0-2", "--pmtiles", a.path]).status, 0)
        XCTAssertEqual(try CLI.run(["tiles", "--date", "2026-02-05", "--zoom", "3", "--pmtiles", b.path]).status, 0)
        let merged = dir.appendingPathComponent("m.pmtiles")
        let r = try CLI.run(["tiles", "merge", a.path, b.path, "-o", merged.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let m = try PMTilesArchive(contentsOf: merged)
        let (ta, tb) = (try PMTilesArchive(contentsOf: a), try PMTilesArchive(contentsOf: b))
        XCTAssertEqual(m.tiles.count, ta.tiles.count + tb.tiles.count)
        XCTAssertEqual((m.minZoom, m.maxZoom).0, 0)
        XCTAssertEqual(m.maxZoom, 3)
        let mixed = try CLI.run(["tiles", "merge", a.path, dir.appendingPathComponent("c.mbtiles").path, "-o", dir.appendingPathComponent("x.pmtiles").path])
        XCTAssertEqual(mixed.status, 64, mixed.stderr)
        XCTAssertTrue(mixed.stderr.contains("merge files of one format"), mixed.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.pmtiles").path))
    }
}

final class TileSeriesCommandTests: XCTestCase {
    /// A folder per snapshot, the dates in tilejson.json, and a tile unchanged since the
    /// previous date stored once (a hard link to it).
    func testSeriesLinksUnchangedTiles() throws {
        let dir = try CLI.tempDir()
        let out = dir.appendingPathComponent("series")
        let r = try CLI.run(["tiles", "series", "--from", "2026-01-29", "--to", "2026-02-05", "--every", "7d", "--zoom", "5",
                             "--format", "png", "-o", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted(), ["2026-01-29", "2026-02-05", "tilejson.json"])
        let tj = try String(contentsOf: out.appendingPathComponent("tilejson.json"), encoding: .utf8)
        XCTAssertTrue(tj.contains(#""dates":["2026-01-29","2026-02-05"]"#), tj)
        XCTAssertTrue(tj.contains(#""tiles":["2026-02-05/{z}/{x}/{y}.png"]"#), tj)
        // At z5 the tile over Pokrovsk shows the front, which moved that week; the tile over
        // Lviv did not change and is the previous date's file.
        func links(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(path).path)[.referenceCount] as? Int) ?? 0
        }
        XCTAssertEqual(try links("2026-02-05/5/19/11.png"), 1)
        XCTAssertEqual(try links("2026-02-05/5/17/10.png"), 2)
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("2026-02-05/5/17/10.png")),
                       try Data(contentsOf: out.appendingPathComponent("2026-01-29/5/17/10.png")))
        XCTAssertTrue(r.stderr.contains("unchanged from the previous date stored once"), r.stderr)
    }

    /// A vector series: a style per date and at the top, and no per-feature snapshot field
    /// (the folder carries the date), so tiles away from the front repeat byte for byte.
    func testVectorSeries() throws {
        let out = try CLI.tempDir().appendingPathComponent("v")
        let r = try CLI.run(["tiles", "series", "--from", "2026-01-29", "--to", "2026-02-05", "--every", "7d", "--zoom", "0-5",
                             "--format", "mvt", "-o", out.path, "--url", "https://cdn.example.org/war/"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let tj = try String(contentsOf: out.appendingPathComponent("tilejson.json"), encoding: .utf8)
        XCTAssertTrue(tj.contains(#""date_tiles":"https://cdn.example.org/war/{date}/{z}/{x}/{y}.pbf""#), tj)
        XCTAssertFalse(tj.contains(#""snapshot""#), tj)
        for f in ["style.json", "2026-01-29/style.json", "2026-02-05/tilejson.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(f).path), f)
        }
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("2026-02-05/5/17/10.pbf")),
                       try Data(contentsOf: out.appendingPathComponent("2026-01-29/5/17/10.pbf")))
    }

    func testSeriesBadInput() throws {
        let dir = try CLI.tempDir()
        let busy = dir.appendingPathComponent("busy")
        try FileManager.default.createDirectory(at: busy, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: busy.appendingPathComponent("notes.txt"))
        let cases: [([String], Int32, String)] = [
            (["--zoom", "0-2", "--from", "2026-02-05", "--to", "2026-01-05", "-o", dir.appendingPathComponent("a").path], 64, "after"),
            (["--zoom", "0-17", "--from", "2026-01-05", "--to", "2026-02-05", "-o", dir.appendingPathComponent("a").path], 64, "0 to 16"),
            (["--zoom", "0-2", "--from", "2026-01-05", "--to", "2026-02-05", "-o", busy.path], 73, "holds other files"),
            (["--zoom", "0-2", "--from", "1990-01-05", "--to", "1990-02-05", "-o", dir.appendingPathComponent("a").path], 66, "first available date"),
        ]
        for (args, code, text) in cases {
            let t = try CLI.run(["tiles", "series"] + args)
            XCTAssertEqual(t.status, code, "\(args): \(t.stderr)")
            XCTAssertTrue(t.stderr.contains(text), t.stderr)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["busy"], "nothing half-written")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: busy.path), ["notes.txt"])
    }
}

final class VectorTilesCommandTests: XCTestCase {
    func testVectorTilesAndBadInput() throws {
        let dir = try CLI.tempDir()
        let folder = dir.appendingPathComponent("v")
        let r = try CLI.run(["tiles", "--date", "2026-02-05", "--zoom", "0-4", "--format", "mvt", "-o", folder.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        XCTAssertTrue(names.contains("4/9/5.pbf"), "\(names.sorted())")
        XCTAssertTrue(names.contains("metadata.json"))
        let meta = try String(contentsOf: folder.appendingPathComponent("metadata.json"), encoding: .utf8)
        XCTAssertTrue(meta.contains("vector_layers") && meta.contains(#""format":"pbf""#), meta)
        let empty = try CLI.tempDir()
        let cases: [([String], Int32)] = [
            (["--format", "mvt", "--zoom", "0-17"], 64),
            (["--format", "webp", "--zoom", "0-2"], 64),
            (["--format", "mvt", "--zoom", "0-2", "--overlay"], 64),
            (["--format", "mvt", "--zoom", "0-2", "--scale", "2"], 64),
        ]
        for (args, code) in cases {
            let t = try CLI.run(["tiles", "--date", "2026-02-05", "--mbtiles", empty.appendingPathComponent("v.mbtiles").path] + args)
            XCTAssertEqual(t.status, code, "\(args): \(t.stderr)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: empty.path), [], "nothing half-written")
    }
}

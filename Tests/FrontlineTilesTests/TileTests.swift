import CSQLite
import Foundation
import XCTest
import FrontlineTestSupport
import FrontlineControl
import FrontlineGeo
@testable import FrontlineRender
@testable import FrontlineTiles

final class TileTests: XCTestCase {
    static let datasetFixture = Fixture { try Dataset(folder: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("GeoData/ukraine")) }
    static var dataset: Dataset { get throws { try datasetFixture.value } }
    static let rendererFixture = Fixture { try TileRenderer(dataset: dataset, date: DayDate("2026-02-05")!) }
    static var renderer: TileRenderer { get throws { try rendererFixture.value } }

    func tempDir() throws -> URL {
        try TemporaryFolder.make("frontline-tiles")
    }

    /// Colour at a lon/lat position of a tile picture.
    func pixel(_ png: Data, _ tile: TileCoord, _ p: Position, scale: Int = 1) throws -> RGBA {
        let image = try RasterImage(png: png)
        let px = TilePixels(bounds: tile.mercatorBounds, resolution: tile.span / Double(256 * scale)).pixel(p)
        return try XCTUnwrap(image.pixel(x: Int(px.x), y: Int(px.y)))
    }

    func near(_ a: RGBA, _ b: RGBA) -> Bool { max(abs(a.r - b.r), abs(a.g - b.g), abs(a.b - b.b)) <= 6.0 / 255 }

    func testDonetskTileIsOccupiedKyivTileIsNot() throws {
        let occupied = Theme.light.fill(.occupied).color.over(Theme.light.land)
        // Near Volnovakha (Donetsk oblast, occupied) and in Kyiv oblast: places with no label.
        let donetsk = Position(37.50, 47.70), kyivOblast = Position(30.9, 50.2)
        let t1 = TileCoord.containing(donetsk, zoom: 8), t2 = TileCoord.containing(kyivOblast, zoom: 8)
        let png = try Self.renderer.png(tile: t1, style: .full)
        let seen = try pixel(png, t1, donetsk)
        XCTAssertTrue(near(seen, occupied), "\(seen) vs \(occupied)")
        XCTAssertFalse(near(try pixel(Self.renderer.png(tile: t2, style: .full), t2, kyivOblast), occupied))
    }

    func testOverlayIsTransparentOutsideTheData() throws {
        let lviv = Position(24.03, 49.84), t = TileCoord.containing(lviv, zoom: 6)
        XCTAssertFalse(try Self.renderer.overlayHasData(TileCoord.containing(lviv, zoom: 9)))
        let c = try pixel(Self.renderer.png(tile: t, style: .overlay), t, lviv)
        XCTAssertEqual(c.a, 0)
        let d = Position(37.70, 48.05), td = TileCoord.containing(d, zoom: 7)
        XCTAssertGreaterThan(try pixel(Self.renderer.png(tile: td, style: .overlay), td, d).a, 0.5)
    }

    func testTilesMeetWithoutSeams() throws {
        // Two neighbouring tiles across the front, and the same box drawn as one picture.
        let left = TileCoord.containing(Position(37.5, 48.4), zoom: 8)
        let right = TileCoord(z: 8, x: left.x + 1, y: left.y)!
        let a = try RasterImage(png: Self.renderer.png(tile: left, style: .overlay))
        let b = try RasterImage(png: Self.renderer.png(tile: right, style: .overlay))
        let box = left.mercatorBounds.union(right.mercatorBounds)
        let whole = try RasterImage(png: Self.renderer.png(bounds: box, width: 512, height: 256, zoom: 8, style: .overlay, scale: 1))
        var differing = 0
        for y in 0..<256 {
            for (x, tile, tx) in [(255, a, 255), (256, b, 0)] {
                let p = whole.pixel(x: x, y: y)!, q = tile.pixel(x: tx, y: y)!
                if max(abs(p.r - q.r), abs(p.g - q.g), abs(p.b - q.b), abs(p.a - q.a)) > 2.0 / 255 { differing += 1 }
            }
        }
        // A seam would differ along the whole edge (256 pixels a column); rounding in the
        // decimation of a line may move a pixel or two.
        XCTAssertLessThan(differing, 8, "edge columns match the picture drawn whole")
    }

    func testMBTilesPyramid() throws {
        let dir = try tempDir()
        let target = dir.appendingPathComponent("t.mbtiles")
        let pyramid = TilePyramid(extent: Envelope(minX: 22, minY: 44, maxX: 40.3, maxY: 52.4), zooms: 0...4)
        let md = TileMetadata(name: "t", description: "2026-02-05", attribution: "a", bounds: pyramid.extent, minZoom: 0, maxZoom: 4, overlay: false)
        let n = try pyramid.render(with: FullTiles(renderer: try Self.renderer), to: try MBTilesWriter(target: target), metadata: md)
        XCTAssertEqual(n, pyramid.tiles.count)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["t.mbtiles"], "no temporary file left")
        var db: OpaquePointer?
        XCTAssertEqual(sqlite3_open(target.path, &db), SQLITE_OK)
        defer { sqlite3_close(db) }
        func count(_ sql: String) -> Int {
            var stmt: OpaquePointer?
            sqlite3_prepare_v2(db, sql, -1, &stmt, nil)
            defer { sqlite3_finalize(stmt) }
            return sqlite3_step(stmt) == SQLITE_ROW ? Int(sqlite3_column_int64(stmt, 0)) : -1
        }
        XCTAssertEqual(count("SELECT COUNT(*) FROM tiles"), n)
        XCTAssertEqual(count("SELECT COUNT(*) FROM metadata WHERE name IN ('name','format','bounds','center','minzoom','maxzoom','attribution','description')"), 8)
        // TMS: the z1 tile holding Ukraine is XYZ y 0, stored as row 1.
        XCTAssertEqual(count("SELECT tile_row FROM tiles WHERE zoom_level = 1"), 1)
        // Shards of a pyramid merge into the whole.
        var parts: [URL] = []
        for i in 0..<2 {
            var p = pyramid
            p.shard = (i, 2)
            let url = dir.appendingPathComponent("part\(i).mbtiles")
            try p.render(with: FullTiles(renderer: try Self.renderer), to: try MBTilesWriter(target: url), metadata: md)
            parts.append(url)
        }
        let merged = dir.appendingPathComponent("merged.mbtiles")
        try MBTilesWriter.merge(parts, into: merged)
        var m: OpaquePointer?
        sqlite3_open(merged.path, &m)
        defer { sqlite3_close(m) }
        var stmt: OpaquePointer?
        sqlite3_prepare_v2(m, "SELECT COUNT(*) FROM tiles", -1, &stmt, nil)
        XCTAssertEqual(sqlite3_step(stmt), SQLITE_ROW)
        XCTAssertEqual(Int(sqlite3_column_int64(stmt, 0)), n)
        sqlite3_finalize(stmt)
    }
}

/// The renderer's full-style tiles, as a pyramid draws them.
private struct FullTiles: RasterTileSource {
    let renderer: TileRenderer
    func hasData(_ tile: TileCoord) -> Bool { true }
    func image(_ tile: TileCoord) throws -> Data { try renderer.png(tile: tile, style: .full) }
}

import Foundation
import XCTest
import CSQLite
import FrontlineGeo
import FrontlineSupport
import FrontlineTestSupport
@testable import FrontlineTiles

/// Crafted archives for `tiles merge` (the red team's files, kept as fuzz seeds in
/// Fuzz/corpus-archives): each is bad data, answered at once, with nothing left behind.
final class HostileArchiveTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus-archives")

    func assertRefused(_ name: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let out = try TemporaryFolder.make("hostile")
        let target = out.appendingPathComponent(name.hasSuffix(".pmtiles") ? "out.pmtiles" : "out.mbtiles")
        let input = Self.corpus.appendingPathComponent(name)
        do {
            if name.hasSuffix(".pmtiles") { try PMTilesWriter.merge([input], into: target) } else { try MBTilesWriter.merge([input], into: target) }
            XCTFail("\(name) was merged", file: file, line: line)
        } catch let e as FrontlineError {
            XCTAssertEqual(e.exitCode, 65, "\(e)", file: file, line: line)
            XCTAssertTrue(e.description.contains(expected), e.description, file: file, line: line)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), [], "nothing left behind", file: file, line: line)
    }

    // Trapped (exit 132): the offset of a directory entry plus its length overflowed.
    func testOffsetOverflowIsBadData() throws { try assertRefused("pm-offset-overflow.pmtiles", "offset overflows") }

    // Ran for minutes: leaf directories pointing at each other were walked again and again.
    func testLeafDirectoriesVisitedOnce() throws { try assertRefused("pm-dag-hang.pmtiles", "referenced twice") }

    // 290 s and 8 GB: a run length of 2e26 was expanded tile by tile up to 67 million entries.
    func testRunLengthBoundedByTheZoomRange() throws { try assertRefused("pm-run-2e26.pmtiles", "outside zooms 0-5") }

    // Trapped (exit 132) and left `.out.mbtiles.<pid>.tmp`: a NULL metadata value.
    func testNullMetadataIsBadData() throws { try assertRefused("mb-null-metadata.mbtiles", "NULL") }

    // Ran until killed: `tiles` was a view over a recursive CTE that never ends.
    func testTilesViewIsRefused() throws { try assertRefused("mb-infinite-view.mbtiles", "view") }

    func metadata(_ format: String) -> TileMetadata {
        var m = TileMetadata(name: "t", description: "d", attribution: "a", bounds: Envelope(minX: 22, minY: 44, maxX: 41, maxY: 53),
                             minZoom: 0, maxZoom: 1, overlay: false)
        m.format = format
        if format == "pbf" { m.vectorLayers = [("control", [("status", "String")])] }
        return m
    }

    func shard(_ folder: URL, _ name: String, format: String, tile: TileCoord) throws -> URL {
        let url = folder.appendingPathComponent(name)
        let w = try MBTilesWriter(target: url)
        try w.write(tile, Data([1, 2, 3]))
        try w.finish(metadata: metadata(format))
        return url
    }

    func metadataRows(_ url: URL) throws -> [String: String] {
        Dictionary(try MBTilesWriter.metadataRows(MBTilesInput(url: url, tilesQuery: "")), uniquingKeysWith: { a, _ in a })
    }

    // Merging vector shards wrote format=png and dropped the json (vector_layers) row.
    func testVectorShardsKeepTheirFormatAndLayers() throws {
        let dir = try TemporaryFolder.make("merge")
        let a = try shard(dir, "a.mbtiles", format: "pbf", tile: TileCoord(z: 0, x: 0, y: 0)!)
        let b = try shard(dir, "b.mbtiles", format: "pbf", tile: TileCoord(z: 1, x: 1, y: 0)!)
        let out = dir.appendingPathComponent("all.mbtiles")
        try MBTilesWriter.merge([a, b], into: out)
        let rows = try metadataRows(out)
        XCTAssertEqual(rows["format"], "pbf")
        XCTAssertTrue(rows["json"]?.contains(#""id":"control""#) ?? false, rows["json"] ?? "no json row")
        var count = 0
        try SQLiteDatabase(path: out.path, readOnly: true).run("SELECT count(*) FROM tiles") { count = Int(sqlite3_column_int($0, 0)) }
        XCTAssertEqual(count, 2)
    }

    // Merging a raster and a vector MBTiles succeeded silently.
    func testRasterAndVectorAreNotMixed() throws {
        let dir = try TemporaryFolder.make("merge")
        let a = try shard(dir, "a.mbtiles", format: "png", tile: TileCoord(z: 0, x: 0, y: 0)!)
        let b = try shard(dir, "b.mbtiles", format: "pbf", tile: TileCoord(z: 1, x: 1, y: 0)!)
        XCTAssertThrowsError(try MBTilesWriter.merge([a, b], into: dir.appendingPathComponent("all.mbtiles"))) { e in
            XCTAssertEqual((e as? FrontlineError)?.exitCode, 65)
            XCTAssertTrue("\(e)".contains("one format"), "\(e)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("all.mbtiles").path))
    }

    // A damaged input was reported as exit 73 against the temporary output file.
    func testDamagedInputIsNamedAsBadData() throws {
        let dir = try TemporaryFolder.make("merge")
        let a = try shard(dir, "a.mbtiles", format: "png", tile: TileCoord(z: 0, x: 0, y: 0)!)
        var bytes = try Data(contentsOf: a)
        // Keep the header and the schema page, damage every page after it.
        for i in stride(from: 4096, to: bytes.count, by: 1) { bytes[i] = 0xA5 }
        try bytes.write(to: a)
        XCTAssertThrowsError(try MBTilesWriter.merge([a], into: dir.appendingPathComponent("all.mbtiles"))) { e in
            XCTAssertEqual((e as? FrontlineError)?.exitCode, 65, "\(e)")
            XCTAssertTrue("\(e)".contains("a.mbtiles"), "\(e)")
            XCTAssertFalse("\(e)".contains(".tmp"), "\(e)")
        }
    }
}

import CSQLite
import Foundation
import FrontlineGeo
import FrontlineSupport

/// Writes an MBTiles 1.3 file (flat schema: `tiles` and `metadata`). Tiles go to a temporary
/// file beside the target, which is renamed over it by `finish`: an interrupted run leaves no
/// half-written MBTiles. This writer alone turns XYZ rows into TMS rows.
public final class MBTilesWriter: TileSink {
    public let target: URL
    private let temporary: URL
    private let db: SQLiteDatabase

    public init(target: URL) throws {
        // Not a device or a folder: renaming over /dev/null would turn it into a file.
        self.target = try AtomicFile.checkTarget(target)
        AtomicFile.removeAbandoned(for: self.target)
        temporary = AtomicFile.temporaryURL(for: self.target)
        try? FileManager.default.removeItem(at: temporary)
        db = try SQLiteDatabase(path: temporary.path)
        try db.exec("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE metadata (name TEXT, value TEXT);
            CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
            CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);
            BEGIN;
            """)
    }

    public func write(_ tile: TileCoord, _ png: Data) throws {
        try db.run("INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?)", [.int(tile.z), .int(tile.x), .int(tile.tmsRow), .blob(png)])
    }

    public func finish(metadata: TileMetadata) throws {
        for (name, value) in metadata.rows { try db.run("INSERT INTO metadata VALUES (?, ?)", [.text(name), .text(value)]) }
        try db.exec("COMMIT;")
        guard rename(temporary.path, target.path) == 0 else {
            throw FrontlineError.cannotWrite("cannot write \(target.path): \(String(cString: strerror(errno)))")
        }
    }

    /// An input to merge must be an MBTiles file: missing is exit 66, anything else (not
    /// SQLite, or SQLite without the MBTiles tables) is bad data, exit 65, before any output.
    static func checkInput(_ url: URL) throws {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw FrontlineError.missingInput("no such MBTiles file: \(url.path)")
        }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard header == Data("SQLite format 3\0".utf8) else {
            throw FrontlineError.badData("\(url.path): not an MBTiles file (not an SQLite database)")
        }
        var tables = 0
        do {
            try SQLiteDatabase(path: url.path).run(
                "SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name IN ('tiles', 'metadata')") { stmt in
                tables = Int(sqlite3_column_int(stmt, 0))
            }
        } catch {
            throw FrontlineError.badData("\(url.path): not a readable MBTiles file (\(error))")
        }
        guard tables == 2 else { throw FrontlineError.badData("\(url.path): not an MBTiles file (no tiles and metadata tables)") }
    }

    /// Abandons the file (on error).
    public func discard() { try? FileManager.default.removeItem(at: temporary) }

    /// Merges MBTiles files (e.g. the shards of one pyramid) into `target`: all tiles, the
    /// first file's metadata with zooms and bounds widened to cover every input.
    public static func merge(_ inputs: [URL], into target: URL) throws {
        guard !inputs.isEmpty else { throw FrontlineError.usage("nothing to merge") }
        for url in inputs { try checkInput(url) }
        let writer = try MBTilesWriter(target: target)
        var meta: [String: String] = [:]
        var minZoom = Int.max, maxZoom = Int.min
        var bounds: Envelope?
        do {
            for (n, url) in inputs.enumerated() {
                let source = try SQLiteDatabase(path: url.path)
                var rows: [(String, String)] = []
                try source.run("SELECT name, value FROM metadata") { stmt in
                    rows.append((String(cString: sqlite3_column_text(stmt, 0)), String(cString: sqlite3_column_text(stmt, 1))))
                }
                for (k, v) in rows where n == 0 { meta[k] = v }
                for (k, v) in rows {
                    if k == "minzoom", let z = Int(v) { minZoom = min(minZoom, z) }
                    if k == "maxzoom", let z = Int(v) { maxZoom = max(maxZoom, z) }
                    if k == "bounds" {
                        let b = v.split(separator: ",").compactMap { Double($0) }
                        if b.count == 4 {
                            let e = Envelope(minX: b[0], minY: b[1], maxX: b[2], maxY: b[3])
                            bounds = bounds.map { $0.union(e) } ?? e
                        }
                    }
                }
                // ATTACH and DETACH cannot run inside the writer's transaction.
                try writer.db.exec("COMMIT;")
                try writer.db.run("ATTACH DATABASE ? AS part", [.text(url.path)])
                try writer.db.exec("INSERT OR REPLACE INTO tiles SELECT zoom_level, tile_column, tile_row, tile_data FROM part.tiles;")
                try writer.db.exec("DETACH DATABASE part; BEGIN;")
            }
            let md = TileMetadata(name: meta["name"] ?? "frontline", description: meta["description"] ?? "",
                                  attribution: meta["attribution"] ?? "", bounds: bounds ?? Envelope(minX: -180, minY: -85, maxX: 180, maxY: 85),
                                  minZoom: minZoom == Int.max ? 0 : minZoom, maxZoom: maxZoom == Int.min ? 0 : maxZoom,
                                  overlay: meta["type"] == "overlay")
            try writer.finish(metadata: md)
        } catch {
            writer.discard()
            throw error
        }
    }
}

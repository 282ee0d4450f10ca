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
        try AtomicFile.commit(temporary, to: target)
    }

    /// An input to merge must be an MBTiles file: missing is exit 66, anything else (not
    /// SQLite, or SQLite without the MBTiles tables) is bad data, exit 65, before any output.
    /// Tiles are read from tables only: a view may never end (a recursive CTE) and a trigger
    /// runs code, so both are refused, except mbutil's deduplicated schema (`tiles` a view over
    /// the tables `map` and `images`), which is read from those tables.
    static func checkInput(_ url: URL) throws -> MBTilesInput {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw FrontlineError.missingInput("no such MBTiles file: \(url.path)")
        }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard header == Data("SQLite format 3\0".utf8) else {
            throw FrontlineError.badData("\(url.path): not an MBTiles file (not an SQLite database)")
        }
        var objects: [String: String] = [:]
        var triggers = 0
        do {
            try SQLiteDatabase(path: url.path, readOnly: true).run("SELECT type, name FROM sqlite_master") { stmt in
                let type = SQLiteDatabase.text(stmt, 0) ?? "", name = SQLiteDatabase.text(stmt, 1) ?? ""
                if type == "trigger" { triggers += 1 } else { objects[name] = type }
            }
        } catch {
            throw FrontlineError.badData("\(url.path): not a readable MBTiles file (\(error))")
        }
        guard triggers == 0 else { throw FrontlineError.badData("\(url.path): an MBTiles file with triggers; refusing to read it") }
        guard objects["metadata"] == "table" else { throw FrontlineError.badData("\(url.path): not an MBTiles file (no metadata table)") }
        switch objects["tiles"] {
        case "table": return MBTilesInput(url: url, tilesQuery: "SELECT zoom_level, tile_column, tile_row, tile_data FROM part.tiles")
        case "view" where objects["map"] == "table" && objects["images"] == "table":
            return MBTilesInput(url: url, tilesQuery: """
                SELECT m.zoom_level, m.tile_column, m.tile_row, i.tile_data FROM part.map AS m JOIN part.images AS i ON i.tile_id = m.tile_id
                """)
        case "view": throw FrontlineError.badData("\(url.path): its tiles are a view, not a table; refusing to read it")
        default: throw FrontlineError.badData("\(url.path): not an MBTiles file (no tiles table)")
        }
    }

    /// An input's metadata rows; a NULL name or value is bad data.
    static func metadataRows(_ input: MBTilesInput) throws -> [(String, String)] {
        var rows: [(String, String)] = []
        var null = false
        try SQLiteDatabase(path: input.url.path, readOnly: true).run("SELECT name, value FROM metadata") { stmt in
            guard let k = SQLiteDatabase.text(stmt, 0), let v = SQLiteDatabase.text(stmt, 1) else { null = true; return }
            rows.append((k, v))
        }
        if null { throw FrontlineError.badData("\(input.url.path): a metadata name or value is NULL") }
        return rows
    }

    /// Abandons the file (on error).
    public func discard() { try? FileManager.default.removeItem(at: temporary) }

    /// Merges MBTiles files (e.g. the shards of one pyramid) into `target`: all tiles, the
    /// first file's metadata (its format and vector layers included) with zooms and bounds
    /// widened to cover every input. Inputs of different formats (PNG and vector) are refused.
    public static func merge(_ inputs: [URL], into target: URL) throws {
        guard !inputs.isEmpty else { throw FrontlineError.usage("nothing to merge") }
        let parts = try inputs.map { try checkInput($0) }
        let metas = try parts.map { Dictionary(try metadataRows($0), uniquingKeysWith: { a, _ in a }) }
        let format = metas[0]["format"] ?? "png"
        if let n = metas.firstIndex(where: { ($0["format"] ?? "png") != format }) {
            throw FrontlineError.badData("\(inputs[n].lastPathComponent) holds \(metas[n]["format"] ?? "png") tiles and \(inputs[0].lastPathComponent) \(format) tiles: merge files of one format")
        }
        var md = mergedMetadata(metas)
        md.format = format
        if let json = metas[0]["json"] {
            guard let layers = try? GeoJSONReader.parseJSON(Data(json.utf8)) else {
                throw FrontlineError.badData("\(inputs[0].path): its json metadata is not JSON")
            }
            md.vectorLayers = TileMetadata.vectorLayers(in: layers)
        }
        let writer = try MBTilesWriter(target: target)
        do {
            for part in parts {
                // ATTACH and DETACH cannot run inside the writer's transaction.
                try writer.db.exec("COMMIT;")
                try writer.db.run("ATTACH DATABASE ? AS part", [.text(part.url.standardizedFileURL.absoluteString + "?mode=ro")])
                do {
                    try writer.db.exec("INSERT OR REPLACE INTO tiles \(part.tilesQuery);")
                } catch where writer.db.lastErrorIsCorruption {
                    throw FrontlineError.badData("\(part.url.path): a damaged MBTiles file (\(String(cString: sqlite3_errstr(writer.db.lastErrorCode))))")
                }
                try writer.db.exec("DETACH DATABASE part; BEGIN;")
            }
            try writer.finish(metadata: md)
        } catch {
            writer.discard()
            throw error
        }
    }

    /// The first input's name, description and attribution, zooms and bounds over all.
    private static func mergedMetadata(_ metas: [[String: String]]) -> TileMetadata {
        var minZoom = Int.max, maxZoom = Int.min
        var bounds: Envelope?
        for m in metas {
            if let z = m["minzoom"].flatMap({ Int($0) }) { minZoom = min(minZoom, z) }
            if let z = m["maxzoom"].flatMap({ Int($0) }) { maxZoom = max(maxZoom, z) }
            let b = (m["bounds"] ?? "").split(separator: ",").compactMap { Double($0) }
            if b.count == 4, b.allSatisfy(\.isFinite) {
                let e = Envelope(minX: b[0], minY: b[1], maxX: b[2], maxY: b[3])
                bounds = bounds.map { $0.union(e) } ?? e
            }
        }
        let m0 = metas[0]
        return TileMetadata(name: m0["name"] ?? "frontline", description: m0["description"] ?? "",
                            attribution: m0["attribution"] ?? "", bounds: bounds ?? Envelope(minX: -180, minY: -85, maxX: 180, maxY: 85),
                            minZoom: minZoom == Int.max ? 0 : minZoom, maxZoom: maxZoom == Int.min ? 0 : maxZoom,
                            overlay: m0["type"] == "overlay")
    }
}

/// An MBTiles file to merge, with the query that reads its tiles from tables.
struct MBTilesInput {
    let url: URL
    let tilesQuery: String
}

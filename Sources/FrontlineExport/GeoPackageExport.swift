import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// OGC GeoPackage 1.3 through SQLite: the core tables (`gpkg_spatial_ref_sys`, `gpkg_contents`,
/// `gpkg_geometry_columns`), one feature table per layer in EPSG:4326 with GeoPackage binary
/// geometries (header, envelope, WKB), and the metadata extension naming the snapshots and
/// sources for the file and for each layer. Built in a temporary file, returned as bytes.
enum GeoPackageExport {
    static func encode(_ set: ExportSet) throws -> Data {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-\(getpid())-\(UUID().uuidString).gpkg")
        defer { try? FileManager.default.removeItem(at: tmp) }
        do {
            let db = try SQLiteDatabase(path: tmp.path)
            try db.exec("PRAGMA application_id = 1196444487; PRAGMA user_version = 10300; PRAGMA journal_mode = OFF;")
            try db.exec("BEGIN")
            try core(db)
            // A fixed time (the newest snapshot's day): the same export gives the same bytes.
            let stamp = (set.provenance.snapshots.last?.split(separator: " ").last.map(String.init) ?? "1970-01-01") + "T00:00:00.000Z"
            try metadata(db, set, stamp)
            for (i, layer) in set.layers.enumerated() { try write(layer, db, stamp, metadataID: 2 + i) }
            try db.exec("COMMIT")
        }
        guard let data = FileManager.default.contents(atPath: tmp.path) else {
            throw FrontlineError.cannotWrite("cannot read back the GeoPackage built at \(tmp.path)")
        }
        return data
    }

    private static func core(_ db: SQLiteDatabase) throws {
        try db.exec("""
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
              organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
              srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
              scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
            CREATE TABLE gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL, md_scope TEXT NOT NULL DEFAULT 'dataset',
              md_standard_uri TEXT NOT NULL, mime_type TEXT NOT NULL DEFAULT 'text/xml', metadata TEXT NOT NULL DEFAULT '');
            CREATE TABLE gpkg_metadata_reference (reference_scope TEXT NOT NULL, table_name TEXT, column_name TEXT, row_id_value INTEGER,
              timestamp DATETIME NOT NULL, md_file_id INTEGER NOT NULL, md_parent_id INTEGER,
              CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id),
              CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id));
            """)
        let wgs84 = #"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]"#
        let rows: [[SQLiteDatabase.Value]] = [
            [.text("WGS 84 geodetic"), .int(4326), .text("EPSG"), .int(4326), .text(wgs84), .text("longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid")],
            [.text("Undefined cartesian SRS"), .int(-1), .text("NONE"), .int(-1), .text("undefined"), .text("undefined cartesian coordinate reference system")],
            [.text("Undefined geographic SRS"), .int(0), .text("NONE"), .int(0), .text("undefined"), .text("undefined geographic coordinate reference system")],
        ]
        for r in rows { try db.run("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", r) }
        for t in ["gpkg_metadata", "gpkg_metadata_reference"] {
            try db.run("INSERT INTO gpkg_extensions VALUES (?, NULL, 'gpkg_metadata', 'http://www.geopackage.org/spec/#extension_metadata', 'read-write')", [.text(t)])
        }
    }

    /// The provenance as plain-text metadata of the whole file (scope geopackage).
    private static func metadata(_ db: SQLiteDatabase, _ set: ExportSet, _ stamp: String) throws {
        try db.run("INSERT INTO gpkg_metadata (id, md_scope, md_standard_uri, mime_type, metadata) VALUES (1, 'dataset', 'http://www.isotc211.org/2005/gmd', 'text/plain', ?)",
                   [.text(set.provenance.line)])
        try db.run("INSERT INTO gpkg_metadata_reference VALUES ('geopackage', NULL, NULL, NULL, ?, 1, NULL)", [.text(stamp)])
    }

    private static func write(_ layer: ExportLayer, _ db: SQLiteDatabase, _ stamp: String, metadataID id: Int) throws {
        let type: String
        switch layer.kind {
        case .polygon: type = "MULTIPOLYGON"
        case .line: type = "MULTILINESTRING"
        case .point: type = "POINT"
        }
        let columns = layer.fields.map { f -> String in
            let t: String
            switch f.type {
            case .text: t = "TEXT"
            case .integer: t = "INTEGER"
            case .real: t = "REAL"
            }
            return "\"\(f.name)\" \(t)"
        }
        try db.exec("CREATE TABLE \"\(layer.name)\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom \(type), \(columns.joined(separator: ", ")))")
        let all = layer.features.flatMap { f -> [Position] in positions(f.shape) }
        let box = Envelope(of: all)
        try db.run("INSERT INTO gpkg_contents VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, 4326)", [
            .text(layer.name), .text(layer.name), .text(layer.title), .text(stamp),
            box.map { .real($0.minX) } ?? .null, box.map { .real($0.minY) } ?? .null,
            box.map { .real($0.maxX) } ?? .null, box.map { .real($0.maxY) } ?? .null])
        try db.run("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)", [.text(layer.name), .text(type)])
        let marks = Array(repeating: "?", count: layer.fields.count + 1).joined(separator: ", ")
        let names = (["geom"] + layer.fields.map { "\"\($0.name)\"" }).joined(separator: ", ")
        for f in layer.features {
            let values: [SQLiteDatabase.Value] = [.blob(geometry(f.shape))] + f.values.map { v in
                switch v {
                case .text(let s): return .text(s)
                case .integer(let i): return .int(i)
                case .real(let d): return .real(d)
                case .null: return .null
                }
            }
            try db.run("INSERT INTO \"\(layer.name)\" (\(names)) VALUES (\(marks))", values)
        }
        // The layer's own metadata: what it is and which snapshot it shows.
        try db.run("INSERT INTO gpkg_metadata (id, md_scope, md_standard_uri, mime_type, metadata) VALUES (?, 'featureType', 'http://www.isotc211.org/2005/gmd', 'text/plain', ?)",
                   [.int(id), .text(layer.title)])
        try db.run("INSERT INTO gpkg_metadata_reference VALUES ('table', ?, NULL, NULL, ?, ?, 1)", [.text(layer.name), .text(stamp), .int(id)])
    }

    static func positions(_ s: ExportLayer.Shape) -> [Position] {
        switch s {
        case .point(let p): return [p]
        case .lines(let l): return l.flatMap { $0 }
        case .polygons(let p): return p.compactMap(\.first).flatMap { $0 }
        }
    }

    /// GeoPackage binary: "GP", version 0, flags (little endian, xy envelope), srs_id, envelope, WKB.
    static func geometry(_ s: ExportLayer.Shape) -> Data {
        var out = Data([0x47, 0x50, 0, 0b0000_0011])
        withUnsafeBytes(of: Int32(4326).littleEndian) { out.append(contentsOf: $0) }
        let box = Envelope(of: positions(s)) ?? Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        for v in [box.minX, box.maxX, box.minY, box.maxY] { WKB.double(v, &out) }
        out.append(WKB.encode(s))
        return out
    }
}

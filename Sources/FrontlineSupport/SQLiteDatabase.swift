import CSQLite
import Foundation

/// A SQLite connection owned by one object, closed in `deinit`; statements are prepared,
/// bound and finalized inside `run`, so no SQLite pointer leaves this file.
public final class SQLiteDatabase {
    private var db: OpaquePointer?
    public let path: String

    /// Opens (or creates) `path`; `readOnly` opens an existing file for reading only, as every
    /// input is opened (an input is never changed, nor created when missing).
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        // URI names are honoured so that an ATTACHed input can be opened read-only (`?mode=ro`);
        // the paths given here are absolute, never `file:` names.
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_URI
        guard sqlite3_open_v2(path, &db, flags, nil) == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            throw FrontlineError.cannotWrite("cannot open \(path): \(message)")
        }
    }

    deinit { sqlite3_close(db) }

    public func exec(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw error(sql) }
    }

    public enum Value {
        case int(Int)
        case text(String)
        case blob(Data)
        case real(Double)
        case null
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Runs one statement with bound values; `row` is called for each result row.
    public func run(_ sql: String, _ values: [Value] = [], row: ((OpaquePointer) -> Void)? = nil) throws {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else { throw error(sql) }
        defer { sqlite3_finalize(stmt) }
        for (i, v) in values.enumerated() {
            let n = Int32(i + 1)
            switch v {
            case .int(let x): sqlite3_bind_int64(stmt, n, Int64(x))
            case .text(let s): sqlite3_bind_text(stmt, n, s, -1, SQLiteDatabase.transient)
            case .blob(let d): _ = d.withUnsafeBytes { sqlite3_bind_blob(stmt, n, $0.baseAddress, Int32($0.count), SQLiteDatabase.transient) }
            case .real(let x): sqlite3_bind_double(stmt, n, x)
            case .null: sqlite3_bind_null(stmt, n)
            }
        }
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_ROW { row?(stmt); continue }
            guard rc == SQLITE_DONE else { throw error(sql) }
            return
        }
    }

    /// SQLite's primary result code of the last call (`SQLITE_CORRUPT`, `SQLITE_NOTADB`...).
    public var lastErrorCode: Int32 { sqlite3_errcode(db) & 0xFF }

    /// True when the last error says a database file is damaged or not a database at all.
    public var lastErrorIsCorruption: Bool { lastErrorCode == SQLITE_CORRUPT || lastErrorCode == SQLITE_NOTADB }

    /// Column `i` of a row as text; nil where it is NULL (which `String(cString:)` would trap on).
    public static func text(_ stmt: OpaquePointer, _ i: Int32) -> String? {
        guard let p = sqlite3_column_text(stmt, i) else { return nil }
        return String(cString: p)
    }

    /// A damaged file is bad data (65); anything else failed to write (73).
    private func error(_ sql: String) -> FrontlineError {
        if lastErrorIsCorruption { return .badData("\(path): \(String(cString: sqlite3_errmsg(db)))") }
        return .cannotWrite("\(path): \(String(cString: sqlite3_errmsg(db))) (\(sql.prefix(40))…)")
    }
}

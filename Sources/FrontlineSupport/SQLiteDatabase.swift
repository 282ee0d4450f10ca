import CSQLite
import Foundation

/// A SQLite connection owned by one object, closed in `deinit`; statements are prepared,
/// bound and finalized inside `run`, so no SQLite pointer leaves this file.
public final class SQLiteDatabase {
    private var db: OpaquePointer?
    public let path: String

    public init(path: String) throws {
        self.path = path
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
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

    private func error(_ sql: String) -> FrontlineError {
        .cannotWrite("\(path): \(String(cString: sqlite3_errmsg(db))) (\(sql.prefix(40))…)")
    }
}

import Foundation
import GRDB

/// Why the store could not do what was asked, with the database file it concerns.
///
/// Every error the ``RecordStore`` throws is one of these; GRDB and SQLite errors are
/// mapped at the store's boundary (``wrap(_:_:)``) so callers match on kinds, not on
/// SQLite result codes, and so every message names the file.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another connection holds a lock longer than the busy timeout (SQLITE_BUSY / SQLITE_LOCKED).
    case busy(path: String, message: String)
    /// The disk or the database's size limit is full (SQLITE_FULL).
    case diskFull(path: String, message: String)
    /// The file is not an SQLite database, or is damaged (SQLITE_NOTADB / SQLITE_CORRUPT).
    case corrupt(path: String, message: String)
    /// The database holds migrations this build does not know: a newer Spikebar wrote it.
    case newerSchema(path: String, unknown: [String])
    /// The database lacks migrations this build needs and was opened read-only.
    case olderSchema(path: String, missing: [String])
    /// The file or its folder cannot be created, opened or written (permissions, I/O error).
    case unavailable(path: String, message: String)
    /// A row the caller asked for does not exist (e.g. `--run 7` in a database with 3 runs).
    case notFound(path: String, what: String)
    /// A request the store cannot honour (unknown table for export, constraint violated…).
    case invalid(path: String, message: String)

    public var description: String {
        switch self {
        case let .busy(p, m):
            return "\(p): database is locked by another process (\(m)); retry later or stop the other writer"
        case let .diskFull(p, m):
            return "\(p): disk full, records not written (\(m)); free space and the next flush retries"
        case let .corrupt(p, m):
            return "\(p): not a Spikebar database or damaged (\(m)); move it aside or pass another --db"
        case let .newerSchema(p, unknown):
            return "\(p): written by a newer Spikebar (unknown migrations: \(unknown.joined(separator: ", "))); refusing to open it with this version"
        case let .olderSchema(p, missing):
            return "\(p): schema is older than this Spikebar (missing: \(missing.joined(separator: ", "))); open it once for writing (e.g. spikebar run --db \(p)) to upgrade"
        case let .unavailable(p, m):
            return "\(p): cannot use the database file (\(m))"
        case let .notFound(p, what):
            return "\(p): \(what) not found"
        case let .invalid(p, m):
            return "\(p): \(m)"
        }
    }

    /// Whether retrying the same write later can succeed (busy, disk full, I/O trouble).
    public var isTransient: Bool {
        switch self {
        case .busy, .diskFull, .unavailable: return true
        case .corrupt, .newerSchema, .olderSchema, .notFound, .invalid: return false
        }
    }

    /// Runs `body`, turning any GRDB error into a ``StoreError`` naming `path`.
    public static func wrap<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw map(error, path: path)
        }
    }

    /// Maps one error thrown by GRDB (or by the store) to a ``StoreError``.
    public static func map(_ error: Error, path: String) -> StoreError {
        if let e = error as? StoreError { return e }
        guard let db = error as? DatabaseError else {
            return .unavailable(path: path, message: "\(error)")
        }
        let message = db.message ?? "SQLite error \(db.extendedResultCode.rawValue)"
        switch db.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path, message: message)
        case .SQLITE_FULL: return .diskFull(path: path, message: message)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .corrupt(path: path, message: message)
        case .SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_ERROR, .SQLITE_RANGE:
            return .invalid(path: path, message: message)
        default: return .unavailable(path: path, message: message)
        }
    }
}

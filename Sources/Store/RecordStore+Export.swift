import Foundation
import GRDB

extension RecordStore {
    /// Writes one table's rows of one run as CSV (RFC 4180: a header line, then one line
    /// per row ordered by `id`, fields quoted when they hold a comma, quote or line break,
    /// NULL as an empty field). BLOB columns are replaced by their size, in a column named
    /// `<name>Bytes` (use `sqlite3` or GRDB to read the blobs themselves).
    ///
    /// - Parameters:
    ///   - table: one of ``Schema/tables``; `run` exports the run's own row.
    ///   - line: receives each line without its terminator.
    /// - Throws: ``StoreError/invalid(path:message:)`` for an unknown table,
    ///   ``StoreError/notFound(path:what:)`` for an unknown run.
    public func exportCSV(runId: Int64, table: String, line: (String) throws -> Void) throws {
        guard Schema.tables.contains(table) else {
            throw StoreError.invalid(path: path, message: "no table '\(table)' (tables: \(Schema.tables.joined(separator: ", ")))")
        }
        _ = try run(id: runId)
        try read { db in
            let columns = try db.columns(in: table)
            let select = columns.map { c in
                c.type.uppercased() == "BLOB"
                    ? "length(\(c.name.quotedDatabaseIdentifier)) AS \((c.name + "Bytes").quotedDatabaseIdentifier)"
                    : c.name.quotedDatabaseIdentifier
            }
            let names = columns.map { $0.type.uppercased() == "BLOB" ? $0.name + "Bytes" : $0.name }
            try line(names.map(CSV.field).joined(separator: ","))
            let key = table == "run" ? "id" : "runId"
            let sql = "SELECT \(select.joined(separator: ", ")) FROM \(table.quotedDatabaseIdentifier) WHERE \(key) = ? ORDER BY id"
            let rows = try Row.fetchCursor(db, sql: sql, arguments: [runId])
            while let row = try rows.next() {
                try line(row.databaseValues.map(CSV.text).joined(separator: ","))
            }
        }
    }
}

/// CSV field formatting (RFC 4180).
enum CSV {
    static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return ""
        case let .int64(i): return String(i)
        case let .double(d): return "\(d)"
        case let .string(s): return field(s)
        case let .blob(b): return String(b.count)
        }
    }

    /// `s`, quoted (its quotes doubled) when it holds a comma, quote, CR or LF. Scanned by
    /// Unicode scalar, not Character: "\r\n" is one Character equal to neither "\r" nor
    /// "\n", and a quote or comma followed by a combining mark is one Character too.
    static func field(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for u in s.unicodeScalars {
            quoted.append(u)
            if u == "\"" { quoted.append(u) }
        }
        quoted.append("\"")
        return String(quoted)
    }
}

import GRDB

extension RecordStore {
    /// Copies the latest run of the database at `path`, with every row it recorded, into
    /// this store under a new run id, in one transaction, and returns that id (nil if `path`
    /// holds no run). Rows keep their order and values; only `id` and `runId` change. Used to
    /// gather a sweep's per-run databases into one.
    public func importLatestRun(fromDatabase path: String) throws -> Int64? {
        let source = try RecordStore.openForReading(path: path)
        guard let run = try source.latestRun(), let sourceId = run.id else { return nil }
        return try source.read { from in
            try write { to in
                let newId = try Self.copyRows(of: "run", where: "id = ?", sourceId, from: from, to: to, runId: nil)
                for table in Schema.runTables {
                    _ = try Self.copyRows(of: table, where: "runId = ?", sourceId, from: from, to: to, runId: newId)
                }
                return newId
            }
        }
    }

    /// Inserts the rows of `table` selected by `condition` into `to`, dropping `id` and
    /// replacing `runId` when given; returns the last inserted row id.
    static func copyRows(of table: String, where condition: String, _ value: Int64, from: Database, to: Database, runId: Int64?) throws -> Int64 {
        let rows = try Row.fetchCursor(from, sql: "SELECT * FROM \(table) WHERE \(condition) ORDER BY id", arguments: [value])
        while let row = try rows.next() {
            let columns = row.columnNames.filter { $0 != "id" }
            let values: [DatabaseValue] = columns.map { name in
                if name == "runId", let runId { return runId.databaseValue }
                return row[name]
            }
            let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
            try to.execute(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))",
                           arguments: StatementArguments(values))
        }
        return to.lastInsertedRowID
    }
}

import GRDB

extension Schema {
    /// Migration `v3-lifetime` (issue #18): the lifetime controller's per-window series
    /// (`lifetimeWindow`), the end-of-run recent wear of every device (`recentWear`), and the
    /// `lifetime` event kind (SQLite cannot alter a CHECK constraint, so `event` is rebuilt
    /// with its rows, ids and index kept).
    static func createLifetime(_ db: Database) throws {
        try db.create(table: "lifetimeWindow") { t in
            t.autoIncrementedPrimaryKey("id")
            runReference(t)
            t.column("windowIndex", .integer).notNull()
            t.column("sample", .integer).notNull()
            t.column("layer", .integer).notNull()
            t.column("tileRow", .integer).notNull()
            t.column("tileCol", .integer).notNull()
            t.column("active", .boolean).notNull()
            t.column("writeScale", .double).notNull()
            t.column("projectedSeconds", .double)
            t.column("horizonPulses", .double).notNull()
            t.uniqueKey(["runId", "windowIndex", "layer", "tileRow", "tileCol"])
        }
        try db.create(table: "recentWear") { t in
            t.autoIncrementedPrimaryKey("id")
            runReference(t)
            t.column("sample", .integer).notNull()
            t.column("layer", .integer).notNull()
            t.column("tileRow", .integer).notNull()
            t.column("tileCol", .integer).notNull()
            t.column("windows", .integer).notNull()
            t.column("horizonSamples", .integer).notNull()
            t.column("pulsesBlob", .blob).notNull()
            t.uniqueKey(["runId", "sample", "layer", "tileRow", "tileCol"])
        }
        try db.execute(sql: """
            CREATE TABLE event_v3 (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              runId INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
              sample INTEGER NOT NULL,
              kind TEXT NOT NULL CHECK (kind IN ('start', 'stop', 'deviceFailure', 'badInput', 'taskBoundary',
                                                 'checkpoint', 'error', 'lifetime')),
              detailJSON TEXT NOT NULL,
              createdAt DATETIME NOT NULL);
            INSERT INTO event_v3 (id, runId, sample, kind, detailJSON, createdAt)
              SELECT id, runId, sample, kind, detailJSON, createdAt FROM event;
            DROP TABLE event;
            ALTER TABLE event_v3 RENAME TO event;
            CREATE INDEX index_event_on_runId ON event(runId);
            """)
    }
}

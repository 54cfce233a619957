import GRDB

extension Schema {
    /// Migration `v4-programming` (issue #19): the programming phase of an imported model, one
    /// row per crossbar (``ProgrammingRecord``).
    static func createProgramming(_ db: Database) throws {
        try db.create(table: "programming") { t in
            t.autoIncrementedPrimaryKey("id")
            runReference(t)
            t.column("layer", .integer).notNull()
            t.column("name", .text).notNull()
            t.column("algorithm", .text).notNull().check(sql: "algorithm IN ('iterative', 'rounds')")
            t.column("pairs", .integer).notNull()
            t.column("rounds", .integer).notNull()
            t.column("pulses", .double).notNull()
            t.column("setPulses", .double).notNull()
            t.column("resetPulses", .double).notNull()
            t.column("verifyReads", .double).notNull()
            t.column("failures", .double).notNull()
            t.column("writeLatencySeconds", .double).notNull()
            t.column("energyPicojoules", .double).notNull()
            t.column("rmsError", .double).notNull()
            t.column("convergedPairs", .integer)
            t.column("exhaustedPairs", .integer)
            t.column("maxPulsesPerPair", .integer)
            t.uniqueKey(["runId", "layer"])
        }
    }
}

extension RecordStore {
    /// Stores a run's programming phase (replacing rows of the same run and crossbar).
    public func insertProgramming(_ records: [ProgrammingRecord]) throws {
        try write { db in
            for var r in records { try r.insert(db, onConflict: .replace) }
        }
    }

    /// A run's programming phase in crossbar order; empty for a run without an imported model.
    public func programmingRecords(runId: Int64) throws -> [ProgrammingRecord] {
        try read { db in
            try ProgrammingRecord.filter(ProgrammingRecord.Columns.runId == runId).order(ProgrammingRecord.Columns.layer).fetchAll(db)
        }
    }
}

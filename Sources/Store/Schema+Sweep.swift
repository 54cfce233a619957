import GRDB

extension Schema {
    /// `sweep` and `sweepRun` (migration `v2-sweep`): a design-space sweep and, per planned
    /// run, its axis values and what became of it. Empty in a database that holds no sweep.
    static func createSweep(_ db: Database) throws {
        try db.create(table: "sweep") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("source", .text).notNull()
            t.column("specYAML", .text).notNull()
            t.column("axesJSON", .text).notNull()
            t.column("plannedRuns", .integer).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "sweepRun") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("sweep", onDelete: .cascade).notNull()
            t.column("runIndex", .integer).notNull()
            t.belongsTo("run", onDelete: .setNull)
            t.column("status", .text).notNull().check(sql: "status IN ('finished', 'failed', 'missing')")
            t.column("attempts", .integer).notNull()
            t.column("axesJSON", .text).notNull()
            t.column("argumentsJSON", .text).notNull()
            t.column("message", .text)
            t.uniqueKey(["sweepId", "runIndex"])
        }
    }
}

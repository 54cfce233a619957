import GRDB

/// The database schema: one ``DatabaseMigrator`` of named, append-only migrations.
///
/// Rules (GRDB's): a migration, once released, is never edited or renamed; a change is a
/// new migration appended at the end. Migrations use literal table and column names, never
/// app types, so an old migration keeps meaning what it meant when it shipped. A database
/// that holds a migration this list does not know was written by a newer Spikebar and is
/// refused (``StoreError/newerSchema(path:unknown:)``).
///
/// Conventions: camelCase column names with the unit in the name where there is one
/// (`writeLatencySeconds`, `energyPicojoules`); sample numbers are 0-based indices into the
/// stream of samples a run processed (all passes); times are UTC `YYYY-MM-DD HH:MM:SS.SSS`
/// text; JSON columns end in `JSON`, BLOB columns in `Blob`. docs/STORE.md documents every
/// column.
public enum Schema {
    /// Every table of a run's records, in creation order (what `db export` offers).
    public static let tables = ["run", "accuracyWindow", "energyWindow", "wearSnapshot", "taskEval", "event", "checkpoint",
                                "lifetimeWindow", "recentWear", "programming"]

    /// The tables of a merged sweep database (`spikebar sweep`), empty elsewhere.
    public static let sweepTables = ["sweep", "sweepRun"]

    /// The tables that hold one run's records (each with `runId`), in creation order.
    public static let runTables = ["accuracyWindow", "energyWindow", "wearSnapshot", "taskEval", "event", "checkpoint",
                                   "lifetimeWindow", "recentWear", "programming"]

    /// The migrator. `migrate` is idempotent; opening a store runs it.
    public static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-run", migrate: createRun)
        m.registerMigration("v1-windows", migrate: createWindows)
        m.registerMigration("v1-wear", migrate: createWear)
        m.registerMigration("v1-taskEval-event", migrate: createTaskEvalAndEvent)
        m.registerMigration("v1-checkpoint", migrate: createCheckpoint)
        m.registerMigration("v2-sweep", migrate: createSweep)
        m.registerMigration("v2-delayLine", migrate: addDelayLine)
        m.registerMigration("v3-lifetime", migrate: createLifetime)
        m.registerMigration("v4-programming", migrate: createProgramming)
        return m
    }

    static func createRun(_ db: Database) throws {
        try db.create(table: "run") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("startedAt", .datetime).notNull()
            t.column("endedAt", .datetime)
            t.column("lastFlushAt", .datetime)
            t.column("status", .text).notNull()
                .check(sql: "status IN ('running', 'finished', 'crashed', 'interrupted')")
            t.column("preset", .text).notNull()
            t.column("seed", .integer).notNull()
            t.column("version", .text).notNull()
            t.column("input", .text).notNull()
            t.column("passes", .integer).notNull()
            t.column("requestJSON", .text).notNull()
            t.column("configYAML", .text).notNull()
            t.column("summaryJSON", .text)
            t.column("samplesRecorded", .integer).notNull().defaults(to: 0)
        }
    }

    /// A run's rows go with it (`ON DELETE CASCADE`); every child table is indexed by run.
    static func runReference(_ t: TableDefinition) {
        t.belongsTo("run", onDelete: .cascade).notNull()
    }

    static func createWindows(_ db: Database) throws {
        try db.create(table: "accuracyWindow") { t in
            t.autoIncrementedPrimaryKey("id")
            runReference(t)
            t.column("windowIndex", .integer).notNull()
            t.column("firstSample", .integer).notNull()
            t.column("lastSample", .integer).notNull()
            t.column("pass", .integer).notNull()
            t.column("samples", .integer).notNull()
            t.column("correct", .integer).notNull()
            t.column("windowAccuracy", .double)
            t.column("prequentialAccuracy", .double).notNull()
            t.uniqueKey(["runId", "windowIndex"])
        }
        try db.create(table: "energyWindow") { t in
            t.autoIncrementedPrimaryKey("id")
            runReference(t)
            t.column("windowIndex", .integer).notNull()
            t.column("firstSample", .integer).notNull()
            t.column("lastSample", .integer).notNull()
            t.column("samples", .integer).notNull()
            for name in ["pulses", "setPulses", "resetPulses", "wastedPulses", "refreshPulses", "refreshSetPulses",
                         "verifyReads", "synapseWrites", "failures", "activeRows", "dacConversions", "adcConversions",
                         "tileActivations", "macs", "partialSumAdds", "neuronUpdates", "timesteps",
                         "traceUpdates", "learningMacs", "accumulatorUpdates", "updateScalings"] {
                t.column(name, .integer).notNull()
            }
            for name in ["setConductanceSum", "resetConductanceSum", "refreshSetConductanceSum", "refreshResetConductanceSum",
                         "cellReadConductanceSum", "writeLatencySeconds"] {
                t.column(name, .double).notNull()
            }
            // Priced by the run's cost preset (NULL if a writer has no cost model).
            t.column("energyPicojoules", .double)
            t.column("energyBreakdownJSON", .text)
            t.uniqueKey(["runId", "windowIndex"])
        }
    }

    /// The encoder's delay-line accesses (issue #12), 0 in windows recorded before it.
    static func addDelayLine(_ db: Database) throws {
        try db.alter(table: "energyWindow") { t in
            t.add(column: "delayLineAccesses", .integer).notNull().defaults(to: 0)
        }
    }

    static func createWear(_ db: Database) throws {
        try db.create(table: "wearSnapshot") { t in
            t.autoIncrementedPrimaryKey("id")
            runReference(t)
            t.column("sample", .integer).notNull()
            t.column("layer", .integer).notNull()
            t.column("tileRow", .integer).notNull()
            t.column("tileCol", .integer).notNull()
            t.column("rows", .integer).notNull()
            t.column("cols", .integer).notNull()
            t.column("devices", .integer).notNull()
            t.column("meanPulses", .double).notNull()
            t.column("maxPulses", .integer).notNull()
            t.column("failed", .integer).notNull()
            t.column("setPulses", .integer).notNull()
            t.column("resetPulses", .integer).notNull()
            t.column("wastedPulses", .integer).notNull()
            t.column("histogramJSON", .text).notNull()
            t.column("budgetUsedMean", .double)
            t.column("budgetUsedMax", .double)
            t.column("pulseMapBlob", .blob)
            t.uniqueKey(["runId", "sample", "layer", "tileRow", "tileCol"])
        }
    }

    static func createTaskEvalAndEvent(_ db: Database) throws {
        try db.create(table: "taskEval") { t in
            t.autoIncrementedPrimaryKey("id")
            runReference(t)
            t.column("afterTask", .integer).notNull()
            t.column("task", .integer).notNull()
            t.column("accuracy", .double).notNull()
            t.column("samples", .integer).notNull()
            t.uniqueKey(["runId", "afterTask", "task"])
        }
        try db.create(table: "event") { t in
            t.autoIncrementedPrimaryKey("id")
            runReference(t)
            t.column("sample", .integer).notNull()
            t.column("kind", .text).notNull()
                .check(sql: "kind IN ('start', 'stop', 'deviceFailure', 'badInput', 'taskBoundary', 'checkpoint', 'error')")
            t.column("detailJSON", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
    }

    static func createCheckpoint(_ db: Database) throws {
        try db.create(table: "checkpoint") { t in
            t.autoIncrementedPrimaryKey("id")
            runReference(t)
            t.column("sequence", .integer).notNull()
            t.column("pass", .integer).notNull()
            t.column("position", .integer).notNull()
            t.column("stateBlob", .blob).notNull()
            t.column("metricBlob", .blob).notNull()
            t.column("stateDigest", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.uniqueKey(["runId", "sequence"])
        }
    }
}

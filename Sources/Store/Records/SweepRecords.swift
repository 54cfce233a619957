import Foundation
import GRDB

/// One row of `sweep`: a design-space sweep whose runs this database holds.
public struct SweepRecord: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "sweep"

    public var id: Int64?
    /// The sweep's name (from its file).
    public var name: String
    /// The sweep file's path when it ran.
    public var source: String
    /// The sweep file's text, verbatim.
    public var specYAML: String
    /// The keys that vary, in axis order (JSON array of strings).
    public var axesJSON: String
    /// Runs the sweep planned (finished, failed or missing).
    public var plannedRuns: Int
    /// When the sweep database was assembled, UTC.
    public var createdAt: Date

    public init(id: Int64? = nil, name: String, source: String, specYAML: String, axesJSON: String, plannedRuns: Int, createdAt: Date) {
        self.id = id
        self.name = name
        self.source = source
        self.specYAML = specYAML
        self.axesJSON = axesJSON
        self.plannedRuns = plannedRuns
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One row of `sweepRun`: one planned run of a sweep — its axis values and its run.
public struct SweepRunRecord: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "sweepRun"

    public var id: Int64?
    public var sweepId: Int64
    /// Position in the sweep's plan, from 0 (decides its shard: `runIndex mod n`).
    public var runIndex: Int
    /// The run's row in `run`; NULL when it failed or never ran.
    public var runId: Int64?
    /// `finished`, `failed` (twice) or `missing` (no shard ran it yet).
    public var status: String
    /// Processes started for it (a failed first attempt is retried once).
    public var attempts: Int
    /// Its axis values: a JSON object `{"key": "value", …}` in axis order.
    public var axesJSON: String
    /// The `spikebar run` arguments it ran with (JSON array of strings).
    public var argumentsJSON: String
    /// Why it failed (the last lines of its standard error), else NULL.
    public var message: String?

    public init(id: Int64? = nil, sweepId: Int64, runIndex: Int, runId: Int64?, status: String, attempts: Int,
                axesJSON: String, argumentsJSON: String, message: String?) {
        self.id = id
        self.sweepId = sweepId
        self.runIndex = runIndex
        self.runId = runId
        self.status = status
        self.attempts = attempts
        self.axesJSON = axesJSON
        self.argumentsJSON = argumentsJSON
        self.message = message
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

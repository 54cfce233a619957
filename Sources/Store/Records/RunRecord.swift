import Foundation
import GRDB

/// Where a run is in its life (`run.status`).
public enum RunStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// Learning, or killed without a chance to say so (see `run.lastFlushAt`).
    case running
    /// Ended normally; `summaryJSON` holds the end-of-run summary.
    case finished
    /// Stopped by an error (the `event` table holds it).
    case crashed
    /// Stopped by SIGINT or SIGTERM after writing its pending records.
    case interrupted
}

/// One row of `run`: a run's identity, configuration snapshot and progress.
public struct RunRecord: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "run"

    /// Row id, assigned on insert (`--run ID` on the command line).
    public var id: Int64?
    /// Wall-clock start, UTC.
    public var startedAt: Date
    /// Wall-clock end (finished, crashed or interrupted), UTC; NULL while running.
    public var endedAt: Date?
    /// Time of the last committed flush, UTC: a `running` run whose last flush is old was killed.
    public var lastFlushAt: Date?
    public var status: RunStatus
    /// Hardware preset name or path.
    public var preset: String
    /// Seed of every random draw.
    public var seed: Int
    /// Spikebar version that started the run.
    public var version: String
    /// Input description (`bundled:digits`, a path, or `stdin`).
    public var input: String
    /// Passes over the input.
    public var passes: Int
    /// The run request as JSON (input, passes, shuffle seed, channels, eval input), for resume.
    public var requestJSON: String
    /// Every configuration value in effect, as YAML (the `--print-config` form).
    public var configYAML: String
    /// The end-of-run summary (`--summary json`), once finished.
    public var summaryJSON: String?
    /// Samples processed up to the last committed checkpoint, samples.
    public var samplesRecorded: Int

    public init(id: Int64? = nil, startedAt: Date, endedAt: Date? = nil, lastFlushAt: Date? = nil,
                status: RunStatus = .running, preset: String, seed: Int, version: String, input: String,
                passes: Int, requestJSON: String, configYAML: String, summaryJSON: String? = nil,
                samplesRecorded: Int = 0) {
        self.id = id
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.lastFlushAt = lastFlushAt
        self.status = status
        self.preset = preset
        self.seed = seed
        self.version = version
        self.input = input
        self.passes = passes
        self.requestJSON = requestJSON
        self.configYAML = configYAML
        self.summaryJSON = summaryJSON
        self.samplesRecorded = samplesRecorded
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Typed column names for queries.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let startedAt = Column(CodingKeys.startedAt)
        public static let endedAt = Column(CodingKeys.endedAt)
        public static let lastFlushAt = Column(CodingKeys.lastFlushAt)
        public static let status = Column(CodingKeys.status)
        public static let samplesRecorded = Column(CodingKeys.samplesRecorded)
        public static let summaryJSON = Column(CodingKeys.summaryJSON)
    }
}

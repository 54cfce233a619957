import Foundation
import GRDB

/// One row of `checkpoint`: everything needed to continue a run exactly where it was —
/// written in the same transaction as the windows it leads up to.
///
/// `stateBlob` is the learner's own serialization (`OnlineLearner.stateBytes()`: every
/// device's state, bounds, wear counters, budget and status; the χ accumulators; encoder
/// statistics; random generator states; sample counters). `metricBlob` is the recorder's
/// JSON (prequential metric, partial windows, operation totals). Neither is meant to be read
/// by hand; both are opaque to the store.
public struct CheckpointRecord: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "checkpoint"

    public var id: Int64?
    public var runId: Int64
    /// Samples processed when the state was taken (all passes): resume starts at this sample number.
    public var sequence: Int
    /// Pass (from 0) and position within that pass (samples of the pass already processed).
    public var pass: Int
    public var position: Int
    public var stateBlob: Data
    public var metricBlob: Data
    /// 16-hex-digit FNV-1a digest of `stateBlob` (the run summary's `stateDigest`).
    public var stateDigest: String
    /// Wall-clock time, UTC.
    public var createdAt: Date

    public init(id: Int64? = nil, runId: Int64, sequence: Int, pass: Int, position: Int, stateBlob: Data,
                metricBlob: Data, stateDigest: String, createdAt: Date = Date()) {
        self.id = id
        self.runId = runId
        self.sequence = sequence
        self.pass = pass
        self.position = position
        self.stateBlob = stateBlob
        self.metricBlob = metricBlob
        self.stateDigest = stateDigest
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let runId = Column(CodingKeys.runId)
        public static let sequence = Column(CodingKeys.sequence)
    }
}

import GRDB

/// One row of `accuracyWindow`: prequential (test-then-train) accuracy over one window of
/// `windowSamples` consecutive samples (RecordingConfig), numbered from 0 across passes.
///
/// Window `k` covers samples `k·W … (k+1)·W − 1`; the last window of a run may be shorter.
/// Every sample of a run lies in exactly one window (unique on `runId, windowIndex`).
public struct AccuracyWindowRecord: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "accuracyWindow"

    public var id: Int64?
    public var runId: Int64
    /// Window number, from 0.
    public var windowIndex: Int
    /// First and last sample of the window (0-based sample numbers, inclusive).
    public var firstSample: Int
    public var lastSample: Int
    /// Pass (from 0) of the window's last sample.
    public var pass: Int
    /// Labelled samples scored in the window (unlabelled ones are in the range but not counted).
    public var samples: Int
    /// Of those, predicted correctly.
    public var correct: Int
    /// `correct / samples`; NULL when the window held no labelled sample.
    public var windowAccuracy: Double?
    /// Cumulative prequential accuracy from the run's first sample to the window's last.
    public var prequentialAccuracy: Double

    public init(id: Int64? = nil, runId: Int64, windowIndex: Int, firstSample: Int, lastSample: Int,
                pass: Int, samples: Int, correct: Int, windowAccuracy: Double?, prequentialAccuracy: Double) {
        self.id = id
        self.runId = runId
        self.windowIndex = windowIndex
        self.firstSample = firstSample
        self.lastSample = lastSample
        self.pass = pass
        self.samples = samples
        self.correct = correct
        self.windowAccuracy = windowAccuracy
        self.prequentialAccuracy = prequentialAccuracy
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let runId = Column(CodingKeys.runId)
        public static let windowIndex = Column(CodingKeys.windowIndex)
        public static let lastSample = Column(CodingKeys.lastSample)
    }
}

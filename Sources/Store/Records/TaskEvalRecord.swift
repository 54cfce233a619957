import GRDB

/// One row of `taskEval`: one entry `R[afterTask][task]` of the continual-learning
/// accuracy matrix — accuracy on `task`'s test set, learning off, after training on tasks
/// `0…afterTask` (Lopez-Paz & Ranzato 2017).
public struct TaskEvalRecord: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "taskEval"

    public var id: Int64?
    public var runId: Int64
    /// Index (from 0) of the last task trained before this evaluation.
    public var afterTask: Int
    /// Index (from 0) of the task evaluated.
    public var task: Int
    /// Fraction of `samples` predicted correctly, 0…1.
    public var accuracy: Double
    /// Test samples evaluated.
    public var samples: Int

    public init(id: Int64? = nil, runId: Int64, afterTask: Int, task: Int, accuracy: Double, samples: Int) {
        self.id = id
        self.runId = runId
        self.afterTask = afterTask
        self.task = task
        self.accuracy = accuracy
        self.samples = samples
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let runId = Column(CodingKeys.runId)
        public static let afterTask = Column(CodingKeys.afterTask)
        public static let task = Column(CodingKeys.task)
    }
}

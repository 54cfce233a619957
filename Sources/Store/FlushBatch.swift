import Foundation

/// Everything one recorder flush writes, committed by ``RecordStore/record(_:)`` in ONE
/// transaction: the windows completed since the last flush, events, wear snapshots and
/// task evaluations, and the checkpoint they lead up to. A crash leaves either all of it or
/// none of it, so the records and the resumable state never disagree.
public struct FlushBatch: Sendable, Equatable {
    public var runId: Int64
    public var accuracyWindows: [AccuracyWindowRecord] = []
    public var energyWindows: [EnergyWindowRecord] = []
    public var wearSnapshots: [WearSnapshotRecord] = []
    public var taskEvals: [TaskEvalRecord] = []
    public var events: [EventRecord] = []
    /// The lifetime controller's per-window series, and the end-of-run recent wear (issue #18).
    public var lifetimeWindows: [LifetimeWindowRecord] = []
    public var recentWear: [RecentWearRecord] = []
    /// The state the records lead up to (nil: records only).
    public var checkpoint: CheckpointRecord?
    /// Samples processed when the flush was taken, samples. `run.samplesRecorded` follows
    /// the checkpoint's `sequence` instead (a batch without a checkpoint leaves it alone).
    public var samplesProcessed: Int
    /// Wall-clock time of the flush (`run.lastFlushAt`), UTC.
    public var flushedAt: Date
    /// Set on a run's last flush: the run ends with it.
    public var end: RunEnd?
    /// After inserting the checkpoint, keep only this run's newest `keepCheckpoints`
    /// checkpoints (0 keeps all).
    public var keepCheckpoints: Int

    public init(runId: Int64, samplesProcessed: Int, flushedAt: Date = Date(), keepCheckpoints: Int = 2) {
        self.runId = runId
        self.samplesProcessed = samplesProcessed
        self.flushedAt = flushedAt
        self.keepCheckpoints = keepCheckpoints
    }

    /// Folds a later batch of the same run into this one (after a failed write, so that
    /// nothing is lost when it is retried): records are appended, and the newer checkpoint,
    /// progress and end replace this batch's.
    public mutating func absorb(_ later: FlushBatch) {
        precondition(later.runId == runId, "batches of different runs cannot be merged")
        accuracyWindows += later.accuracyWindows
        energyWindows += later.energyWindows
        wearSnapshots += later.wearSnapshots
        taskEvals += later.taskEvals
        events += later.events
        lifetimeWindows += later.lifetimeWindows
        recentWear += later.recentWear
        if later.checkpoint != nil { checkpoint = later.checkpoint }
        samplesProcessed = later.samplesProcessed
        flushedAt = later.flushedAt
        if later.end != nil { end = later.end }
        keepCheckpoints = later.keepCheckpoints
    }

    /// Rows this batch inserts (for logs).
    public var rowCount: Int {
        accuracyWindows.count + energyWindows.count + wearSnapshots.count + taskEvals.count + events.count
            + lifetimeWindows.count + recentWear.count
            + (checkpoint == nil ? 0 : 1)
    }
}

/// How a run ended, written with its last flush.
public struct RunEnd: Sendable, Equatable {
    public var status: RunStatus
    public var endedAt: Date
    /// The end-of-run summary JSON (finished runs).
    public var summaryJSON: String?

    public init(status: RunStatus, endedAt: Date = Date(), summaryJSON: String? = nil) {
        self.status = status
        self.endedAt = endedAt
        self.summaryJSON = summaryJSON
    }
}

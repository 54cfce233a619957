import GRDB

/// Everything a report reads of one run (see ``RecordStore/records(of:)``).
///
/// Checkpoints are listed without their blobs (about 1 MB each for the default network);
/// ``RecordStore/checkpoint(id:)`` reads one when it is needed.
public struct RunRecords: Sendable {
    public var run: RunRecord
    /// Accuracy and energy windows, by window index.
    public var accuracy: [AccuracyWindowRecord]
    public var energy: [EnergyWindowRecord]
    /// The tiles of the newest wear snapshot (largest `sample`), by layer, tile row, tile column.
    public var wear: [WearSnapshotRecord]
    /// Task evaluations and events, in the order they were written.
    public var taskEvals: [TaskEvalRecord]
    public var events: [EventRecord]
    /// The kept checkpoints, oldest first: samples processed when taken, and row id.
    public var checkpoints: [CheckpointListing]

    public var runId: Int64 { run.id ?? 0 }

    /// Samples processed as far as the records go: the end of the last window, or the newest
    /// checkpoint when that is later.
    public var samples: Int {
        max((accuracy.last?.lastSample).map { $0 + 1 } ?? 0, (energy.last?.lastSample).map { $0 + 1 } ?? 0,
            run.samplesRecorded)
    }
}

/// A checkpoint without its blobs.
public struct CheckpointListing: Sendable, Equatable {
    public var id: Int64
    /// Samples processed when it was taken.
    public var sequence: Int
}

extension RecordStore {
    /// The rows of run `run` that a report needs, fetched in one read transaction so they
    /// describe one committed moment even while the run is still writing.
    public func records(of run: RunRecord) throws -> RunRecords {
        let id = run.id ?? 0
        return try read { db in
            let wearSample = try Int.fetchOne(db, sql: "SELECT MAX(sample) FROM wearSnapshot WHERE runId = ?", arguments: [id])
            let wear = try wearSample.map { s in
                try WearSnapshotRecord
                    .filter(WearSnapshotRecord.Columns.runId == id && WearSnapshotRecord.Columns.sample == s)
                    .order(WearSnapshotRecord.Columns.layer, Column("tileRow"), Column("tileCol"))
                    .fetchAll(db)
            } ?? []
            let checkpoints = try Row.fetchAll(db, sql: "SELECT id, sequence FROM checkpoint WHERE runId = ? ORDER BY sequence",
                                               arguments: [id])
                .map { CheckpointListing(id: $0["id"], sequence: $0["sequence"]) }
            return RunRecords(
                run: run,
                accuracy: try AccuracyWindowRecord.filter(AccuracyWindowRecord.Columns.runId == id)
                    .order(AccuracyWindowRecord.Columns.windowIndex).fetchAll(db),
                energy: try EnergyWindowRecord.filter(EnergyWindowRecord.Columns.runId == id)
                    .order(EnergyWindowRecord.Columns.windowIndex).fetchAll(db),
                wear: wear,
                taskEvals: try TaskEvalRecord.filter(TaskEvalRecord.Columns.runId == id).order(Column("id")).fetchAll(db),
                events: try EventRecord.filter(EventRecord.Columns.runId == id).order(Column("id")).fetchAll(db),
                checkpoints: checkpoints)
        }
    }

    /// The checkpoint with this row id, blobs included.
    public func checkpoint(id: Int64) throws -> CheckpointRecord {
        guard let c = try read({ db in try CheckpointRecord.fetchOne(db, key: id) }) else {
            throw StoreError.notFound(path: path, what: "checkpoint \(id)")
        }
        return c
    }
}

import Foundation
import GRDB

extension RecordStore {
    /// Inserts a new run, and `events` for it (their `runId` is set to the new id), in one
    /// transaction; returns the run with its id.
    public func createRun(_ run: RunRecord, events: [EventRecord] = []) throws -> RunRecord {
        try write { db in
            var r = run
            try r.insert(db)
            for var e in events {
                e.runId = r.id!
                try e.insert(db)
            }
            return r
        }
    }

    /// Commits one flush in one transaction (see ``FlushBatch``). On any error nothing of
    /// the batch is written and the error is thrown; the caller keeps the batch and retries.
    ///
    /// Windows, events and task evaluations are strictly appended (a duplicate window is an
    /// error). A wear snapshot or checkpoint at a sample that already has one replaces it:
    /// two flushes at the same sample (the end of a run right after a periodic flush)
    /// describe the same moment, and the later one is the one to keep.
    public func record(_ batch: FlushBatch) throws {
        try write { db in
            for var r in batch.accuracyWindows { try r.insert(db) }
            for var r in batch.energyWindows { try r.insert(db) }
            for var r in batch.wearSnapshots { try r.insert(db, onConflict: .replace) }
            for var r in batch.taskEvals { try r.insert(db) }
            for var r in batch.events { try r.insert(db) }
            for var r in batch.lifetimeWindows { try r.insert(db, onConflict: .replace) }
            for var r in batch.recentWear { try r.insert(db, onConflict: .replace) }
            if var c = batch.checkpoint {
                try c.insert(db, onConflict: .replace)
                if batch.keepCheckpoints > 0 {
                    try db.execute(sql: """
                        DELETE FROM checkpoint WHERE runId = ? AND id NOT IN
                          (SELECT id FROM checkpoint WHERE runId = ? ORDER BY sequence DESC LIMIT ?)
                        """, arguments: [batch.runId, batch.runId, batch.keepCheckpoints])
                }
            }
            try db.execute(sql: "UPDATE run SET samplesRecorded = COALESCE(?, samplesRecorded), lastFlushAt = ? WHERE id = ?",
                           arguments: [batch.checkpoint?.sequence, batch.flushedAt, batch.runId])
            guard db.changesCount == 1 else { throw StoreError.notFound(path: path, what: "run \(batch.runId)") }
            if let end = batch.end {
                try db.execute(sql: "UPDATE run SET status = ?, endedAt = ?, summaryJSON = ? WHERE id = ?",
                               arguments: [end.status, end.endedAt, end.summaryJSON, batch.runId])
            }
        }
    }

    /// Ends a run without records to flush (a caller that flushes uses ``FlushBatch/end``):
    /// status, end time and summary, with an optional event, in one transaction.
    public func finishRun(runId: Int64, _ end: RunEnd, event: EventRecord? = nil) throws {
        var batch = FlushBatch(runId: runId, samplesProcessed: event?.sample ?? 0, flushedAt: end.endedAt)
        batch.events = event.map { [$0] } ?? []
        batch.end = end
        try record(batch)
    }

    /// Sets a run's status outside a flush (interrupted, crashed, or running again on
    /// resume) together with an event, in one transaction. `endedAt` is cleared for `running`.
    public func setStatus(runId: Int64, _ status: RunStatus, event: EventRecord?, at date: Date = Date()) throws {
        try write { db in
            try db.execute(sql: "UPDATE run SET status = ?, endedAt = ? WHERE id = ?",
                           arguments: [status, status == .running ? nil : date, runId])
            guard db.changesCount == 1 else { throw StoreError.notFound(path: path, what: "run \(runId)") }
            if var e = event { try e.insert(db) }
        }
    }

    /// The run with this id.
    public func run(id: Int64) throws -> RunRecord {
        guard let r = try read({ db in try RunRecord.fetchOne(db, key: id) }) else {
            throw StoreError.notFound(path: path, what: "run \(id)")
        }
        return r
    }

    /// The most recently started run, if any.
    public func latestRun() throws -> RunRecord? {
        try read { db in try RunRecord.order(RunRecord.Columns.id.desc).fetchOne(db) }
    }

    /// The run's newest checkpoint (largest `sequence`), if any.
    public func latestCheckpoint(runId: Int64) throws -> CheckpointRecord? {
        try read { db in
            try CheckpointRecord.filter(CheckpointRecord.Columns.runId == runId)
                .order(CheckpointRecord.Columns.sequence.desc).fetchOne(db)
        }
    }

    /// Every run, oldest first, with what a listing shows.
    public func runs() throws -> [RunListing] {
        try read { db in
            try RunRecord.order(RunRecord.Columns.id).fetchAll(db).map { run in
                let id = run.id ?? 0
                let checkpoints = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM checkpoint WHERE runId = ?", arguments: [id]) ?? 0
                let last = try AccuracyWindowRecord.filter(AccuracyWindowRecord.Columns.runId == id)
                    .order(AccuracyWindowRecord.Columns.windowIndex.desc).fetchOne(db)
                return RunListing(run: run, checkpoints: checkpoints, prequentialAccuracy: last?.prequentialAccuracy,
                                  windowAccuracy: last?.windowAccuracy)
            }
        }
    }
}

/// A run as `spikebar db runs` lists it.
public struct RunListing: Sendable, Equatable {
    public var run: RunRecord
    /// Checkpoints kept for it.
    public var checkpoints: Int
    /// Prequential and window accuracy at the end of its last recorded window (0…1).
    public var prequentialAccuracy: Double?
    public var windowAccuracy: Double?
}

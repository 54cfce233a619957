import DeviceKit
import Foundation
import KitSupport
import Store

/// A flush as the learning thread hands it over: the batch of records, and the raw state
/// that becomes its checkpoint. Turning the state into a blob and a digest (milliseconds
/// for a large network) happens on the writer thread, off the hot path.
struct FlushJob: Sendable {
    var batch: FlushBatch
    var checkpoint: PendingCheckpoint?
}

/// A checkpoint before serialization.
struct PendingCheckpoint: Sendable {
    var state: [UInt8]
    var snapshot: RecorderSnapshot
    var createdAt: Date

    func record(runId: Int64) -> CheckpointRecord {
        CheckpointRecord(runId: runId, sequence: snapshot.sequence, pass: snapshot.pass, position: snapshot.position,
                         stateBlob: Data(state), metricBlob: snapshot.data, stateDigest: StateDigest.hex(state),
                         createdAt: createdAt)
    }
}

/// The recorder's one writer: a thread that takes flushes from a bounded queue and commits
/// each in one transaction.
///
/// Back-pressure: `submit` blocks while `capacity` flushes wait, so a stalled disk slows
/// learning instead of growing memory without bound. When a write fails (locked, disk
/// full…) the writer logs it once, keeps the batch, and retries it merged with the next
/// flush (``FlushBatch/absorb(_:)``: windows and events are kept, only the newest
/// checkpoint) — records are never dropped, and the learned state stays in memory.
///
/// `@unchecked Sendable` is safe here: the `let` properties are Sendable (`RecordStore`, an
/// Int, a `@Sendable` closure); every `var` (`queue`, `held`, `writing`, `closed`, the error
/// streak, `thread`) is read and written only while `cond` is locked (or in `init`, before
/// the writer thread starts and before `self` escapes), so the learning side and the writer
/// thread never race. (Left a thread on purpose: a blocking SQLite commit must not occupy
/// a thread of Swift's cooperative pool, and `submit`'s blocking is the back-pressure.)
final class FlushWriter: @unchecked Sendable {
    let store: RecordStore
    let capacity: Int
    let log: @Sendable (String) -> Void
    private let cond = NSCondition()
    private var queue: [FlushJob] = []
    /// A batch whose write failed, waiting for the next flush.
    private var held: FlushBatch?
    private var writing = false
    private var closed = false
    /// The first and the latest error of the current failure streak.
    private var firstFailure: (date: Date, error: StoreError)?
    private var lastError: StoreError?
    /// Rows of the batch being written now (counted as held while a failure streak lasts).
    private var writingRows = 0
    private var thread: Thread?

    init(store: RecordStore, capacity: Int = 4, log: @escaping @Sendable (String) -> Void) {
        self.store = store
        self.capacity = capacity
        self.log = log
        let t = Thread { self.loop() }  // keeps the writer alive until close()
        t.name = "spikebar-recorder"
        thread = t
        t.start()
    }

    /// Queues a flush; blocks while the queue is full. Ignored after ``close()``.
    func submit(_ job: FlushJob) {
        cond.lock()
        defer { cond.unlock() }
        while queue.count >= capacity && !closed { cond.wait() }
        guard !closed else { return }
        queue.append(job)
        cond.broadcast()
    }

    /// Waits until every queued flush has been attempted, then retries a held (failed)
    /// batch: up to `attempts` attempts in a row, no pause between them (a lock held by
    /// another writer is waited for inside SQLite, up to the store's busy timeout; a full
    /// disk is retried by the next flush, or the next `drain`, e.g. the daemon's `checkpoint`
    /// command). Throws the last error if a batch is still unwritten.
    func drain(attempts: Int = 2) throws {
        for _ in 1...max(attempts, 1) {
            cond.lock()
            while !queue.isEmpty || writing { cond.wait() }
            guard let batch = held else { cond.unlock(); return }
            held = nil
            writing = true
            cond.unlock()
            write(batch)
            cond.lock()
            writing = false
            cond.broadcast()
            cond.unlock()
        }
        cond.lock()
        defer { cond.unlock() }
        if held != nil, let lastError { throw lastError }
    }

    /// Stops accepting flushes and ends the thread once the queue is empty.
    func close() {
        cond.lock()
        closed = true
        cond.broadcast()
        cond.unlock()
    }

    /// Rows waiting in memory because of a failed write (0 when all is written).
    var heldRows: Int {
        cond.lock()
        defer { cond.unlock() }
        return (held?.rowCount ?? 0) + (lastError != nil ? writingRows : 0)
    }

    /// Blocks until a failed write's batch is held in memory (true), or `deadline` passes
    /// (false). Woken by the writer thread's broadcast after each attempt.
    func waitUntilHolding(before deadline: Date) -> Bool {
        cond.lock()
        defer { cond.unlock() }
        while held == nil {
            if !cond.wait(until: deadline) { return held != nil }
        }
        return true
    }

    /// The error of the current failure streak (nil while writes succeed).
    var failure: StoreError? {
        cond.lock()
        defer { cond.unlock() }
        return lastError
    }

    private func loop() {
        while true {
            cond.lock()
            while queue.isEmpty || writing {
                if closed && queue.isEmpty && !writing { cond.unlock(); return }
                cond.wait()
            }
            let jobs = queue
            queue.removeAll()
            var batch = held
            held = nil
            writing = true
            cond.broadcast()
            cond.unlock()
            for job in jobs {
                var b = job.batch
                b.checkpoint = job.checkpoint?.record(runId: b.runId)
                if batch == nil { batch = b } else { batch!.absorb(b) }
            }
            if let batch { write(batch) }
            cond.lock()
            writing = false
            cond.broadcast()
            cond.unlock()
        }
    }

    /// One attempt (the caller holds the `writing` flag, so attempts never overlap). On
    /// success after failures, the batch carries an `error` event saying what failed and
    /// since when; on failure the batch is held for the next attempt.
    private func write(_ batch: FlushBatch) {
        cond.lock()
        let streak = firstFailure
        writingRows = batch.rowCount
        cond.unlock()
        var attempt = batch
        if let f = streak {
            attempt.events.append(EventRecord(
                runId: batch.runId, sample: batch.samplesProcessed, kind: .error,
                detailJSON: EventRecord.detail([
                    "message": .string("recording failed, retried: \(f.error)"),
                    "sinceUnixSeconds": .double(f.date.timeIntervalSince1970),
                ])))
        }
        do {
            try store.record(attempt)
            if let f = streak {
                log("spikebar: recording resumed: wrote \(batch.rowCount) rows held in memory since \(f.date) (\(f.error))")
            }
            cond.lock()
            firstFailure = nil
            lastError = nil
            writingRows = 0
            cond.unlock()
        } catch {
            let e = StoreError.map(error, path: store.path)
            cond.lock()
            let repeated = lastError == e
            if firstFailure == nil { firstFailure = (Date(), e) }
            lastError = e
            held = batch
            writingRows = 0
            cond.unlock()
            if !repeated {
                log("spikebar: warning: recording failed: \(e); keeping \(batch.rowCount) rows and the latest checkpoint in memory, retrying at the next flush")
            }
        }
    }
}

import Datasets
import Foundation
import LineProtocol
import Runtime
import SpikingKit
import Store

/// How a recorded run ends: normally (``Recorder/runFinished(learner:summary:)``), with an
/// error (``Recorder/abandon(error:)``), or by a signal (``Recorder/interrupt(reason:)``).
extension Recorder {
    /// The last flush: the state, a stop event and the run's end, then waits for the writer
    /// (retrying a failed write ``finalFlushAttempts`` times in a row, with no pause). A finished run also writes its last, partial
    /// window and per-synapse pulse maps; a crashed one keeps its open window in the
    /// checkpoint so that a resume completes it.
    func end(learner: OnlineLearner, status: RunStatus, summaryJSON: String?, event: EventRecord) throws {
        ended = true
        defer { self.learner = nil }
        if status == .finished && progress.window.processed > 0 { closeWindow() }
        events.append(event)
        flush(learner: learner, end: RunEnd(status: status, summaryJSON: summaryJSON))
        guard let writer else { return }
        defer { writer.close() }
        do {
            try writer.drain(attempts: finalFlushAttempts)
        } catch {
            throw StoreError.unavailable(
                path: store.path,
                message: "the last flush could not be written (\(error)); records after sample \(lastCommittedSample()) are lost, `spikebar run --resume --db \(store.path)` continues from there")
        }
    }

    /// Samples covered by the newest committed checkpoint (for messages).
    func lastCommittedSample() -> Int {
        guard let id = runId, let run = try? store.run(id: id) else { return 0 }
        return run.samplesRecorded
    }

    /// The run stopped with `error` (a bad input line, an I/O failure): writes what is
    /// pending and the state at the last good sample, an `error` (or `badInput`) event, and
    /// marks the run `crashed`. Call it on the learning thread, after `RunSession.run()` threw.
    public func abandon(error: Error) {
        guard let id = runId, !ended else { return }
        let event: EventRecord
        if case let .badLine(source, line, reason)? = error as? DatasetError {
            event = EventRecord(runId: id, sample: progress.sequence, kind: .badInput, detailJSON: EventRecord.detail([
                "source": .string(source), "line": .int(line), "reason": .string(reason)]))
        } else {
            event = EventRecord(runId: id, sample: progress.sequence, kind: .error,
                                detailJSON: EventRecord.detail(["message": .string("\(error)")]))
        }
        do {
            if let learner {
                try end(learner: learner, status: .crashed, summaryJSON: nil, event: event)
            } else {
                try store.setStatus(runId: id, .crashed, event: event)
            }
        } catch {
            log("spikebar: warning: could not record the crash: \(error)")
        }
    }

    /// Stops recording from another thread (a signal handler): stops accepting flushes,
    /// writes those already queued, and marks the run `interrupted` with a stop event. The
    /// samples since the last flush are not recorded; a resume redoes them from the
    /// checkpoint. The caller exits the process afterwards.
    public func interrupt(reason: String) {
        control.lock()
        let writer = self.writer, id = runIdValue
        control.unlock()
        guard let writer, let id else { return }
        writer.close()
        do { try writer.drain(attempts: 2) } catch {
            log("spikebar: warning: pending records not written before stopping: \(error)")
        }
        let sample = lastCommittedSample()
        do {
            try store.setStatus(runId: id, .interrupted, event: EventRecord(
                runId: id, sample: sample, kind: .stop,
                detailJSON: EventRecord.detail(["status": "interrupted", "reason": .string(reason), "samples": .int(sample)])))
            log("spikebar: \(reason): run \(id) interrupted after \(sample) recorded samples; continue it with `spikebar run --resume --db \(store.path)`")
        } catch {
            log("spikebar: warning: could not mark run \(id) interrupted: \(error)")
        }
    }

    /// Installs SIGINT and SIGTERM handlers that call ``interrupt(reason:)`` and then exit
    /// with 128 + the signal number. Keep the returned sources alive for the run.
    public func stopOnSignals() -> [DispatchSourceSignal] {
        [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")].map { sig, name in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [self] in
                interrupt(reason: name)
                exit(128 + sig)
            }
            source.resume()
            return source
        }
    }
}

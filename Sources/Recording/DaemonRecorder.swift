import LineProtocol
import Runtime
import Settings
import Datasets
import Foundation
import SpikingKit
import Store

/// Records `spikebar serve` to SQLite through the same ``Recorder`` as `spikebar run`: the
/// daemon's samples form one stream (pass 0), recorded in windows with checkpoints; bad
/// lines and task boundaries become events; `{"cmd":"checkpoint"}` flushes and waits for the
/// commit; shutdown writes a final checkpoint and marks the run `interrupted` (stopped,
/// resumable), which the next start continues (``ResumePlan/latestDaemonRun(in:loader:)``).
public final class DaemonRecorder: EngineObserver {
    public let recorder: Recorder
    let config: ResolvedConfig
    var started = false

    public init(recorder: Recorder, config: ResolvedConfig) {
        self.recorder = recorder
        self.config = config
    }

    /// Creates the run (or reopens the resumed one). Call before the engine starts.
    public func start(learner: OnlineLearner) throws {
        try recorder.runStarted(learner: learner, config: config, request: .serve)
        started = true
    }

    public func engineProcessed(_ outcome: SampleOutcome, engine: EngineCore) {
        guard started, let learner = engine.learner else { return }
        var o = outcome
        if engine.evaluating {
            // Evaluation-mode samples are scored apart; they are not part of the prequential record.
            o.correct = nil
            o.label = nil
        }
        recorder.sampleProcessed(o, learner: learner, metric: engine.metric, pass: 0)
    }

    public func engineRejected(code: String, message: String, sequence: Int) {
        guard started, let id = recorder.runId else { return }
        recorder.events.append(EventRecord(runId: id, sample: sequence, kind: .badInput,
                                           detailJSON: EventRecord.detail(["code": .string(code), "message": .string(message)])))
    }

    public func engineTaskChanged(from: Int?, to: Int, engine: EngineCore) {
        guard started, let id = recorder.runId else { return }
        var detail: [String: DetailValue] = ["task": .int(to)]
        if let from { detail["previousTask"] = .int(from) }
        recorder.events.append(EventRecord(runId: id, sample: engine.sequence, kind: .taskBoundary,
                                           detailJSON: EventRecord.detail(detail)))
    }

    public func engineCheckpoint(_ engine: EngineCore) throws {
        guard started, let learner = engine.learner else { return }
        recorder.flush(learner: learner, end: nil)
        try recorder.writer?.drain(attempts: 1)
    }

    public func statsFields(engine: EngineCore) -> [(String, JSONValue)] {
        guard let id = recorder.runId else { return [] }
        return [("runId", .number(Double(id), isInteger: true)), ("database", .string(recorder.store.path))]
            + recorder.healthFields
    }

    /// The final checkpoint at shutdown (in the engine's domain, after its last answer).
    public func engineStopped(_ engine: EngineCore) {
        guard started, let learner = engine.learner, let id = recorder.runId else { return }
        let stop = EventRecord(runId: id, sample: engine.sequence, kind: .stop, detailJSON: EventRecord.detail([
            "status": "interrupted", "reason": "daemon stopped", "samples": .int(engine.sequence)]))
        do {
            try recorder.end(learner: learner, status: .interrupted, summaryJSON: engine.stats().serialized, event: stop)
        } catch {
            recorder.log("spikebar: warning: final checkpoint not written: \(error)")
        }
    }
}

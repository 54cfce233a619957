import LineProtocol
import Runtime
import Settings
import CrossbarKit
import Foundation
import SpikingKit
import Store

/// Records a run to SQLite (DESIGN §7.3): accuracy and energy windows, wear snapshots,
/// events, and checkpoints — as a ``RunObserver`` of a `RunSession`.
///
/// On the learning thread it only counts: each sample adds to the open window (a few dozen
/// additions). A *flush* — after `recording.flushEverySamples` samples or
/// `recording.flushEverySeconds` seconds, whichever comes first — packs the windows
/// completed since the last flush, the events, one wear snapshot per layer and tile, and
/// the learner state they lead up to into one ``FlushJob`` for the single writer thread
/// (``FlushWriter``), which commits it in ONE transaction. The records in the database and
/// the newest checkpoint therefore always describe the same moment, and a resumed run
/// (``ResumePlan``) continues from there without losing or repeating a window.
///
/// Windows are `recording.windowSamples` samples wide, numbered from 0 across passes; the
/// window still open at a flush travels in the checkpoint's metric blob and is written when
/// it completes (or at the end of the run).
public final class Recorder: RunObserver {
    public let store: RecordStore
    /// Spikebar version written with the run.
    public let version: String
    let plan: ResumePlan?
    let log: @Sendable (String) -> Void
    /// Guards `writer` and `runId`, which ``interrupt(reason:exitCode:)`` reads from a signal queue.
    let control = NSLock()
    var writer: FlushWriter?
    var runIdValue: Int64?

    var recording = RecordingConfig()
    /// Prices each energy window with the run's cost preset.
    var costModel: CostModel?
    var progress = RecorderProgress()
    /// The run's prequential metric, kept in step with the session's by recording the same
    /// outcomes (holding a copy of the session's instead would make every `record` copy its
    /// ring buffer).
    var metric = PrequentialAccuracy(window: 1)
    /// Held (strongly) so that ``abandon(error:)`` can checkpoint the last good state after
    /// `RunSession.run()` has thrown and dropped its own reference.
    var learner: OnlineLearner?
    var accuracyWindows: [AccuracyWindowRecord] = []
    var energyWindows: [EnergyWindowRecord] = []
    var events: [EventRecord] = []
    /// Task evaluations (the continual-learning R matrix) waiting for the next flush.
    var taskEvals: [TaskEvalRecord] = []
    /// Issue #18: the lifetime controller's rows waiting for the next flush, each tile's last
    /// recorded regime, and the device counters at the last K window boundaries.
    var lifetimeWindows: [LifetimeWindowRecord] = []
    var lifetimeRegimes: [[String]] = []
    var recentWear: RecentWear?
    /// Attempts at the last flush of a run, one after the other (no timed pause: each waits
    /// for a locked database inside SQLite, up to the store's busy timeout) before the run
    /// reports what it lost.
    public var finalFlushAttempts = 3
    var samplesSinceFlush = 0
    var lastFlushNanos: UInt64 = 0
    var ended = false

    /// - Parameters:
    ///   - resuming: continue this plan's run from its checkpoint instead of creating a run.
    ///   - log: where warnings go (stderr by default).
    public init(store: RecordStore, version: String, resuming plan: ResumePlan? = nil,
                log: @escaping @Sendable (String) -> Void = Recorder.standardError) {
        self.store = store
        self.version = version
        self.plan = plan
        self.log = log
    }

    deinit { writer?.close() }

    /// The run's id in the database, once started.
    public var runId: Int64? {
        control.lock()
        defer { control.unlock() }
        return runIdValue
    }

    /// Writes one line to stderr.
    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static var nanos: UInt64 { DispatchTime.now().uptimeNanoseconds }

    // MARK: RunObserver

    public func runStarted(learner: OnlineLearner, config: ResolvedConfig, request: RunRequest) throws {
        recording = config.run.recording
        self.learner = learner
        costModel = CostModel(config: config, network: learner.network)
        let id: Int64
        if let plan {
            id = plan.runId
            progress = plan.progress
            metric = plan.savedMetric ?? PrequentialAccuracy(window: config.run.engine.accuracyWindow)
            guard learner.samplesSeen == progress.sequence else {
                throw ResumeError.badCheckpoint("learner has seen \(learner.samplesSeen) samples, the recorder \(progress.sequence)")
            }
            try store.setStatus(runId: id, .running, event: EventRecord(
                runId: id, sample: progress.sequence, kind: .start,
                detailJSON: EventRecord.detail(["input": .string(request.daemon ? "serve" : request.input.description),
                                                "resumedFromSample": .int(progress.sequence),
                                                "previousStatus": .string(plan.run.status.rawValue)])))
        } else {
            metric = PrequentialAccuracy(window: config.run.engine.accuracyWindow)
            let input = request.daemon ? "serve" : request.input.description
            let start = EventRecord(runId: 0, sample: 0, kind: .start,
                                    detailJSON: EventRecord.detail(["input": .string(input)]))
            let run = try store.createRun(RunRecord(
                startedAt: Date(), preset: config.hardware.preset.name, seed: config.run.seed, version: version,
                input: input, passes: request.passes,
                requestJSON: RecordedRequest(request).json, configYAML: YAMLRenderer.render(config.snapshot)),
                events: [start])
            id = run.id!
            try recordProgramming(learner: learner, runId: id)
        }
        control.lock()
        runIdValue = id
        writer = FlushWriter(store: store, log: log)
        control.unlock()
        lastFlushNanos = Self.nanos
        startRecentWear(learner.network, sample: progress.sequence)
    }

    public func sampleProcessed(_ o: SampleOutcome, learner: OnlineLearner, metric: PrequentialAccuracy, pass: Int) {
        if pass != progress.pass {
            progress.pass = pass
            progress.position = 0
            progress.passMetric = PrequentialAccuracy(window: 1)
        }
        progress.position += 1
        if let c = o.correct {
            self.metric.record(correct: c)
            progress.passMetric.record(correct: c)
            progress.window.labelled += 1
            if c { progress.window.correct += 1 }
        }
        progress.spikes += o.spikes
        progress.totals += o.counts
        progress.window.counts += o.counts
        progress.window.processed += 1
        if o.counts.failures > 0 {
            events.append(EventRecord(runId: runIdValue!, sample: progress.sequence, kind: .deviceFailure,
                                      detailJSON: EventRecord.detail([
                                          "failures": .int(Int(o.counts.failures)),
                                          "failuresTotal": .int(Int(progress.totals.failures)),
                                      ])))
        }
        progress.sequence += 1
        assert(self.metric.samples == metric.samples && self.metric.correct == metric.correct,
               "the recorder's metric left the session's")
        if progress.window.processed == recording.windowSamples { closeWindow() }
        samplesSinceFlush += 1
        if samplesSinceFlush >= recording.flushEverySamples
            || Double(Self.nanos &- lastFlushNanos) >= Double(recording.flushEverySeconds) * 1e9 {
            flush(learner: learner, end: nil)
        }
    }

    public func runFinished(learner: OnlineLearner, summary: inout RunSummary) throws {
        guard let id = runId, !ended else { return }
        summary.runId = id
        summary.database = store.path
        let stop = EventRecord(runId: id, sample: progress.sequence, kind: .stop,
                               detailJSON: EventRecord.detail(["status": "finished", "samples": .int(progress.sequence)]))
        try end(learner: learner, status: .finished, summaryJSON: summary.json, event: stop)
    }

    // MARK: Windows and flushes

    /// Moves the open window into the pending records and opens the next one.
    func closeWindow() {
        let w = progress.window
        let first = w.index * recording.windowSamples
        let last = first + w.processed - 1
        accuracyWindows.append(AccuracyWindowRecord(
            runId: runIdValue!, windowIndex: w.index, firstSample: first, lastSample: last, pass: progress.pass,
            samples: w.labelled, correct: w.correct,
            windowAccuracy: w.labelled > 0 ? Double(w.correct) / Double(w.labelled) : nil,
            prequentialAccuracy: metric.accuracy))
        var e = EnergyWindowRecord(runId: runIdValue!, windowIndex: w.index, firstSample: first, lastSample: last,
                                   samples: w.processed)
        e.setCounts(w.counts)
        if let costModel {
            let report = costModel.report(w.counts, samples: Double(w.processed))
            e.energyPicojoules = report.energyPicojoules
            e.energyBreakdownJSON = sortedJSON(report.energy)
        }
        energyWindows.append(e)
        lifetimeWindowClosed(windowIndex: w.index)
        progress.window = OpenWindow(index: w.index + 1)
    }

    /// Hands the pending records, wear snapshots and the learner state to the writer.
    /// The learner state is copied here, on the learning thread, so it matches the records.
    /// A learner that has also scored `--eval` samples is past the recorded stream: its state
    /// is checkpointed only at the end of a finished run (a crash during evaluation resumes
    /// from the last training checkpoint instead).
    func flush(learner: OnlineLearner, end: RunEnd?) {
        guard let writer, let id = runIdValue else { return }
        var batch = FlushBatch(runId: id, samplesProcessed: progress.sequence, keepCheckpoints: recording.keepCheckpoints)
        batch.accuracyWindows = accuracyWindows
        batch.energyWindows = energyWindows
        batch.events = events
        batch.taskEvals = taskEvals
        batch.lifetimeWindows = lifetimeWindows
        if end != nil { batch.recentWear = recentWearRecords(learner.network, runId: id) }
        batch.wearSnapshots = WearSnapshots.take(network: learner.network, runId: id, sample: progress.sequence,
                                                 bins: recording.histogramBins, pulseMap: end != nil)
        batch.end = end
        let inStream = learner.samplesSeen == progress.sequence
        let checkpoint = inStream || end?.status == .finished
            ? PendingCheckpoint(state: learner.stateBytes(),
                                snapshot: RecorderSnapshot(progress, metric: metric, network: learner.network), createdAt: Date())
            : nil
        writer.submit(FlushJob(batch: batch, checkpoint: checkpoint))
        accuracyWindows.removeAll(keepingCapacity: true)
        energyWindows.removeAll(keepingCapacity: true)
        events.removeAll(keepingCapacity: true)
        taskEvals.removeAll(keepingCapacity: true)
        lifetimeWindows.removeAll(keepingCapacity: true)
        samplesSinceFlush = 0
        lastFlushNanos = Self.nanos
    }
}

import Runtime
import Settings
import CrossbarKit
import DeviceKit
import Foundation
import SpikingKit
import Store

/// Why a run cannot be resumed.
public enum ResumeError: Error, Equatable, Sendable, CustomStringConvertible {
    case noRun(database: String)
    case alreadyFinished(runId: Int64, database: String)
    case badCheckpoint(String)
    case configSnapshot(runId: Int64, reason: String)

    public var description: String {
        switch self {
        case let .noRun(db): return "\(db): no run to resume"
        case let .alreadyFinished(id, db): return "\(db): run \(id) finished; nothing to resume (start a new run without --resume)"
        case let .badCheckpoint(m): return "cannot resume from this checkpoint: \(m)"
        case let .configSnapshot(id, reason): return "cannot rebuild run \(id)'s configuration from its snapshot: \(reason)"
        }
    }
}

/// How `spikebar run --resume` continues the latest run of a database: its configuration
/// (rebuilt from the run's YAML snapshot, not from today's files), its request (input,
/// passes, shuffle seed), and its newest checkpoint — the learner state, the metrics and the
/// place in the input. A run killed before its first checkpoint starts again from sample 0
/// under the same run id.
public struct ResumePlan {
    public let run: RunRecord
    public let runId: Int64
    /// Samples already processed (the checkpoint's `sequence`; 0 without a checkpoint).
    public let resumeSample: Int
    /// The configuration to build the learner from, and the request to run.
    public let config: ResolvedConfig
    public let request: RunRequest
    /// The recorder's counters at the checkpoint (zero without one).
    let progress: RecorderProgress
    /// The run's prequential metric at the checkpoint (nil when the run has no checkpoint yet).
    public let savedMetric: PrequentialAccuracy?

    /// Plans the resume of the latest run in `store`.
    /// - Parameters:
    ///   - loader: the `Configs/` folder; only the run's cost preset (which prices the run
    ///     but does not change what it learns) is read from it, by the name in the snapshot.
    ///   - input: read this input instead of the recorded one (the file moved).
    public static func latest(in store: RecordStore, loader: ConfigLoader, input: String?) throws -> ResumePlan {
        guard let run = try store.latestRun(), let id = run.id else { throw ResumeError.noRun(database: store.path) }
        guard run.status != .finished else { throw ResumeError.alreadyFinished(runId: id, database: store.path) }
        let config = try restoreConfig(run.configYAML, loader: loader, runId: id)
        let request = try RecordedRequest.decode(run.requestJSON).request(input: input)
        guard request.input != .stdin else {
            throw ResumeError.badCheckpoint("run \(id) read stdin; pass --input FILE with the same samples to resume it")
        }
        return try plan(run, id: id, config: config, request: request, store: store)
    }

    /// The daemon's resume on start: the latest run of `store` if it is an unfinished
    /// `spikebar serve` run, with its configuration and newest checkpoint; nil when there is
    /// none (the daemon then starts a new run).
    public static func latestDaemonRun(in store: RecordStore, loader: ConfigLoader) throws -> ResumePlan? {
        guard let run = try store.latestRun(), let id = run.id, run.status != .finished,
              (try? RecordedRequest.decode(run.requestJSON))?.daemon == true else { return nil }
        let config = try restoreConfig(run.configYAML, loader: loader, runId: id)
        return try plan(run, id: id, config: config, request: .serve, store: store)
    }

    /// The plan for run `id`: when it has a checkpoint, the metric blob decoded once (after
    /// checking it against the checkpoint row) into the recorder's counters, the saved metric
    /// and `request.resume`.
    static func plan(_ run: RunRecord, id: Int64, config: ResolvedConfig, request: RunRequest,
                     store: RecordStore) throws -> ResumePlan {
        var request = request
        var progress = RecorderProgress()
        var metric: PrequentialAccuracy?
        if let cp = try store.latestCheckpoint(runId: id) {
            let s = try RecorderSnapshot.decode(cp.metricBlob)
            guard s.sequence == cp.sequence, s.pass == cp.pass, s.position == cp.position else {
                throw ResumeError.badCheckpoint("metric blob (sample \(s.sequence)) and checkpoint row (sample \(cp.sequence)) disagree")
            }
            progress = try s.progress()
            metric = s.metric
            request.resume = progress.resumePoint(metric: s.metric, learnerState: [UInt8](cp.stateBlob))
        }
        return ResumePlan(run: run, runId: id, resumeSample: progress.sequence, config: config, request: request,
                          progress: progress, savedMetric: metric)
    }

    /// Rebuilds a resolved configuration from a run's YAML snapshot: the run keys into a
    /// ``RunConfig``, the `hardware` section (complete in a snapshot) into a
    /// ``HardwareConfig`` from defaults — no device preset file is read; the cost preset is
    /// loaded by the name the snapshot gives. Refuses a snapshot that does not render back to
    /// the same values, scalar text for scalar text (a key this build reads differently);
    /// quoting and layout may differ (snapshots written before YAML went through Yams), and
    /// keys the snapshot lacks (added to this build since, e.g. `device.piecewiseUp`) take
    /// their defaults (``ConfigValue/restricted(to:)``).
    static func restoreConfig(_ yaml: String, loader: ConfigLoader, runId: Int64) throws -> ResolvedConfig {
        do {
            let doc = try YAMLDocument(text: yaml, source: "run \(runId) configYAML")
            guard case let .map(entries) = doc.value else { throw ResumeError.configSnapshot(runId: runId, reason: "not a mapping") }
            var run = RunConfig()
            var hardware = HardwareConfig()
            try run.apply(.map(entries.filter { $0.key != "hardware" }))
            if let hw = entries.first(where: { $0.key == "hardware" }) { try hardware.apply(hw.value, at: "hardware") }
            try run.validateAll()
            try hardware.validateAll(at: "hardware")
            let (cost, costSource) = try loader.loadCost(run.cost)
            let resolved = ResolvedConfig(run: run, hardware: hardware, presetSource: "run \(runId) snapshot",
                                          cost: cost, costSource: costSource)
            let rendered = try YAMLDocument(text: YAMLRenderer.render(resolved.snapshot), source: "run \(runId) rendered")
            guard rendered.value.restricted(to: doc.value) == doc.value else {
                throw ResumeError.configSnapshot(runId: runId, reason: "it does not render back to the same values with this build")
            }
            return resolved
        } catch let e as ResumeError {
            throw e
        } catch {
            throw ResumeError.configSnapshot(runId: runId, reason: "\(error)")
        }
    }
}

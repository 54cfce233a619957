import Recording
import Runtime
import Settings
import Dispatch
import Logging
import NIOConcurrencyHelpers
import Store

extension DaemonServices {
    /// Builds `spikebar serve` from its resolved settings: opens `database` (unless it is
    /// `none`) and, unless `fresh`, resumes its unfinished daemon run with that run's recorded
    /// configuration; builds the learner (restored from the run's checkpoint), the engine with
    /// its cost observer and recorder, and the final checkpoint taken at shutdown. The run is
    /// recorded from here on; nothing listens until ``run()`` or ``runBlocking()``.
    /// - Parameters:
    ///   - configs: the `Configs/` folder (`--configs`), for the resumed run's cost preset.
    ///   - version: the build recorded with a new run.
    public static func start(config: ResolvedConfig, daemon: DaemonConfig, database: String, fresh: Bool,
                             configs: String?, version: String, logger: Logger) throws -> DaemonServices {
        var config = config.clockedForStream()
        var plan: ResumePlan?
        var store: RecordStore?
        if database != "none" {
            let s = try RecordStore.open(path: database)
            store = s
            if !fresh, let p = try ResumePlan.latestDaemonRun(in: s, loader: ConfigLoader.locate(explicit: configs)) {
                plan = p
                config = p.config
                logger.info("resuming run \(p.runId) of \(database) at sample \(p.resumeSample) with its recorded configuration (--fresh starts a new run)")
            }
        }
        let learner = try EngineCore.makeLearner(config: config)
        try plan?.request.resume?.apply(to: learner)
        let core = EngineCore(config: config, learner: learner, metric: plan?.savedMetric, sequence: plan?.resumeSample ?? 0)
        core.observers.append(CostObserver(config: config))
        var finalCheckpoint: (@Sendable () -> Void)?
        if let store {
            let recorder = DaemonRecorder(recorder: Recorder(store: store, version: version, resuming: plan), config: config)
            try recorder.start(learner: learner)
            core.observers.append(recorder)
            logger.info("recording to \(database) as run \(recorder.recorder.runId ?? 0)")
            finalCheckpoint = { @Sendable in recorder.stop(engine: core) }
        }
        return make(config: config, daemon: daemon, core: core, finalCheckpoint: finalCheckpoint, logger: logger)
    }

    /// Runs the services on Swift's concurrency pool while the calling thread waits, and
    /// rethrows what stopped them. `spikebar serve` stays a plain synchronous program (which
    /// profilers such as valgrind handle) this way.
    public func runBlocking() throws {
        let done = DispatchSemaphore(value: 0)
        let outcome = NIOLockedValueBox<Error?>(nil)
        Task {
            do { try await run() } catch { outcome.withLockedValue { $0 = error } }
            done.signal()
        }
        done.wait()
        if let error = outcome.withLockedValue({ $0 }) { throw error }
    }
}

import Recording
import Runtime
import Settings
import Logging
import Store

extension DaemonServices {
    /// Builds `spikebar serve` from its resolved settings: opens `database` (unless it is
    /// `none`) and, unless `fresh`, resumes its unfinished daemon run with that run's recorded
    /// configuration; builds the learner (restored from the run's checkpoint), the engine with
    /// its cost observer and recorder, and the final checkpoint taken at shutdown. The run is
    /// recorded from here on; nothing listens until ``run()``. The engine, its learner and
    /// observers are built here and handed to the ``EngineQueue`` whole: nothing else keeps them.
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
        if let store {
            let recorder = DaemonRecorder(recorder: Recorder(store: store, version: version, resuming: plan), config: config)
            try recorder.start(learner: learner)
            core.observers.append(recorder)
            logger.info("recording to \(database) as run \(recorder.recorder.runId ?? 0)")
        }
        return make(config: config, daemon: daemon, core: core, logger: logger)
    }
}

import Settings
import CrossbarKit
import Datasets
import Foundation
import SpikingKit

/// Runs a continual-learning experiment (`spikebar experiment`): trains through each task
/// with the same engine as `run` (prequential), evaluates every task's held-out set with
/// learning off before the first task (the baseline, for FWT) and after each task, and
/// fills the accuracy matrix R.
public final class ExperimentRunner {
    public let config: ResolvedConfig
    public var observers: [ExperimentObserver] = []

    public init(config: ResolvedConfig) {
        self.config = config
    }

    public func run(progress: Bool = false) throws -> ExperimentSummary {
        let e = config.run.experiment
        let source = InputSource(argument: e.dataset)
        let channels = e.channels > 0 ? e.channels : source.impliedChannels
        let samples = try source.loadAll(channels: channels)
        let evalSamples = try e.evalDataset.isEmpty ? nil
            : InputSource(argument: e.evalDataset).loadAll(channels: channels)
        let seed = UInt64(config.run.seed)
        let tasks = TaskStream.make(e, samples: samples, evalSamples: evalSamples, seed: seed)
        let classes = config.run.engine.network.classes == 0
            ? RunSession.inferClasses(samples + (evalSamples ?? [])) : config.run.engine.network.classes
        let learner = RunSession.makeLearner(config: config, width: samples[0].width, classes: classes)
        for o in observers { try o.experimentStarted(learner: learner, config: config, tasks: tasks) }
        let start = Date()

        let baseline = tasks.map { evaluate(learner, $0.heldOut) }
        for o in observers { o.evaluated(afterTask: nil, accuracies: baseline, learner: learner) }
        var r: [[Double]] = []
        var perTask: [ExperimentSummary.TaskResult] = []
        // Prequential accuracy over every training sample of the experiment (for recording).
        var runMetric = PrequentialAccuracy(window: config.run.engine.accuracyWindow)
        var training = OperationCounts()
        for task in tasks {
            for o in observers { o.taskStarted(task, learner: learner) }
            let before = learner.totals
            var metric = PrequentialAccuracy(window: max(task.train.count, 1))
            for pass in 0..<e.passesPerTask {
                let order = e.shuffle ? shuffled(task.train, seed: seed &+ UInt64(task.index) &* 1000, pass: pass) : task.train
                for s in order {
                    let o = try learner.process(s, learn: true)
                    if let c = o.correct { metric.record(correct: c); runMetric.record(correct: c) }
                    training += o.counts
                    for ob in observers { ob.sampleProcessed(o, learner: learner, metric: runMetric, task: task.index) }
                }
            }
            let row = tasks.map { evaluate(learner, $0.heldOut) }
            r.append(row)
            for o in observers { o.evaluated(afterTask: task.index, accuracies: row, learner: learner) }
            let spent = learner.totals
            perTask.append(.init(task: task.index, name: task.name, trainSamples: task.train.count * e.passesPerTask,
                                 heldOutSamples: task.heldOut.count, prequentialAccuracy: metric.accuracy,
                                 pulses: spent.pulses - before.pulses,
                                 setPulses: spent.setPulses - before.setPulses,
                                 resetPulses: spent.resetPulses - before.resetPulses))
            if progress {
                FileHandle.standardError.write(Data("task \(task.index) (\(task.name)): prequential \(String(format: "%.3f", metric.accuracy)), held-out \(row.map { String(format: "%.3f", $0) }.joined(separator: " "))\n".utf8))
            }
        }
        let m = ContinualMetrics(r: r, baseline: baseline)
        var summary = ExperimentSummary(
            preset: config.hardware.preset.name, seed: config.run.seed, split: e.split.rawValue,
            tasks: tasks.count, R: r, baseline: baseline,
            Top1_Acc_Stream: m.accuracy, StreamBWT: m.backwardTransfer, StreamForgetting: m.forgetting,
            StreamForwardTransfer: m.forwardTransfer, forgettingPerTask: m.forgettingPerTask, perTask: perTask,
            pulses: learner.totals.pulses, failedDevices: learner.network.failedDevices,
            wallSeconds: Date().timeIntervalSince(start), stateDigest: learner.stateDigest)
        summary.strategy = config.run.engine.continual.strategy
        summary.StreamFWT = m.forwardTransfer
        summary.cost = StrategyCost.make(learner: learner, config: config, training: training,
                                         trainSamples: tasks.reduce(0) { $0 + $1.train.count } * e.passesPerTask,
                                         sampleValues: samples[0].values.count)
        for o in observers { try o.experimentFinished(learner: learner, summary: &summary) }
        return summary
    }

    /// Held-out accuracy with learning (and the scaler) frozen.
    func evaluate(_ learner: OnlineLearner, _ set: [Sample]) -> Double {
        var m = PrequentialAccuracy(window: 1)
        for s in set { if let c = try? learner.process(s, learn: false).correct { m.record(correct: c) } }
        return m.accuracy
    }
}

/// Receives an experiment's progress (the recorder implements it).
public protocol ExperimentObserver: AnyObject {
    func experimentStarted(learner: OnlineLearner, config: ResolvedConfig, tasks: [ExperimentTask]) throws
    func taskStarted(_ task: ExperimentTask, learner: OnlineLearner)
    /// `metric`: prequential accuracy over every training sample of the experiment so far.
    func sampleProcessed(_ outcome: SampleOutcome, learner: OnlineLearner, metric: PrequentialAccuracy, task: Int)
    func evaluated(afterTask: Int?, accuracies: [Double], learner: OnlineLearner)
    func experimentFinished(learner: OnlineLearner, summary: inout ExperimentSummary) throws
}

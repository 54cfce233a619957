import Reports
import Runtime
import Settings
import SpikingKit

/// Fills an experiment summary's projected lifetime: the time until 1 % of the chip's devices
/// have failed at the cost's deployment rate, each device wearing at its own observed pulses
/// per training sample (``LifetimeProjection``, the report's law). Attach it before the
/// recorder, so the recorded summary carries the lifetime too.
public final class StrategyLifetime: ExperimentObserver {
    public init() {}

    public func experimentStarted(learner: OnlineLearner, config: ResolvedConfig, tasks: [ExperimentTask]) throws {}
    public func taskStarted(_ task: ExperimentTask, learner: OnlineLearner) {}
    public func sampleProcessed(_ outcome: SampleOutcome, learner: OnlineLearner, metric: PrequentialAccuracy, task: Int) {}
    public func evaluated(afterTask: Int?, accuracies: [Double], learner: OnlineLearner) {}

    public func experimentFinished(learner: OnlineLearner, summary: inout ExperimentSummary) throws {
        guard let cost = summary.cost else { return }
        let projection = LifetimeProjection(NetworkWear.lifetimeInput(learner.network, samples: Int(cost.trainSamples)),
                                            samplesPerSecond: cost.lifetimeSamplesPerSecond)
        let k = LifetimeProjection.standardFractions.firstIndex(of: 0.01)!
        let seconds = projection.chip.secondsToFraction[k]
        summary.cost?.projectedLifetimeSeconds = seconds.isFinite ? seconds : nil
    }
}

import CrossbarKit
import SpikingKit

/// Where a resumed run continues (`spikebar run --resume`): the learner state and metrics of
/// a checkpoint, and the place in the input it was taken at. `RunSession` restores the
/// learner from it, skips the `position` samples of pass `pass` already processed (the
/// order of a pass is fixed by the file and the shuffle seed), and carries the metrics on,
/// so the run ends exactly as if it had never stopped.
public struct ResumePoint: Sendable {
    /// `OnlineLearner.stateBytes()` at the checkpoint.
    public var learnerState: [UInt8]
    /// Pass (from 0) the checkpoint was taken in, and samples of that pass already processed.
    public var pass: Int
    public var position: Int
    /// Prequential accuracy over every sample so far, and within the current pass.
    public var metric: PrequentialAccuracy
    public var passMetric: PrequentialAccuracy
    /// Output spikes counted so far (for the summary's spikes per sample).
    public var spikes: Int
    /// Operation totals so far (the learner's state bytes do not carry them; ``apply(to:)``
    /// hands them to the restored learner).
    public var totals: OperationCounts

    public init(learnerState: [UInt8], pass: Int, position: Int, metric: PrequentialAccuracy,
                passMetric: PrequentialAccuracy, spikes: Int, totals: OperationCounts) {
        self.learnerState = learnerState
        self.pass = pass
        self.position = position
        self.metric = metric
        self.passMetric = passMetric
        self.spikes = spikes
        self.totals = totals
    }

    /// Puts `learner` where the checkpoint left it: restores its state and carries the
    /// operation totals on, so `learner.totals` covers the whole run as if it never stopped.
    public func apply(to learner: OnlineLearner) throws {
        try learner.restore(learnerState)
        learner.carryOver(totals: totals)
    }
}

import CrossbarKit
import DeviceKit
import KitSupport

/// The running state of a non-naive continual strategy inside one ``OnlineLearner``: the
/// replay buffer, the metaplastic write gate, and the masked readout's class mask and logit
/// gains. The learner calls ``before(_:learn:network:counts:)`` ahead of each sample and
/// ``after(_:learner:counts:time:)`` after a learned one.
///
/// A **task change** is a learned sample whose `task` tag differs from the previous learned
/// sample's (the experiment tags every sample; a daemon client may send `"task"`). It
/// consolidates importance and starts a new class mask.
public final class ContinualLearning {
    // Safety: owned by one learner and touched only from its process() call.
    public let config: ContinualConfig
    public let components: Set<StrategyComponent>
    public internal(set) var buffer: ReplayBuffer?
    public let gate: WriteGate?
    /// Masked readout: classes the readout error may train (1) — this task's classes, or with
    /// replay every class seen — and per-class logit gains.
    let mask: Buffer<Float>?
    let gain: Buffer<Float>?
    /// Classes seen by the learner so far (1/0), for the norm correction.
    let seen: Buffer<Float>
    public internal(set) var counts = ContinualCounts()
    var lastTask: Int?
    var replayCredit: Float = 0
    var learnedSinceConsolidation = 0
    var gainStale = false

    public init(config: ContinualConfig, network: SpikingNetwork, seed: UInt64) {
        self.config = config
        components = config.components
        let classes = network.classes
        buffer = components.contains(.replay)
            ? ReplayBuffer(capacity: config.bufferSamples, classBalanced: config.classBalanced, seed: seed) : nil
        if components.contains(.metaplasticity) {
            let last = network.layers.count - 1
            let gated = network.layers.indices.map { l in
                config.gateLayers == .all || (config.gateLayers == .readout) == (l == last)
            }
            gate = WriteGate(layerSizes: network.layers.map { $0.rows * $0.cols }, gated: gated,
                             metaplasticity: config.metaplasticity, freezeAbove: config.freezeAbove)
        } else {
            gate = nil
        }
        let masked = components.contains(.maskedReadout)
        mask = masked ? Buffer(repeating: 0, count: classes) : nil
        gain = masked && config.normCorrection ? Buffer(repeating: 1, count: classes) : nil
        seen = Buffer(repeating: 0, count: classes)
        network.classMask = mask
        network.logitGain = gain
        network.writeGate = gate
    }

    /// Bytes the strategy keeps beside the network: the replay buffer at capacity (for samples
    /// of `sampleValues` values), the importance memory, the mask and gains.
    public func memoryBytes(sampleValues: Int) -> Int {
        (buffer?.capacityBytes(sampleValues: sampleValues) ?? 0) + (gate?.memoryBytes ?? 0)
            + (mask.map { $0.count } ?? 0) / 8 + (gain.map { $0.count * 4 } ?? 0)
    }

    /// Ahead of a sample: on a learned sample, detects a task change and opens the mask for its
    /// label; on an inference-only sample, refreshes stale logit gains.
    func before(_ s: Sample, learn: Bool, network: SpikingNetwork, counts c: inout OperationCounts) {
        guard learn, let label = s.label else {
            if gainStale, let gain { refreshGains(gain, network: network, counts: &c) }
            return
        }
        if let t = s.task, let last = lastTask, t != last { taskChanged() }
        if s.task != nil { lastTask = s.task }
        seen[label] = 1
        mask?[label] = 1
    }

    func taskChanged() {
        if let gate {
            gate.consolidate()
            counts.consolidations += 1
            learnedSinceConsolidation = 0
        }
        // With replay, old classes come back through the buffer: keep them trainable.
        if let mask, buffer == nil { mask.fill(0) }
    }

    /// After a learned sample: counts toward consolidation, stores the sample in the buffer,
    /// and replays `replayRatio` buffered samples (each a full pass and a write).
    func after(_ s: Sample, learner: OnlineLearner, counts c: inout OperationCounts, time: Float) {
        gainStale = gain != nil
        if let gate, config.consolidateEverySamples > 0 {
            learnedSinceConsolidation += 1
            if learnedSinceConsolidation >= config.consolidateEverySamples {
                gate.consolidate()
                counts.consolidations += 1
                learnedSinceConsolidation = 0
            }
        }
        guard buffer != nil else { return }
        replayCredit += config.replayRatio
        while replayCredit >= 1 {
            replayCredit -= 1
            guard let r = buffer!.draw(), let label = r.label else { break }
            counts.replayPasses += 1
            counts.bufferReadBytes += Double(ReplayBuffer.bytes(of: r))
            learner.replay(r, label: label, counts: &c, time: time)
        }
        if buffer!.offer(s) { counts.bufferWriteBytes += Double(ReplayBuffer.bytes(of: s)) }
    }

    /// `g_k = mean_{seen j} ‖w_j‖ / ‖w_k‖` over the readout's class columns (1 for a class not
    /// seen or with a zero column). Reads every readout weight once (priced as verify reads).
    func refreshGains(_ gain: Buffer<Float>, network: SpikingNetwork, counts c: inout OperationCounts) {
        gainStale = false
        counts.normRefreshes += 1
        let layer = network.layers[network.layers.count - 1]
        let w = ReadoutNorms.columnNorms(layer.weights, rows: layer.rows, cols: layer.cols)
        ReadoutNorms.gains(norms: w, seen: (0..<layer.cols).map { seen[$0] > 0 }, into: gain)
        c.verifyReads += Double(layer.rows * layer.cols)
        c.learningMacs += Double(layer.rows * layer.cols)
    }
}

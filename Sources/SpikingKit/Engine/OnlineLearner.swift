import CrossbarKit
import DeviceKit
import KitSupport

/// What happened to one sample: the prediction, its score, and what it cost.
public struct SampleOutcome: Equatable, Sendable {
    public var prediction: Int
    public var confidence: Float
    public var label: Int?
    /// nil for an unlabelled sample.
    public var correct: Bool?
    /// Whether this sample's update was written to the devices (or queued for a batched write).
    public var learned: Bool
    public var spikes: Int
    public var timesteps: Int
    /// Operations of this sample (reads, neuron updates, learning logic, pulses).
    public var counts: OperationCounts
}

/// Errors a sample can have that make it unusable (reported, never fatal to the learner).
public enum SampleError: Error, Equatable, Sendable, CustomStringConvertible {
    case badDimension(expected: Int, got: Int)
    case labelOutOfRange(label: Int, classes: Int)
    case notFinite(index: Int)
    case tooManyFrames(frames: Int, limit: Int)
    case empty

    public var code: String {
        switch self {
        case .badDimension: return "bad_dimension"
        case .labelOutOfRange: return "label_out_of_range"
        case .notFinite: return "not_finite"
        case .tooManyFrames: return "too_many_frames"
        case .empty: return "empty_sample"
        }
    }

    public var description: String {
        switch self {
        case let .badDimension(e, g): return "expected \(e) features per frame, got \(g)"
        case let .labelOutOfRange(l, c): return "label \(l) is outside 0…\(c - 1)"
        case let .notFinite(i): return "value \(i) is NaN or infinite"
        case let .tooManyFrames(f, l): return "\(f) frames exceed the limit of \(l)"
        case .empty: return "the sample has no values"
        }
    }
}

/// The predict → score → learn loop for one sample at a time (prequential, DESIGN §2.4):
/// the network predicts with the weights it has, the prediction is scored, and only then
/// is the update written through the devices.
public final class OnlineLearner {
    public let config: EngineConfig
    public let hardware: HardwareConfig
    public let seed: UInt64
    public let network: SpikingNetwork
    public let encoder: InputEncoder
    public var random: NetworkRandom
    /// Samples processed (learned or not): the emulated clock is `samplesSeen·samplePeriodSeconds`.
    public internal(set) var samplesSeen = 0
    /// Labelled samples whose update was written (or queued).
    public internal(set) var samplesLearned = 0
    /// Everything the chip did since the start (of this process: a restored learner
    /// counts from zero unless ``carryOver(totals:)`` hands it the earlier totals).
    public internal(set) var totals = OperationCounts()

    /// Continues the operation totals of an earlier process (on resume).
    public func carryOver(totals earlier: OperationCounts) { totals = earlier }
    /// Samples accumulated since the last batched write (updateEverySamples > 1).
    var pendingSamples = 0
    let pending: [Buffer<Float>]
    /// The continual strategy's state (nil for `naive`: the learner is then exactly today's).
    public let continual: ContinualLearning?
    /// The programming phase of an imported model (nil without one, or when it was set directly).
    public internal(set) var programming: ProgrammingOutcome?

    /// Builds the learner: draws the devices, the initial weights and the feedback matrices
    /// from `seed`. `inputWidth` is the number of values per frame.
    public init(config: EngineConfig, hardware: HardwareConfig, seed: UInt64, inputWidth: Int) {
        self.config = config
        self.hardware = hardware
        self.seed = seed
        encoder = InputEncoder(config: config.encoder, width: inputWidth)
        var net = config.network
        net.layers[0] = encoder.lines
        network = SpikingNetwork(config: net, learning: config.learning, preset: hardware.preset,
                                 crossbar: hardware.crossbar, writePath: hardware.writePath, seed: seed)
        random = NetworkRandom(seed: seed)
        pending = config.learning.updateEverySamples > 1
            ? network.gradientBuffers.map { Buffer(repeating: 0, count: $0.count) } : []
        continual = config.continual.isNaive ? nil : ContinualLearning(config: config.continual, network: network, seed: seed)
        if let target = config.learning.lifetime { network.lifetime = LifetimeController(config: target, network: network) }
        if !net.importedWeights.isEmpty && net.modelProgrammingRounds > 0 {
            switch net.modelProgramming {
            case .rounds:
                programming = network.program(net.importedWeights, maxRounds: net.modelProgrammingRounds, timeSeconds: 0, random: &random)
            case .iterative:
                var reads = SeededGenerator(seed: seed, stream: .programmingReads)
                programming = network.programVerify(net.importedWeights, timeSeconds: 0, random: &random, verifyReads: &reads)
            }
        }
        if hardware.preset.verify.onlineProgramVerify { network.verifyOnlineWrites(seed: seed) }
    }

    public var classes: Int { network.classes }
    public var timeSeconds: Float { Float(samplesSeen) * config.samplePeriodSeconds }

    /// Checks a sample before it touches any state.
    public func validate(_ s: Sample) throws {
        guard !s.values.isEmpty else { throw SampleError.empty }
        guard s.width == encoder.width else { throw SampleError.badDimension(expected: encoder.width, got: s.width) }
        guard s.frameCount <= encoder.maxFrames else {
            throw SampleError.tooManyFrames(frames: s.frameCount, limit: encoder.maxFrames)
        }
        if let i = s.values.firstIndex(where: { !$0.isFinite }) { throw SampleError.notFinite(index: i) }
        if let l = s.label, l < 0 || l >= classes { throw SampleError.labelOutOfRange(label: l, classes: classes) }
    }

    /// Predicts `sample`, scores it against its label if it has one, and — when `learn` is
    /// true and it is labelled — writes the update through the devices. `continuing`: the
    /// sample continues the previous one (a reading stream in `carry` state, see
    /// ``SpikingNetwork/run(_:encoder:target:random:counts:continuing:)``).
    public func process(_ sample: Sample, learn: Bool, continuing: Bool = false) throws -> SampleOutcome {
        try validate(sample)
        let time = timeSeconds
        let drift = hardware.preset.drift
        if drift.isEnabled, samplesSeen % drift.updateEverySamples == 0 {
            for layer in network.layers { layer.refreshAll(timeSeconds: time) }
        }
        var counts = OperationCounts()
        let target = learn ? sample.label : nil
        continual?.before(sample, learn: target != nil, network: network, counts: &counts)
        encoder.begin(sample, learn: learn, continuing: continuing)
        let p = network.run(sample, encoder: encoder, target: target, random: &random, counts: &counts,
                            continuing: continuing)
        samplesSeen += 1
        var learned = false
        if let target {
            let gate = config.learning.skipWhenConfidentAbove
            let skip = gate > 0 && p.label == target && p.confidence > gate
            if skip {
                network.discardGradients()
            } else {
                learned = true
                samplesLearned += 1
                write(counts: &counts, time: time)
                continual?.after(sample, learner: self, counts: &counts, time: time)
            }
        }
        network.lifetime?.afterSample(network, samplesSeen: samplesSeen)
        totals += counts
        let correct = sample.label.map { $0 == p.label }
        return SampleOutcome(prediction: p.label, confidence: p.confidence, label: sample.label,
                             correct: correct, learned: learned, spikes: p.spikes, timesteps: p.timesteps,
                             counts: counts)
    }

    /// Writes now, or folds the gradients into the pending batch.
    func write(counts: inout OperationCounts, time: Float) {
        guard !pending.isEmpty else {
            network.commit(counts: &counts, timeSeconds: time, random: &random)
            return
        }
        network.formStaticGradient()
        let grads = network.gradientBuffers
        for (g, acc) in zip(grads, pending) {
            let gp = g.pointer, ap = acc.pointer
            for i in 0..<g.count { ap[i] += gp[i]; gp[i] = 0 }
        }
        pendingSamples += 1
        if pendingSamples >= config.learning.updateEverySamples {
            for (g, acc) in zip(grads, pending) {
                g.pointer.update(from: acc.pointer, count: g.count)
                acc.fill(0)
            }
            pendingSamples = 0
            network.commit(counts: &counts, timeSeconds: time, random: &random)
        }
    }
}

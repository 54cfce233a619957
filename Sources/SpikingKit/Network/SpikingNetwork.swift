import CrossbarKit
import DeviceKit
import KitSupport

/// The random generators a network draws from while it runs, one per noise source.
public struct NetworkRandom: Sendable {
    /// Read noise, sixteen deviates at a time (the run's most frequent draw).
    public var readNoise: LaneNormalGenerator
    public var writeNoise: SeededGenerator
    public var rounding: SeededGenerator
    public var encoding: SeededGenerator

    public init(seed: UInt64) {
        readNoise = LaneNormalGenerator(seed: seed, stream: .readNoise)
        writeNoise = SeededGenerator(seed: seed, stream: .writeNoise)
        rounding = SeededGenerator(seed: seed, stream: .pulseRounding)
        encoding = SeededGenerator(seed: seed, stream: .encoding)
    }
}

/// A spiking network whose weights live on crossbar layers: hidden LIF layers (optionally
/// recurrent, with ALIF neurons and drawn time constants, DESIGN §5.2b) and a
/// leaky-integrator readout (DESIGN §2), learning with e-prop at the readout and e-prop with
/// random (DFA) or symmetric feedback in the hidden layers (DESIGN §5).
public final class SpikingNetwork {
    public let config: NetworkConfig
    public let learning: LearningConfig
    /// Crossbar layers: each hidden layer's input crossbar followed by its recurrent crossbar
    /// (if it has one), then the readout's. ``crossbarNames`` names them.
    public let layers: [CrossbarLayer]
    /// Index in ``layers`` of each hidden layer's input crossbar.
    public let inputCrossbar: [Int]
    /// Each hidden layer's recurrent connections, or nil.
    public let recurrent: [RecurrentSynapses?]
    /// General e-prop state of the input crossbars of hidden layers with per-neuron dynamics.
    let inputTraces: [SynapseTraces?]
    public let hidden: [LIFLayer]
    public let readout: Readout
    /// The gradient buffers of all crossbar layers, in ``layers`` order (for accumulating over
    /// samples). Stored, so a learned sample allocates no array.
    public let gradientBuffers: [Buffer<Float>]
    /// Fixed random feedback matrices B_l (`size_l × classes`), stored class-major
    /// (`k·size_l + i`). Digital and never written, so they cause no wear.
    public let feedback: [Buffer<Float>]
    /// Filtered eligibilities ē (`rows × size`) of hidden layers with spiking input.
    let eligibility: [Buffer<Float>]
    /// Static-input layers: per-neuron filtered eligibility factor h_i.
    let staticEligibility: [Buffer<Float>]
    /// Spikes of each hidden neuron so far in the sample (rate regularization only).
    let firingCounts: [Buffer<Float>]
    /// Network input: encoder lines followed by the bias line.
    public let input: Buffer<Float>
    let probabilities: Buffer<Float>
    /// η of each crossbar layer after fan-in scaling (hidden layers, then the readout).
    public let learningRates: [Float]
    /// Samples whose gradients are waiting in the gradient buffers.
    var pendingSamples = 0
    /// The first layer's gradient of the last static sample is still factored (`x ⊗ Σ_t L·h`,
    /// see ``formStaticGradient()``); its gradient buffer holds zeros until it is formed.
    public internal(set) var staticGradientPending = false
    /// Continual strategies' hooks (nil: off, and the network runs exactly as without them).
    /// `classMask`: 1 for classes the readout error may train, 0 for the others (masked softmax);
    /// `logitGain`: per-class factor on the time-mean readout before the prediction;
    /// `writeGate`: scales each desired change before the write path.
    public var classMask: Buffer<Float>?
    public var logitGain: Buffer<Float>?
    public var writeGate: WriteGate?
    /// The lifetime controller (`learning.lifetime`): scales each tile's writes.
    public var lifetime: LifetimeController?
    /// NeuroBench's workload counts of every forward pass so far (``NeuroBenchCounts``).
    public internal(set) var neuroBench = NeuroBenchCounts()

    /// Builds the network. `config.layers[0]` must equal `inputLines`.
    public init(config: NetworkConfig, learning: LearningConfig, preset: DevicePreset,
                crossbar: CrossbarConfig, writePath: WritePathConfig, seed: UInt64) {
        self.config = config
        self.learning = learning
        let sizes = config.layers
        let bias = config.bias ? 1 : 0
        var deviceRNG = SeededGenerator(seed: seed, stream: .deviceVariation)
        var initRNG = SeededGenerator(seed: seed, stream: .weightInit)
        var feedbackRNG = SeededGenerator(seed: seed, stream: .feedback)
        var built: [CrossbarLayer] = []
        var lif: [LIFLayer] = []
        var fb: [Buffer<Float>] = []
        var elig: [Buffer<Float>] = []
        var staticElig: [Buffer<Float>] = []
        for l in 0..<(sizes.count - 1) {
            let rows = sizes[l] + bias, cols = sizes[l + 1]
            let std = config.initGain(layer: l) / Float(rows).squareRoot()
            let drawn = (0..<(rows * cols)).map { _ in std * initRNG.nextGaussian() }
            // An imported model is programmed through the write path after construction
            // (OnlineLearner), from weights 0; with 0 programming rounds it is set directly.
            let imported = config.importedWeights.isEmpty ? nil : config.importedWeights[l]
            let initial = imported.map { config.modelProgrammingRounds > 0 ? [Float](repeating: 0, count: $0.count) : $0 } ?? drawn
            precondition(initial.count == rows * cols, "imported weights of layer \(l) must have rows·cols entries")
            // An imported model keeps the window its import chose (no fan-in scaling).
            let scale = (imported == nil ? config.scaledMaxWeight(layer: l) : config.maxWeight(layer: l)) / CrossbarLayer.maxPairWeight(preset)
            built.append(CrossbarLayer(rows: rows, cols: cols, weightScale: scale,
                                       preset: preset, config: crossbar, writeConfig: writePath,
                                       initial: initial, rng: &deviceRNG))
            if l < sizes.count - 2 {
                lif.append(LIFLayer(size: cols, inputRows: rows, bias: config.bias))
                fb.append(Buffer(count: cols * config.classes) { _ in learning.feedbackScale * feedbackRNG.nextGaussian() })
                let needsSynapseTrace = learning.filterEligibility
                elig.append(Buffer(repeating: 0, count: needsSynapseTrace ? rows * cols : 0))
                staticElig.append(Buffer(repeating: 0, count: cols))
            }
        }
        let extra = Self.buildRecurrence(config: config, learning: learning, preset: preset, crossbar: crossbar,
                                         writePath: writePath, seed: seed, feedforward: built, hidden: lif,
                                         eligibility: elig, deviceRNG: &deviceRNG)
        layers = extra.crossbars
        inputCrossbar = extra.inputCrossbar
        recurrent = extra.recurrent
        inputTraces = extra.inputTraces
        learningRates = Self.learningRates(config: config, learning: learning, inputCrossbar: extra.inputCrossbar,
                                           crossbars: extra.crossbars.count)
        hidden = lif
        feedback = fb
        eligibility = elig
        staticEligibility = staticElig
        firingCounts = lif.map { Buffer(repeating: 0, count: learning.rateRegularization > 0 ? $0.size : 0) }
        readout = Readout(classes: config.classes, inputRows: sizes[sizes.count - 2] + bias)
        gradientBuffers = Self.gradients(hidden: lif, recurrent: extra.recurrent, readout: readout)
        input = Buffer(repeating: 0, count: sizes[0] + bias)
        probabilities = Buffer(repeating: 0, count: config.classes)
    }

    public var inputLines: Int { config.layers[0] }
    public var classes: Int { config.classes }

    /// Synapses (weight pairs) in all layers.
    public var synapses: Int { layers.reduce(0) { $0 + $1.rows * $1.cols } }

    /// Devices that have failed (or were faulty from the start), all layers.
    public var failedDevices: Int { layers.reduce(0) { $0 + $1.failedDevices } }

    /// Clears per-sample state (the per-synapse eligibilities only of layers that will use
    /// them: not the first layer under a static input, whose eligibility factorizes).
    /// `continuing` (a stream in `carry` state) keeps the potentials, spikes and readout.
    func resetSample(clearEligibility: Bool, staticInput: Bool, learning learn: Bool, continuing: Bool = false) {
        for h in hidden { h.resetSample(keepPotentials: continuing) }
        if clearEligibility {
            for (l, e) in eligibility.enumerated() where !(l == 0 && staticInput) { e.fill(0) }
        }
        for s in staticEligibility { s.fill(0) }
        readout.resetSample(keepPotentials: continuing)
        resetRecurrence(learning: learn)
        if config.bias { input[inputLines] = 1 }
    }
}

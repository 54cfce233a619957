import CrossbarKit
import DeviceKit
import KitSupport

/// The random generators a network draws from while it runs, one per noise source.
public struct NetworkRandom: Sendable {
    public var readNoise: SeededGenerator
    public var writeNoise: SeededGenerator
    public var rounding: SeededGenerator
    public var encoding: SeededGenerator

    public init(seed: UInt64) {
        readNoise = SeededGenerator(seed: seed, stream: .readNoise)
        writeNoise = SeededGenerator(seed: seed, stream: .writeNoise)
        rounding = SeededGenerator(seed: seed, stream: .pulseRounding)
        encoding = SeededGenerator(seed: seed, stream: .encoding)
    }
}

/// A feedforward spiking network whose weights live on crossbar layers: hidden LIF layers
/// and a leaky-integrator readout (DESIGN §2), learning with e-prop at the readout and
/// direct feedback alignment in the hidden layers (DESIGN §5).
public final class SpikingNetwork {
    public let config: NetworkConfig
    public let learning: LearningConfig
    /// Crossbar layers: one per hidden layer, then the readout's.
    public let layers: [CrossbarLayer]
    public let hidden: [LIFLayer]
    public let readout: Readout
    /// The gradient buffers of all layers, in layer order (for accumulating over samples):
    /// the hidden layers' then the readout's. Stored, so a learned sample allocates no array.
    public let gradientBuffers: [Buffer<Float>]
    /// Fixed random feedback matrices B_l (`size_l × classes`), stored class-major
    /// (`k·size_l + i`). Digital and never written, so they cause no wear.
    public let feedback: [Buffer<Float>]
    /// Filtered eligibilities ē (`rows × size`) of hidden layers with spiking input.
    let eligibility: [Buffer<Float>]
    /// Static-input layers: per-neuron filtered eligibility factor h_i.
    let staticEligibility: [Buffer<Float>]
    /// Network input: encoder lines followed by the bias line.
    public let input: Buffer<Float>
    let probabilities: Buffer<Float>
    /// Samples whose gradients are waiting in the gradient buffers.
    var pendingSamples = 0

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
            let initial = (0..<(rows * cols)).map { _ in std * initRNG.nextGaussian() }
            let scale = config.maxWeight(layer: l) / CrossbarLayer.maxPairWeight(preset)
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
        layers = built
        hidden = lif
        feedback = fb
        eligibility = elig
        staticEligibility = staticElig
        readout = Readout(classes: config.classes, inputRows: sizes[sizes.count - 2] + bias)
        gradientBuffers = lif.map(\.gradient) + [readout.gradient]
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
    func resetSample(clearEligibility: Bool, staticInput: Bool) {
        for h in hidden { h.resetSample() }
        if clearEligibility {
            for (l, e) in eligibility.enumerated() where !(l == 0 && staticInput) { e.fill(0) }
        }
        for s in staticEligibility { s.fill(0) }
        readout.resetSample()
        if config.bias { input[inputLines] = 1 }
    }
}

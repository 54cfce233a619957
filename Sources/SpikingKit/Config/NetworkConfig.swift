import DeviceKit
import KitSupport

/// How a LIF neuron resets after a spike (DESIGN §2.1).
public enum ResetMechanism: String, CaseIterable, Sendable {
    /// `U[t] = λ·U[t−1] + I[t] − θ·o[t−1]`: subtract the threshold (keeps the residue).
    case soft
    /// `U[t] = λ·U[t−1]·(1 − o[t−1]) + I[t]`: back to zero.
    case hard
}

/// The spiking network: layer sizes, time steps, LIF dynamics (DESIGN §2.1–2.2), and the
/// recurrent and adaptive layers of DESIGN §5.2b (``NetworkConfig+Recurrent.swift``).
public struct NetworkConfig: Equatable, Sendable {
    /// Sizes from input lines to classes, e.g. `[64, 128, 10]`: one hidden LIF layer of 128
    /// and a readout of 10. A first entry of 0 takes the input lines from the data (the
    /// encoder's lines: features, or 2× channels with delta encoding); a last entry of 0
    /// takes the classes from the labels of the input file.
    public var layers: [Int] = [0, 128, 0]
    /// Time steps per static sample (a temporal sample runs one step per frame).
    public var timesteps: Int = 16
    /// Membrane leak λ ∈ (0, 1) of the hidden LIF neurons.
    public var leak: Float = 0.9
    /// Firing threshold θ > 0.
    public var threshold: Float = 1
    public var reset: ResetMechanism = .soft
    /// Leak κ ∈ (0, 1) of the non-spiking leaky-integrator readout
    /// `y[t] = κ·y[t−1] + Σ_j w_kj·o_j[t]`.
    public var readoutLeak: Float = 0.9
    /// Bits of the membrane-potential buffer U_mem; 0 keeps float. Quantized potentials are
    /// clipped to ±2θ and rounded to `2^bits` levels across that range.
    public var membraneBits: Int = 0
    /// The largest weight magnitude each layer can hold, in network units; it sets the
    /// digital weight scale `s = maxWeight / max|w⁺ − w⁻|` of the crossbar layer, so the
    /// device window spans `±maxWeight` whatever the device's own units. One value is used
    /// for every layer, or give one per layer. (Ideal devices are unbounded; there it only
    /// fixes the units.)
    public var maxWeights: [Float] = [0.25]
    /// Initial weights are N(0, (gain/√fanIn)²) in network units; one gain per layer or one
    /// for all. 0 starts a layer at zero.
    public var initGains: [Float] = [1, 0]
    /// Adds an always-on input row to every layer (a bias, learnt like any weight, on its
    /// own devices). Off by default: it made no difference on digits and costs an extra
    /// row (with 64 inputs, an extra row-tile of conversions).
    public var bias: Bool = false
    /// Rescale `maxWeights` and the learning rates by each layer's fan-in (see
    /// `NetworkConfig+FanIn.swift`): `maxWeight·√(F_ref/F)`, a hidden layer's `η·F_ref/F`,
    /// the readout's `η·(F_ref/F)²`.
    public var fanInScaling: Bool = true
    /// The fan-ins F_ref at which `maxWeights` and the learning rates hold as given, per
    /// crossbar layer (the last entry repeats): the digits network's 64 inputs and 128
    /// hidden neurons, where these defaults were tuned.
    public var referenceFanIns: [Int] = [64, 128]
    /// Which steps the readout's prediction and learning signal use (``ReadoutMode``).
    public var readoutMode: ReadoutMode = .every
    /// Steps of the window of ``ReadoutMode/last`` (the last steps of each sample).
    public var readoutWindowSteps: Int = 1
    /// Standardise the windowed readout's spike-rate features with their running mean and
    /// standard deviation (``SpikingNetwork/windowScores(count:random:counts:)``).
    public var readoutStandardize: Bool = true
    /// Recurrent connections per hidden layer (one value for all, or one per hidden layer):
    /// a recurrent layer adds `Σ_j w^rec_ij·o_j[t−1]` from its own crossbar tiles (DESIGN
    /// §5.2b). The readout is never recurrent. Off: feedforward, as DESIGN §2.
    public var recurrent: [Bool] = [false]
    /// Initial recurrent weights are N(0, (gain/√size)²) in network units; one gain per hidden
    /// layer or one for all. 0.5 *[assumption]* keeps the recurrent current below the input
    /// drive at the start.
    public var recurrentInitGains: [Float] = [0.5]
    /// Fraction of adaptive-threshold (ALIF) neurons per hidden layer, in [0, 1] (one for all,
    /// or one per hidden layer); the rest are LIF. 0: no ALIF neuron.
    public var alifFraction: [Float] = [0]
    /// β of the ALIF threshold `A_j[t] = θ + β·a_j[t]`, membrane units per unit of adaptation
    /// (a_j jumps by 1 per spike). 0.05 *[assumption]*: with ρ ≈ 0.99 a neuron firing every
    /// tenth step raises its threshold by about half of θ = 1.
    public var adaptationStrength: Float = 0.05
    /// `[min, max]` membrane time constants τ_m in time steps: each hidden neuron draws its
    /// leak `λ_j = exp(−1/τ_m,j)` once, τ_m uniform in the range. Empty (default): every neuron
    /// leaks with `leak`.
    public var membraneTimeConstantSteps: [Float] = []
    /// `[min, max]` adaptation time constants τ_a in time steps of the ALIF neurons,
    /// `ρ_j = exp(−1/τ_a,j)`, drawn like τ_m. [20, 200] *[assumption]*: from a few steps to
    /// about the length of the repository's temporal sets (24–427 steps).
    public var adaptationTimeConstantSteps: [Float] = [20, 200]
    /// A NIR graph (HDF5 file) whose network replaces the layers, constants and initial
    /// weights above (`--model`; README "Interoperability: NIR"). Empty: none.
    public var model: String = ""
    /// Time step of the NIR graph's discretisation, seconds; 0 takes the file's `metadata/dt`.
    public var modelTimestepSeconds: Double = 0
    /// Program the imported weights through the write path (pulses, write-verify, wear and
    /// energy counted as the programming phase; ``SpikingNetwork/program(_:maxRounds:timeSeconds:random:)``),
    /// in at most this many closed-loop rounds. 0 sets them directly, at no cost (an ideal
    /// initialisation, for comparison). 8 *[assumption]*.
    public var modelProgrammingRounds: Int = 8
    /// How the imported weights are programmed: `iterative` (per-device program-and-verify,
    /// ``CrossbarLayer/programVerify``, parameters `hardware.verify.program*`) or `rounds`
    /// (the array-level closed loop of at most ``modelProgrammingRounds`` rounds). `iterative`
    /// *[our choice]*: what a chip team does (README "Programming the chip").
    public var modelProgramming: ModelProgramming = .iterative
    /// The imported model's initial weights, one row-major `rows × cols` array per feedforward
    /// crossbar (set by the NIR import, not a configuration key). Empty: drawn at random.
    public var importedWeights: [[Float]] = []

    public init() {}

    public var inputs: Int { layers.first ?? 0 }
    public var classes: Int { layers.last ?? 0 }

    public func maxWeight(layer l: Int) -> Float { maxWeights.count > l ? maxWeights[l] : maxWeights.last ?? 1 }
    public func initGain(layer l: Int) -> Float { initGains.count > l ? initGains[l] : initGains.last ?? 1 }
}

extension NetworkConfig: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .ints("layers", \.layers), .int("timesteps", \.timesteps),
            .float("leak", \.leak), .float("threshold", \.threshold), .choice("reset", \.reset),
            .float("readoutLeak", \.readoutLeak), .int("membraneBits", \.membraneBits),
            .floats("maxWeights", \.maxWeights), .floats("initGains", \.initGains),
            .bool("bias", \.bias), .bool("fanInScaling", \.fanInScaling), .ints("referenceFanIns", \.referenceFanIns),
            .choice("readoutMode", \.readoutMode),
            .int("readoutWindowSteps", \.readoutWindowSteps), .bool("readoutStandardize", \.readoutStandardize),
            .bools("recurrent", \.recurrent),
            .floats("recurrentInitGains", \.recurrentInitGains), .floats("alifFraction", \.alifFraction),
            .float("adaptationStrength", \.adaptationStrength),
            .floats("membraneTimeConstantSteps", \.membraneTimeConstantSteps),
            .floats("adaptationTimeConstantSteps", \.adaptationTimeConstantSteps),
            .string("model", \.model), .double("modelTimestepSeconds", \.modelTimestepSeconds),
            .int("modelProgrammingRounds", \.modelProgrammingRounds), .choice("modelProgramming", \.modelProgramming),
        ]
    }
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        let inner = layers.dropFirst().dropLast()
        guard layers.count >= 2, inner.allSatisfy({ $0 >= 1 && $0 <= 1_000_000 }),
              (0...1_000_000).contains(inputs), classes == 0 || (2...100_000).contains(classes) else {
            throw ConfigError.outOfRange(key: k("layers"), value: "\(layers)",
                                         allowed: "at least two sizes; hidden sizes 1…1000000; inputs ≥ 0 (0 = from data); classes 0 (from data) or ≥ 2")
        }
        try Validate.inRange(timesteps, 1...100_000, k("timesteps"))
        // λ = 1 (no leak) only for an imported integrate-and-fire layer.
        if !(importedWeights.isEmpty ? leak > 0 && leak < 1 : leak > 0 && leak <= 1) { try Validate.openUnit(leak, k("leak")) }
        try Validate.nonNegative(modelTimestepSeconds, k("modelTimestepSeconds"))
        try Validate.inRange(modelProgrammingRounds, 0...1000, k("modelProgrammingRounds"))
        try Validate.positive(threshold, k("threshold"))
        try Validate.openUnit(readoutLeak, k("readoutLeak"))
        try Validate.inRange(membraneBits, 0...32, k("membraneBits"))
        try Validate.inRange(readoutWindowSteps, 1...100_000, k("readoutWindowSteps"))
        guard !maxWeights.isEmpty, maxWeights.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw ConfigError.outOfRange(key: k("maxWeights"), value: "\(maxWeights)", allowed: "positive numbers")
        }
        guard !initGains.isEmpty, initGains.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw ConfigError.outOfRange(key: k("initGains"), value: "\(initGains)", allowed: "numbers ≥ 0")
        }
        guard !referenceFanIns.isEmpty, referenceFanIns.allSatisfy({ (1...1_000_000).contains($0) }) else {
            throw ConfigError.outOfRange(key: k("referenceFanIns"), value: "\(referenceFanIns)", allowed: "one or more sizes 1…1000000")
        }
        try validateRecurrence(at: path)
    }
}

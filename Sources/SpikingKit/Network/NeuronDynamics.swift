import DeviceKit
import KitSupport
import RealModule

/// Per-neuron dynamics of a hidden layer beyond the homogeneous LIF module of DESIGN §2.1:
/// adaptive-threshold (ALIF) neurons and drawn membrane leaks (DESIGN §5.2b; Bellec et al.
/// 2020, Nat. Commun. 11:3625, "A solution to the learning dilemma for recurrent networks
/// of spiking neurons"; heterogeneity: Perez-Nieves et al. 2021, Nat. Commun. 12:5791).
///
/// Neuron j of the layer, with input current I_j[t] from the crossbar(s):
/// ```
/// adaptive threshold   A_j[t]   = θ + β_j·a_j[t]              (β_j = β for ALIF, 0 for LIF)
/// membrane (soft)      U_j[t]   = λ_j·U_j[t−1] + I_j[t] − A_j[t−1]·o_j[t−1]
/// membrane (hard)      U_j[t]   = λ_j·U_j[t−1]·(1 − o_j[t−1]) + I_j[t]
/// spike                o_j[t]   = 1 if U_j[t] > A_j[t] else 0
/// adaptation           a_j[t+1] = ρ_j·a_j[t] + o_j[t]
/// pseudo-derivative    ψ_j[t]   = γ_pd·max(0, 1 − |U_j[t] − A_j[t]|/θ)
/// time constants       λ_j = exp(−1/τ_m,j),  ρ_j = exp(−1/τ_a,j)   (τ in time steps)
/// ```
/// The first ``adaptive`` neurons of the layer are ALIF, the others LIF. τ_m,j is drawn
/// uniformly from `network.membraneTimeConstantSteps` for every neuron (or λ_j = `leak` for
/// all when that list is empty); τ_a,j uniformly from `network.adaptationTimeConstantSteps`
/// for every ALIF neuron. The draws happen once, when the network is built, from the
/// `neuronParameters` stream; they are part of the learner's state (checkpoints and
/// `stateDigest`). γ_pd keeps the form of §5.1 (DESIGN's γ_pd/θ with θ folded into γ_pd).
public final class NeuronDynamics {
    public let size: Int
    /// ALIF neurons: indices `0..<adaptive`.
    public let adaptive: Int
    /// β: threshold increase per unit of adaptation a, in membrane units (θ = 1 by default).
    public let adaptationStrength: Float
    /// Whether the leaks were drawn (per-neuron λ_j) rather than the one `leak` for all.
    public let heterogeneousLeak: Bool
    /// λ_j, `size` values.
    public let leak: Buffer<Float>
    /// ρ_j of the ALIF neurons, `adaptive` values.
    public let adaptationDecay: Buffer<Float>
    /// a_j[t] of the ALIF neurons (per sample).
    public let adaptation: Buffer<Float>
    /// A_j of the last step (per sample; θ for LIF neurons): the soft reset subtracts it.
    public let threshold: Buffer<Float>

    /// Builds hidden layer `l`'s dynamics from `config`, drawing its time constants from
    /// `rng`; nil when the layer is the homogeneous LIF of §2.1 (nothing is drawn then).
    static func make(_ config: NetworkConfig, hiddenLayer l: Int, rng: inout SeededGenerator) -> NeuronDynamics? {
        guard config.hasNeuronDynamics(hiddenLayer: l) else { return nil }
        let size = config.layers[l + 1]
        let m = config.adaptiveNeurons(hiddenLayer: l)
        let membrane = config.membraneTimeConstantSteps
        let leaks: [Float] = membrane.isEmpty
            ? Array(repeating: config.leak, count: size)
            : (0..<size).map { _ in decay(steps: uniform(membrane, &rng)) }
        let decays = (0..<m).map { _ in decay(steps: uniform(config.adaptationTimeConstantSteps, &rng)) }
        return NeuronDynamics(leak: leaks, adaptationDecay: decays, adaptationStrength: config.adaptationStrength,
                              heterogeneousLeak: !membrane.isEmpty)
    }

    /// Dynamics with the given per-neuron leaks λ_j and, for the first `adaptationDecay.count`
    /// neurons, adaptation decays ρ_j.
    public init(leak: [Float], adaptationDecay: [Float], adaptationStrength: Float, heterogeneousLeak: Bool) {
        precondition(adaptationDecay.count <= leak.count)
        size = leak.count
        adaptive = adaptationDecay.count
        self.adaptationStrength = adaptationStrength
        self.heterogeneousLeak = heterogeneousLeak
        self.leak = Buffer(leak)
        self.adaptationDecay = Buffer(adaptationDecay)
        adaptation = Buffer(repeating: 0, count: adaptive)
        threshold = Buffer(repeating: 0, count: size)
    }

    /// `exp(−1/τ)` for a time constant of τ steps.
    public static func decay(steps tau: Float) -> Float { Float(Double.exp(-1 / Double(tau))) }

    static func uniform(_ range: [Float], _ rng: inout SeededGenerator) -> Float {
        range[0] + (range[1] - range[0]) * rng.nextUnitFloat()
    }

    /// Clears the per-sample state: no adaptation, every threshold at θ.
    func resetSample(threshold theta: Float) {
        adaptation.fill(0)
        threshold.fill(theta)
    }

    /// The drawn time constants (λ_j, ρ_j) as state.
    func writeState(to w: inout StateWriter) {
        w.write(leak)
        w.write(adaptationDecay)
    }

    func readState(from r: inout StateReader) throws {
        try r.read(into: leak, "membrane leaks")
        try r.read(into: adaptationDecay, "adaptation decays")
    }
}

import DeviceKit
import KitSupport

/// Where a hidden layer's learning signal `L_i[t] = Σ_k B_ik·e_k[t]` takes B from (DESIGN §5.2b).
public enum FeedbackMode: String, CaseIterable, Sendable {
    /// Fixed random matrices (random e-prop = direct feedback alignment, Nøkland 2016).
    case random
    /// The readout's own weights as the array reads them, `B = (W^out)ᵀ` (symmetric e-prop,
    /// Bellec et al. 2020), for the last hidden layer; earlier layers keep random matrices.
    case symmetric
}

/// The local learning rules (DESIGN §5): e-prop eligibility traces at the readout and
/// direct feedback alignment (DFA) learning signals for hidden layers.
public struct LearningConfig: Equatable, Sendable {
    /// Learning rate η of the hidden layers.
    public var learningRate: Float = 0.0003
    /// Learning rate η of the readout.
    public var readoutLearningRate: Float = 0.0001
    /// Decay α of the presynaptic trace `z̄_j[t] = α·z̄_j[t−1] + o_j[t]`; 0 means "equal to
    /// the leak λ" (the exact eligibility of a LIF membrane).
    public var traceDecay: Float = 0
    /// Filter the eligibility with the readout leak κ, `ē_ij[t] = κ·ē_ij[t−1] + ψ_i[t]·z̄_j[t]`,
    /// so a hidden spike is credited for its effect on later readout steps (e-prop's
    /// filtered eligibility). Costs one value per synapse for spiking-input layers.
    public var filterEligibility: Bool = true
    /// Gain γ_pd of the pseudo-derivative `ψ = γ_pd·max(0, 1 − |U − θ|/θ)` (Bellec et al. 2020).
    public var pseudoDerivativeGain: Float = 0.3
    /// Standard deviation of the entries of the fixed random feedback matrices B_l.
    public var feedbackScale: Float = 1
    /// Random (DFA) or symmetric feedback of the readout error to the hidden layers.
    public var feedback: FeedbackMode = .random
    /// c_reg of the firing-rate regularization `L_i[t] += c_reg·(f_i[t] − targetRate)`
    /// (Bellec et al. 2020); 0 turns it off.
    public var rateRegularization: Float = 0
    /// Target firing rate of the regularization, spikes per neuron and time step. 0.02
    /// *[assumption]*: Bellec et al.'s 10–20 Hz at 1 ms steps.
    public var targetRate: Float = 0.02
    /// Write the accumulated update every this many samples (1 = after every sample).
    public var updateEverySamples: Int = 1
    /// Skip the write when the sample was predicted correctly with a confidence above
    /// this threshold (0 disables the gate). Saves pulses and wear.
    public var skipWhenConfidentAbove: Float = 0
    /// The lifetime the learner must leave the chip (issue #18); nil (`off`) = no controller.
    public var lifetime: LifetimeConfig? = nil

    public init() {}
}

extension LearningConfig: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .float("learningRate", \.learningRate), .float("readoutLearningRate", \.readoutLearningRate),
            .float("traceDecay", \.traceDecay), .bool("filterEligibility", \.filterEligibility), .float("pseudoDerivativeGain", \.pseudoDerivativeGain),
            .float("feedbackScale", \.feedbackScale), .choice("feedback", \.feedback),
            .float("rateRegularization", \.rateRegularization), .float("targetRate", \.targetRate), .int("updateEverySamples", \.updateEverySamples),
            .float("skipWhenConfidentAbove", \.skipWhenConfidentAbove),
            .optionalSection("lifetime", \.lifetime, default: LifetimeConfig.init),
        ]
    }
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.nonNegative(learningRate, k("learningRate"))
        try Validate.nonNegative(readoutLearningRate, k("readoutLearningRate"))
        try Validate.inRange(traceDecay, 0...0.9999, k("traceDecay"))
        try Validate.nonNegative(pseudoDerivativeGain, k("pseudoDerivativeGain"))
        try Validate.nonNegative(feedbackScale, k("feedbackScale"))
        try Validate.nonNegative(rateRegularization, k("rateRegularization"))
        try Validate.inRange(targetRate, 0...1, k("targetRate"))
        try Validate.inRange(updateEverySamples, 1...1_000_000, k("updateEverySamples"))
        try Validate.inRange(skipWhenConfidentAbove, 0...1, k("skipWhenConfidentAbove"))
    }
}

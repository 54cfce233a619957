import SpikingKit

/// A NIR graph mapped onto Spikebar's network: layer sizes, the discretised neuron
/// constants, and each crossbar's weights in Spikebar's layout (`rows = inputs (+ bias row),
/// cols = outputs`, row-major), in network units.
///
/// Discretisation with time step dt, forward Euler — the scheme snnTorch's and Norse's NIR
/// exporters invert (snnTorch writes τ = dt/(1 − β), R = τ/dt for a `Leaky` with decay β):
/// ```
/// LIF, CubaLIF (τ_syn = dt)   λ = 1 − dt/τ,   input gain g = R·dt/τ (· w_in)
/// IF                          λ = 1,          g = R·dt
/// LI readout                  κ = 1 − dt/τ,   g = R·dt/τ
/// ```
/// `U[t] = λ·U[t−1]·(1 − o[t−1]) + g·Σ w·x` is Spikebar's hard-reset LIF with the gain folded
/// into the weights (NIR resets to v_reset, which must be 0; v_leak must be 0). Scale nodes
/// fold into the adjacent weights; Flatten is the identity on Spikebar's flat vectors. All
/// hidden layers share one λ and θ (Spikebar's `network.leak`, `network.threshold`).
public struct ImportedModel: Equatable, Sendable {
    public var layers: [Int]
    public var leak: Float
    public var threshold: Float
    public var readoutLeak: Float
    /// Whether some Affine node has a non-zero bias (then every layer gets a bias row).
    public var bias: Bool
    public var weights: [[Float]]
    /// Per layer, the weight magnitude the device window spans: `max|w| / windowFill`
    /// (``exactWindows()`` rounds it up to a power of two).
    public var maxWeights: [Float]
    public var dtSeconds: Double

    /// The largest imported weight of a layer sits at this fraction of the device window,
    /// leaving room for online learning *[assumption]*.
    public static let windowFill: Float = 0.8

    /// Rounds every window up to a power of two (the largest weight then fills 40–80 % of
    /// it): `w/s·s = w` holds exactly, so ideal devices — unbounded and noiseless, where the
    /// window only fixes the units — hold and export the imported weights to the last bit.
    /// Not for real devices: a window twice too wide halves the weights' share of the
    /// device's range against its pulse noise.
    public mutating func exactWindows() {
        maxWeights = maxWeights.map { wanted in
            var w: Float = 1
            while w < wanted { w *= 2 }
            while w / 2 >= wanted { w /= 2 }
            return w
        }
    }

    /// Sets the network's shape, constants and initial weights to the model's.
    public func apply(to n: inout NetworkConfig) {
        n.layers = layers
        n.leak = leak
        n.threshold = threshold
        n.readoutLeak = readoutLeak
        n.reset = .hard
        n.bias = bias
        n.maxWeights = maxWeights
        n.importedWeights = weights
        n.modelTimestepSeconds = dtSeconds
    }
}

extension ImportedModel {
    /// Maps `graph` with time step `dtSeconds` (refusing what Spikebar cannot run).
    public init(graph: NIRGraph, dtSeconds dt: Double) throws {
        var mapper = NIRMapper(dt: dt)
        for name in try graph.chain() { try mapper.add(graph.nodes[name]!, name: name) }
        self = try mapper.finish()
    }
}

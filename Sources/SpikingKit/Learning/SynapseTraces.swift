import DeviceKit
import KitSupport

/// The e-prop state of one crossbar layer feeding a hidden layer whose neurons have their
/// own dynamics or whose input is its own previous spikes (DESIGN §5.2b): eligibility
/// vectors, filtered eligibility traces and the gradient, `rows × size` row-major (the
/// crossbar's layout). Row r's presynaptic value at step t is p_r[t]: the input x_r[t] for
/// an input crossbar, the spike o_r[t−1] for a recurrent one.
///
/// ```
/// ε^v_ri[t] = λ_i·ε^v_ri[t−1] + p_r[t]                      membrane eligibility vector
/// ε^a_ri[t] = ψ_i[t−1]·ε^v_ri[t−1] + (ρ_i − ψ_i[t−1]·β)·ε^a_ri[t−1]   (ALIF neurons only)
/// e_ri[t]   = ψ_i[t]·(ε^v_ri[t] − β·ε^a_ri[t])               eligibility trace
/// ē_ri[t]   = κ·ē_ri[t−1] + e_ri[t]                          (filterEligibility)
/// G_ri     += L_i[t]·ē_ri[t]   (or L_i[t]·e_ri[t])            ΔW = −η·G after the sample
/// ```
/// ε^v includes the current step's p_r[t] because the membrane adds the current of the same
/// step (DESIGN §5.1's convention). When every neuron shares one leak (or `traceDecay` fixes
/// α), ε^v_ri = z̄_r factorizes into one trace per row (``presynaptic``); with drawn leaks it
/// is kept per synapse (``membrane``). ε^a is per synapse and exists only for the ALIF
/// columns `0..<adaptive` (``adaptation``, `rows × adaptive`).
public final class SynapseTraces {
    public let rows: Int
    public let size: Int
    public let adaptive: Int
    /// z̄_r (factorized ε^v), `rows` values; unused when ``membrane`` is kept.
    public let presynaptic: Buffer<Float>
    /// ε^v per synapse (drawn leaks), `rows × size`, or empty.
    public let membrane: Buffer<Float>
    /// ε^a of the ALIF columns, `rows × adaptive`, or empty.
    public let adaptation: Buffer<Float>
    /// ē (filterEligibility), `rows × size`, or empty.
    public let filtered: Buffer<Float>
    /// Accumulated gradient G, `rows × size`.
    public let gradient: Buffer<Float>
    /// e_ri[t] of the row being processed (scratch).
    let row: Buffer<Float>

    /// Traces over existing buffers (an input crossbar reuses its layer's trace, ē and
    /// gradient buffers) plus the per-synapse vectors the dynamics need.
    init(rows: Int, size: Int, adaptive: Int, perSynapseMembrane: Bool,
         presynaptic: Buffer<Float>, filtered: Buffer<Float>, gradient: Buffer<Float>) {
        precondition(presynaptic.count == rows && gradient.count == rows * size)
        precondition(filtered.count == 0 || filtered.count == rows * size)
        self.rows = rows
        self.size = size
        self.adaptive = adaptive
        self.presynaptic = presynaptic
        membrane = Buffer(repeating: 0, count: perSynapseMembrane ? rows * size : 0)
        adaptation = Buffer(repeating: 0, count: rows * adaptive)
        self.filtered = filtered
        self.gradient = gradient
        row = Buffer(repeating: 0, count: size)
    }

    /// Traces with buffers of their own.
    convenience init(rows: Int, size: Int, adaptive: Int, perSynapseMembrane: Bool, filter: Bool) {
        self.init(rows: rows, size: size, adaptive: adaptive, perSynapseMembrane: perSynapseMembrane,
                  presynaptic: Buffer(repeating: 0, count: rows),
                  filtered: Buffer(repeating: 0, count: filter ? rows * size : 0),
                  gradient: Buffer(repeating: 0, count: rows * size))
    }

    /// Per-synapse bits of digital memory beyond the gradient and ē (for the chip layout).
    var extraSynapseValues: Int { membrane.count + adaptation.count }

    /// Clears the per-sample vectors (the gradient is kept: it accumulates over samples).
    func resetSample() {
        presynaptic.fill(0)
        membrane.fill(0)
        adaptation.fill(0)
        filtered.fill(0)
    }
}

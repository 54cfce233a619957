import CrossbarKit
import DeviceKit
import KitSupport

extension SpikingNetwork {
    /// Firing-rate regularization (Bellec et al. 2020, Nat. Commun. 11:3625, Methods: every
    /// e-prop experiment there adds it), a local term of each hidden neuron's learning signal
    /// that pulls its rate toward a target:
    /// ```
    /// f_i[t] = (Σ_{s≤t} o_i[s]) / (t + 1)                 rate so far in this sample, spikes/step
    /// L_i[t] ← L_i[t] + c_reg·(f_i[t] − f_target)         then ΔW_ij = −η·Σ_t L_i[t]·ē_ij[t] as usual
    /// ```
    /// A neuron firing above the target lowers the weights that made it fire. Without it,
    /// random feedback on recurrent weights, whose presynaptic traces are never negative,
    /// can drive the layer into runaway firing. Off (c_reg = 0) by default.
    @inline(__always)
    func addRateSignal(layer l: Int, step t: Int, signal sig: UnsafeMutablePointer<Float>, counts: inout OperationCounts) {
        let c = learning.rateRegularization
        guard c > 0 else { return }
        let h = hidden[l]
        let o = h.output.pointer, count = firingCounts[l].pointer
        let target = learning.targetRate, perStep = 1 / Float(t + 1)
        for i in 0..<h.size {
            count[i] += o[i]
            sig[i] += c * (count[i] * perStep - target)
        }
        counts.traceUpdates += Double(h.size)
        counts.learningMacs += Double(h.size)
    }
}

import CrossbarKit
import DeviceKit
import KitSupport

extension SynapseTraces {
    /// One time step of the equations in ``SynapseTraces``: advances ε^v (and ε^a), forms
    /// e[t], filters it and adds `L_i[t]·ē_ri[t]` into the gradient. Allocation-free.
    /// - Parameters:
    ///   - p: the rows' presynaptic values p_r[t].
    ///   - decay: α of the factorized trace z̄ (ignored when ε^v is kept per synapse).
    ///   - dynamics: the layer's neurons (leaks λ_i, decays ρ_i, β); nil for homogeneous LIF.
    ///   - pseudo: ψ_i[t]; `signal`: L_i[t].
    @inline(__always)
    func step(input p: UnsafePointer<Float>, decay alpha: Float, dynamics: NeuronDynamics?,
              pseudo psi: UnsafePointer<Float>, signal sig: UnsafePointer<Float>, kappa: Float,
              counts: inout OperationCounts) {
        let n = size, m = adaptive
        let beta = dynamics?.adaptationStrength ?? 0
        let rho = dynamics?.adaptationDecay.pointer
        let lambda = dynamics?.leak.pointer
        let perSynapse = membrane.count > 0
        let filter = filtered.count > 0
        let z = presynaptic.pointer, e = row.pointer
        for r in 0..<rows {
            let pr = p[r]
            if perSynapse, let lambda {
                // ε^v per synapse: e_ri = ψ_i·ε^v_ri for now (the ALIF columns are redone below).
                let ev = membrane.pointer + r * n
                for i in 0..<n {
                    let v = lambda[i] * ev[i] + pr
                    ev[i] = v
                    e[i] = psi[i] * v
                }
            } else {
                let zr = alpha * z[r] + pr
                z[r] = zr
                if zr == 0 && m == 0 && !filter { continue }   // nothing to add in this row
                for i in 0..<n { e[i] = psi[i] * zr }
            }
            if m > 0, let rho {
                let ea = adaptation.pointer + r * m
                if perSynapse {
                    let ev = membrane.pointer + r * n
                    for i in 0..<m { e[i] = adapt(ea + i, v: ev[i], psi: psi[i], rho: rho[i], beta: beta) }
                } else {
                    let zr = z[r]
                    for i in 0..<m { e[i] = adapt(ea + i, v: zr, psi: psi[i], rho: rho[i], beta: beta) }
                }
            }
            let g = gradient.pointer + r * n
            if filter {
                let f = filtered.pointer + r * n
                for i in 0..<n {
                    let v = kappa * f[i] + e[i]
                    f[i] = v
                    g[i] += sig[i] * v
                }
            } else {
                for i in 0..<n { g[i] += sig[i] * e[i] }
            }
        }
        let synapses = Double(rows * n)
        counts.traceUpdates += (perSynapse ? synapses : Double(rows)) + Double(rows * m) + (filter ? synapses : 0)
        counts.learningMacs += synapses
    }

    /// ALIF column: returns `e = ψ·(ε^v − β·ε^a[t])` and advances ε^a to
    /// `ε^a[t+1] = ψ·ε^v + (ρ − ψ·β)·ε^a[t]`.
    @inline(__always)
    func adapt(_ ea: UnsafeMutablePointer<Float>, v: Float, psi: Float, rho: Float, beta: Float) -> Float {
        let old = ea.pointee
        ea.pointee = psi * v + (rho - psi * beta) * old
        return psi * (v - beta * old)
    }
}

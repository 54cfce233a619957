import CrossbarKit
import DeviceKit

extension SpikingNetwork {
    /// One step of the learning rules (DESIGN §5), accumulated into gradient buffers:
    /// ```
    /// readout error        e_k[t] = softmax(y[t])_k − onehot(target)_k
    /// readout (e-prop)     G_kj += e_k[t]·F_κ(o_j)[t],   F_κ(o)[t] = κ·F_κ(o)[t−1] + o[t]
    /// DFA learning signal  L_i[t] = Σ_k B_ik·e_k[t]
    /// hidden (e-prop+DFA)  G_ij += L_i[t]·ē_ij[t],  ē_ij[t] = κ·ē_ij[t−1] + ψ_i[t]·z̄_j[t]
    ///                      (or e_ij[t] = ψ_i[t]·z̄_j[t] without the κ filter)
    /// ```
    /// `z̄_j[t] = α·z̄_j[t−1] + x_j[t]` includes the current step's input, because our
    /// membrane adds the input of the same step: `∂U_i[t]/∂w_ij = z̄_j[t]` for α = λ.
    /// For a static input x, `z̄_j[t] = c_t·x_j` with `c_t = α·c_{t−1} + 1`, so the hidden
    /// gradient factorizes into `x_j·Σ_t L_i[t]·h_i[t]` with a per-neuron h (exact, and
    /// far cheaper); ``finishStaticGradient(counts:)`` forms the outer product.
    /// Recurrent crossbars and layers with per-neuron dynamics (ALIF, drawn leaks) learn
    /// through ``SynapseTraces`` (DESIGN §5.2b) with the same learning signal.
    func accumulateGradients(step t: Int, target: Int, readoutInput: UnsafePointer<Float>,
                             staticInput: Bool, staticTrace: Float, counts: inout OperationCounts) {
        let classes = self.classes
        let kappa = config.readoutLeak
        let e = readout.error.pointer
        softmax(readout.y.pointer, count: classes, into: e)
        if let mask = classMask { renormalize(e, mask: mask.pointer, count: classes) }
        e[target] -= 1

        // Readout: F = κF + o, G += F ⊗ e (class-major, contiguous over rows).
        let rows = readout.inputRows
        let f = readout.inputTrace.pointer, g = readout.gradientByClass.pointer
        for r in 0..<rows { f[r] = kappa * f[r] + readoutInput[r] }
        for k in 0..<classes {
            let ek = e[k], gk = g + k * rows
            for r in 0..<rows { gk[r] += ek * f[r] }
        }
        counts.traceUpdates += Double(rows)
        counts.learningMacs += Double(rows * classes)

        // Hidden layers: DFA signal, then eligibility (none for a fixed layer, η = 0).
        let filter = learning.filterEligibility
        for l in 0..<(learning.learningRate > 0 ? hidden.count : 0) {
            let h = hidden[l]
            let n = h.size
            let b = feedback[l].pointer, psi = h.pseudo.pointer, sig = h.signal.pointer
            sig.update(repeating: 0, count: n)
            for k in 0..<classes {
                let ek = e[k], bk = b + k * n
                for i in 0..<n { sig[i] += ek * bk[i] }
            }
            counts.learningMacs += Double(n * classes)
            addRateSignal(layer: l, step: t, signal: sig, counts: &counts)
            if recurrent[l] != nil || usesGeneralTraces(l) {
                let alpha = learning.traceDecay > 0 ? learning.traceDecay : config.leak
                let layerInput = l == 0 ? UnsafePointer(input.pointer) : UnsafePointer(hidden[l - 1].output.pointer)
                accumulateGeneralTraces(layer: l, input: layerInput, signal: sig, decay: alpha, counts: &counts)
                if usesGeneralTraces(l) { continue }
            }
            if l == 0 && staticInput {
                let hs = staticEligibility[l].pointer, acc = h.signalSum.pointer
                for i in 0..<n {
                    if filter {
                        hs[i] = kappa * hs[i] + psi[i] * staticTrace
                        acc[i] += sig[i] * hs[i]
                    } else {
                        acc[i] += sig[i] * psi[i] * staticTrace
                    }
                }
                counts.traceUpdates += Double(n)
                counts.learningMacs += Double(n)
                continue
            }
            let z = h.inputTrace.pointer, grad = h.gradient.pointer
            let inRows = h.inputRows
            if filter {
                let eb = eligibility[l].pointer
                for r in 0..<inRows {
                    let zr = z[r]
                    let er = eb + r * n, gr = grad + r * n
                    for i in 0..<n {
                        let v = kappa * er[i] + psi[i] * zr
                        er[i] = v
                        gr[i] += sig[i] * v
                    }
                }
                counts.traceUpdates += Double(inRows * n)
                counts.learningMacs += Double(inRows * n)
            } else {
                for i in 0..<n { sig[i] *= psi[i] }
                for r in 0..<inRows {
                    let zr = z[r]
                    if zr == 0 { continue }
                    let gr = grad + r * n
                    for i in 0..<n { gr[i] += zr * sig[i] }
                    counts.learningMacs += Double(n)
                }
            }
        }
    }

    /// Static input: `G_ij += x_j·Σ_t L_i[t]·h_i[t]` for the first hidden layer.
    func finishStaticGradient(counts: inout OperationCounts) {
        let h = hidden[0]
        let n = h.size
        let acc = h.signalSum.pointer, grad = h.gradient.pointer, x = input.pointer
        for r in 0..<h.inputRows {
            let xr = x[r]
            if xr == 0 { continue }
            let gr = grad + r * n
            for i in 0..<n { gr[i] += xr * acc[i] }
        }
        counts.learningMacs += Double(h.inputRows * n)
    }

    /// Discards the gradients accumulated for the current sample.
    public func discardGradients() {
        for g in gradientBuffers { g.fill(0) }
        readout.gradientByClass.fill(0)
    }
}

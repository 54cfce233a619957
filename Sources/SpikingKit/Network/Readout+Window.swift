import CrossbarKit
import DeviceKit
import KitSupport

/// Which time steps of a sample the readout's prediction and learning signal use.
public enum ReadoutMode: String, CaseIterable, Sendable {
    /// The leaky-integrator readout reads the spikes at every step, `y[t] = κ·y[t−1] + W·o[t]`;
    /// learning signal at every step, `e[t] = softmax(y[t]) − onehot`; prediction from the
    /// time-mean of y (DESIGN §5, the original rule).
    case every
    /// One read per sample of the spike rates over the whole sequence (see
    /// ``SpikingNetwork/windowScores(count:random:counts:)``); one learning signal per sample.
    case mean
    /// As `mean`, over the last `readoutWindowSteps` steps only.
    case last
}

extension SpikingNetwork {
    /// The first step of the readout window of a sample of `steps` steps.
    func windowStart(steps: Int) -> Int {
        switch config.readoutMode {
        case .every, .mean: return 0
        case .last: return max(0, steps - config.readoutWindowSteps)
        }
    }

    /// One step of a windowed readout (``ReadoutMode/mean``, ``ReadoutMode/last``): inside the
    /// window, each readout input line's spikes are counted (`n_j += o_j[t]`, one digital add
    /// per line) and, when the hidden layers learn, their eligibilities summed
    /// (`Ĝ_ij += ψ_i[t]·z̄_j[t]`, the derivative of the rate), to be multiplied by the one error
    /// of the window in ``finishWindowGradients(target:count:staticInput:counts:)``.
    func accumulateWindow(inWindow: Bool, learn: Bool, readoutInput: UnsafePointer<Float>,
                          staticInput: Bool, staticTrace: Float, counts: inout OperationCounts) {
        guard inWindow else { return }
        let rows = readout.inputRows
        let n = readout.inputTraceSum.pointer
        for r in 0..<rows { n[r] += readoutInput[r] }
        counts.neuronUpdates += Double(rows)
        guard learn, learning.learningRate > 0 else { return }
        for l in 0..<hidden.count {
            let h = hidden[l], size = h.size
            let psi = h.pseudo.pointer
            if l == 0 && staticInput {
                let acc = h.signalSum.pointer
                for i in 0..<size { acc[i] += psi[i] * staticTrace }
                counts.learningMacs += Double(size)
                continue
            }
            let z = h.inputTrace.pointer, grad = h.gradient.pointer
            for r in 0..<h.inputRows where z[r] != 0 {
                let zr = z[r], gr = grad + r * size
                for i in 0..<size { gr[i] += psi[i] * zr }
                counts.learningMacs += Double(size)
            }
        }
    }

    /// Closes a windowed sample with its error `e = softmax(ȳ) − onehot(target)` (ȳ from
    /// ``windowScores(count:random:counts:)``, features x_j in ``Readout/features``):
    /// ```
    /// readout  G_kj = e_k·x_j                               (exact: ȳ_k = Σ_j w_kj·x_j)
    /// hidden   G_ij = (L_i/σ_i)·Ĝ_ij/count,  L_i = Σ_k B_ik·e_k   (DFA through x_i = (r_i − μ_i)/σ_i)
    /// ```
    /// then folds this sample's rates into the running feature statistics.
    func finishWindowGradients(target: Int, count: Int, staticInput: Bool, counts: inout OperationCounts) {
        let classes = self.classes
        let e = readout.error.pointer
        softmax(probabilities.pointer, count: classes, into: e)
        e[target] -= 1
        let rows = readout.inputRows
        let x = readout.features.pointer, g = readout.gradient.pointer
        for r in 0..<rows {
            let xr = x[r]
            for k in 0..<classes { g[r * classes + k] += e[k] * xr }
        }
        counts.learningMacs += Double(rows * classes)
        if learning.learningRate > 0 {
            let inv = 1 / Float(max(count, 1))
            for l in 0..<hidden.count {
                let h = hidden[l], n = h.size
                let b = feedback[l].pointer, sig = h.signal.pointer
                sig.update(repeating: 0, count: n)
                for k in 0..<classes {
                    let ek = e[k], bk = b + k * n
                    for i in 0..<n { sig[i] += ek * bk[i] }
                }
                // Only the last hidden layer feeds the readout's standardised features.
                let scale = l == hidden.count - 1 ? readout.invSigma.pointer : nil
                for i in 0..<n { sig[i] *= inv * (scale?[i] ?? 1) }
                counts.learningMacs += Double(n * classes)
                if l == 0 && staticInput {
                    let acc = h.signalSum.pointer
                    for i in 0..<n { acc[i] *= sig[i] }
                    counts.learningMacs += Double(n)
                    continue
                }
                let grad = h.gradient.pointer
                for r in 0..<h.inputRows {
                    let gr = grad + r * n
                    for i in 0..<n { gr[i] *= sig[i] }
                }
                counts.learningMacs += Double(h.inputRows * n)
            }
        }
        updateFeatureStatistics(count: count, counts: &counts)
    }
}

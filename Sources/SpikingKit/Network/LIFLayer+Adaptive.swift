import DeviceKit
import KitSupport

extension LIFLayer {
    /// One step of a layer with per-neuron dynamics (``NeuronDynamics``: ALIF neurons, drawn
    /// leaks) on ``current``; returns the number of spikes. The equations are those of
    /// ``NeuronDynamics``; with β = 0 and one leak they are the LIF step of §2.1.
    @inline(__always)
    func stepAdaptive(_ d: NeuronDynamics, threshold theta: Float, reset: ResetMechanism, membraneBits: Int,
                      pseudoGain: Float, learning: Bool) -> Int {
        let n = size
        let u = potential.pointer, o = output.pointer, i = current.pointer
        let lambda = d.leak.pointer, a = d.threshold.pointer
        let adapt = d.adaptation.pointer, rho = d.adaptationDecay.pointer
        let m = d.adaptive, beta = d.adaptationStrength
        switch reset {
        // a[k] still holds A_k[t−1], the threshold the neuron fired against.
        case .soft: for k in 0..<n { u[k] = lambda[k] * u[k] + i[k] - a[k] * o[k] }
        case .hard: for k in 0..<n { u[k] = lambda[k] * u[k] * (1 - o[k]) + i[k] }
        }
        quantizePotentials(threshold: theta, membraneBits: membraneBits)
        // A_k[t] = θ + β·a_k[t] for ALIF neurons; LIF neurons keep θ (set at the sample start).
        for k in 0..<m { a[k] = theta + beta * adapt[k] }
        let spikes = fire(thresholds: a, stride: 1, theta: theta, pseudoGain: pseudoGain, learning: learning)
        for k in 0..<m { adapt[k] = rho[k] * adapt[k] + o[k] }
        return spikes
    }
}

import DeviceKit
import KitSupport

/// The digital neuron module of one hidden layer (DESIGN §2.1, §5.1): membrane potentials
/// (the U_mem buffer), spikes, pseudo-derivatives, and the buffers its learning needs.
///
/// One step, for every neuron i, with input current I_i[t] from the crossbar:
/// ```
/// soft reset:  U_i[t] = λ·U_i[t−1] + I_i[t] − θ·o_i[t−1]
/// hard reset:  U_i[t] = λ·U_i[t−1]·(1 − o_i[t−1]) + I_i[t]
/// spike:       o_i[t] = 1 if U_i[t] > θ else 0
/// pseudo-derivative (Bellec et al. 2020):  ψ_i[t] = γ_pd·max(0, 1 − |U_i[t] − θ|/θ)
/// ```
public final class LIFLayer {
    public let size: Int
    /// Input rows of the crossbar feeding this layer (including the bias row, if any).
    public let inputRows: Int
    /// U_mem.
    public let potential: Buffer<Float>
    /// U_mem before the current step (NeuroBench's membrane updates count the changes).
    let potentialBefore: Buffer<Float>
    /// o[t] for the `size` neurons, followed by the always-on bias line when enabled; this
    /// buffer is the next layer's input.
    public let output: Buffer<Float>
    public let pseudo: Buffer<Float>
    /// Indices of the non-zero entries of ``output`` after the last step, ascending (the
    /// spiking neurons, then the bias line): the next layer's active rows.
    public let spikeList: Buffer<Int32>
    public internal(set) var spikeCount = 0
    /// Column currents from the crossbar.
    public let current: Buffer<Float>
    /// Presynaptic traces z̄ of this layer's input rows.
    public let inputTrace: Buffer<Float>
    /// Per-step learning signal times pseudo-derivative, `L_i[t]·ψ_i[t]`.
    public let signal: Buffer<Float>
    /// Static input only: Σ_t c_t·L_i[t]·ψ_i[t], with c_t the trace of a constant input.
    public let signalSum: Buffer<Float>
    /// Accumulated weight gradient, `rows × size`, row-major (the crossbar's layout).
    public let gradient: Buffer<Float>
    /// Per-neuron dynamics (ALIF neurons, drawn leaks; DESIGN §5.2b), or nil for the
    /// homogeneous LIF above. Set once when the network is built.
    public internal(set) var dynamics: NeuronDynamics?
    let hasBias: Bool

    public init(size: Int, inputRows: Int, bias: Bool) {
        self.size = size
        self.inputRows = inputRows
        hasBias = bias
        potential = Buffer(repeating: 0, count: size)
        potentialBefore = Buffer(repeating: 0, count: size)
        output = Buffer(repeating: 0, count: size + (bias ? 1 : 0))
        pseudo = Buffer(repeating: 0, count: size)
        spikeList = Buffer(repeating: 0, count: size + 1)
        current = Buffer(repeating: 0, count: size)
        inputTrace = Buffer(repeating: 0, count: inputRows)
        signal = Buffer(repeating: 0, count: size)
        signalSum = Buffer(repeating: 0, count: size)
        gradient = Buffer(repeating: 0, count: inputRows * size)
    }

    /// Clears the per-sample state (potentials, spikes, traces). `keepPotentials`: a stream
    /// in `carry` state clears only the learning traces, the neurons run on.
    public func resetSample(keepPotentials: Bool = false) {
        if !keepPotentials {
            potential.fill(0)
            output.fill(0)
            spikeCount = 0
            if hasBias { output[size] = 1; spikeList[0] = Int32(truncatingIfNeeded: size); spikeCount = 1 }
        }
        inputTrace.fill(0)
        signalSum.fill(0)
    }

    /// One LIF step on ``current``; returns the number of spikes. The pseudo-derivative is
    /// computed only when `learning` (it feeds nothing else). A layer with ``dynamics``
    /// steps through ``stepAdaptive(_:threshold:reset:membraneBits:pseudoGain:learning:)``.
    @inline(__always)
    public func step(leak: Float, threshold: Float, reset: ResetMechanism, membraneBits: Int,
                     pseudoGain: Float, learning: Bool) -> Int {
        if let dynamics {
            return stepAdaptive(dynamics, threshold: threshold, reset: reset, membraneBits: membraneBits,
                                pseudoGain: pseudoGain, learning: learning)
        }
        let u = potential.pointer, o = output.pointer, i = current.pointer
        switch reset {
        case .soft: for k in 0..<size { u[k] = leak * u[k] + i[k] - threshold * o[k] }
        case .hard: for k in 0..<size { u[k] = leak * u[k] * (1 - o[k]) + i[k] }
        }
        quantizePotentials(threshold: threshold, membraneBits: membraneBits)
        return withUnsafePointer(to: threshold) {
            fire(thresholds: $0, stride: 0, theta: threshold, pseudoGain: pseudoGain, learning: learning)
        }
    }

    /// Spikes `o_k = 1 if U_k > A_k` with `A_k = thresholds[k·stride]` (stride 0: one θ for
    /// all), the spike list, and — when `learning` — `ψ_k = γ_pd·max(0, 1 − |U_k − A_k|/θ)`.
    /// Returns the number of spikes.
    @inline(__always)
    func fire(thresholds a: UnsafePointer<Float>, stride: Int, theta: Float, pseudoGain: Float, learning: Bool) -> Int {
        let u = potential.pointer, o = output.pointer, psi = pseudo.pointer
        var spikes = 0
        let list = spikeList.pointer
        for k in 0..<size {
            // Branch-free: the sign bit of A − U is 1 exactly when U > A (spike patterns
            // defeat branch prediction; a branch here cost a third of the step).
            let fired = Int((a[k &* stride] - u[k]).bitPattern >> 31)
            o[k] = Float(fired)
            list[spikes] = Int32(truncatingIfNeeded: k)
            spikes &+= fired
        }
        if hasBias { list[spikes] = Int32(truncatingIfNeeded: size); spikeCount = spikes + 1 } else { spikeCount = spikes }
        if learning {
            let invTheta = 1 / theta
            for k in 0..<size { psi[k] = pseudoGain * max(0, 1 - abs(u[k] - a[k &* stride]) * invTheta) }
        }
        return spikes
    }

    /// U_mem at `membraneBits`: clipped to ±2θ and rounded to `2^bits` levels (0: float).
    @inline(__always)
    func quantizePotentials(threshold: Float, membraneBits: Int) {
        guard membraneBits > 0 else { return }
        let u = potential.pointer
        let range = 2 * threshold
        let lsb = 2 * range / Float(1 << membraneBits)
        for k in 0..<size { u[k] = roundToNearest(min(max(u[k], -range), range - lsb) / lsb) * lsb }
    }
}

/// The non-spiking leaky-integrator readout (DESIGN §2.2): `y_k[t] = κ·y_k[t−1] + I_k[t]`.
/// The prediction is `argmax_k` of the time-mean of y; confidence its softmax probability.
public final class Readout {
    public let classes: Int
    public let inputRows: Int
    public let y: Buffer<Float>
    public let ySum: Buffer<Float>
    public let current: Buffer<Float>
    /// Error e[t] = softmax(y[t]) − onehot(label).
    public let error: Buffer<Float>
    /// Filtered presynaptic activity F_κ(o)[t] of the readout's input rows.
    public let inputTrace: Buffer<Float>
    /// Windowed ``ReadoutMode``s: spike counts of the input lines over the window, the
    /// features x read by the crossbar, and the running statistics that standardise them.
    public let inputTraceSum: Buffer<Float>
    public let features: Buffer<Float>
    public let featureMean: Buffer<Float>
    public let featureM2: Buffer<Float>
    public let invSigma: Buffer<Float>
    public internal(set) var featureSamples = 0
    public let gradient: Buffer<Float>
    /// The same gradient while a sample runs, class-major (`k·inputRows + r`), so each step's
    /// rank-1 update runs over long contiguous rows; folded into ``gradient`` at the end.
    public let gradientByClass: Buffer<Float>

    public init(classes: Int, inputRows: Int) {
        self.classes = classes
        self.inputRows = inputRows
        y = Buffer(repeating: 0, count: classes)
        ySum = Buffer(repeating: 0, count: classes)
        current = Buffer(repeating: 0, count: classes)
        error = Buffer(repeating: 0, count: classes)
        inputTrace = Buffer(repeating: 0, count: inputRows)
        inputTraceSum = Buffer(repeating: 0, count: inputRows)
        features = Buffer(repeating: 0, count: inputRows)
        featureMean = Buffer(repeating: 0, count: inputRows)
        featureM2 = Buffer(repeating: 0, count: inputRows)
        invSigma = Buffer(repeating: 1, count: inputRows)
        gradient = Buffer(repeating: 0, count: inputRows * classes)
        gradientByClass = Buffer(repeating: 0, count: inputRows * classes)
    }

    /// Adds the class-major per-sample gradient into ``gradient`` (row-major) and clears it.
    public func foldGradient() {
        let g = gradient.pointer, t = gradientByClass.pointer
        for k in 0..<classes {
            let row = t + k * inputRows
            for r in 0..<inputRows { g[r * classes + k] += row[r]; row[r] = 0 }
        }
    }

    public func resetSample(keepPotentials: Bool = false) {
        if !keepPotentials { y.fill(0) }
        ySum.fill(0); inputTrace.fill(0); inputTraceSum.fill(0)
    }
}

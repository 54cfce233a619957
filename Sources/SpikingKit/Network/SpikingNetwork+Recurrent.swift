import CrossbarKit
import DeviceKit
import KitSupport

extension SpikingNetwork {
    /// The recurrent and adaptive parts of a network (DESIGN §5.2b), built after its
    /// feedforward layers so that a network without them draws exactly what it drew before.
    struct Recurrence {
        /// Every crossbar layer in network order: hidden 1, its recurrent crossbar (if any),
        /// hidden 2, …, the readout.
        var crossbars: [CrossbarLayer] = []
        /// Index in ``crossbars`` of each hidden layer's input crossbar.
        var inputCrossbar: [Int] = []
        var recurrent: [RecurrentSynapses?] = []
        /// General e-prop state of the input crossbar of layers with per-neuron dynamics.
        var inputTraces: [SynapseTraces?] = []
    }

    /// Draws each hidden layer's dynamics (stream `neuronParameters`), builds the recurrent
    /// crossbars (initial weights from stream `recurrentWeights`, devices continuing
    /// `deviceRNG` after every feedforward layer) and orders the crossbars.
    static func buildRecurrence(config: NetworkConfig, learning: LearningConfig, preset: DevicePreset,
                                crossbar: CrossbarConfig, writePath: WritePathConfig, seed: UInt64,
                                feedforward: [CrossbarLayer], hidden: [LIFLayer], eligibility: [Buffer<Float>],
                                deviceRNG: inout SeededGenerator) -> Recurrence {
        var neuronRNG = SeededGenerator(seed: seed, stream: .neuronParameters)
        var initRNG = SeededGenerator(seed: seed, stream: .recurrentWeights)
        var out = Recurrence()
        for (l, h) in hidden.enumerated() {
            let dynamics = NeuronDynamics.make(config, hiddenLayer: l, rng: &neuronRNG)
            h.dynamics = dynamics
            let adaptive = dynamics?.adaptive ?? 0
            // ε^v factorizes per row unless the neurons leak differently and α follows λ.
            let perSynapse = (dynamics?.heterogeneousLeak ?? false) && learning.traceDecay == 0
            out.inputCrossbar.append(out.crossbars.count)
            out.crossbars.append(feedforward[l])
            out.inputTraces.append(dynamics.map { _ in
                SynapseTraces(rows: h.inputRows, size: h.size, adaptive: adaptive, perSynapseMembrane: perSynapse,
                              presynaptic: h.inputTrace, filtered: eligibility[l], gradient: h.gradient)
            })
            guard config.isRecurrent(hiddenLayer: l) else { out.recurrent.append(nil); continue }
            let n = h.size
            let std = config.recurrentInitGain(hiddenLayer: l) / Float(n).squareRoot()
            let initial = (0..<(n * n)).map { _ in std * initRNG.nextGaussian() }
            let scale = config.maxWeight(layer: l) / CrossbarLayer.maxPairWeight(preset)
            let xb = CrossbarLayer(rows: n, cols: n, weightScale: scale, preset: preset, config: crossbar,
                                   writeConfig: writePath, initial: initial, rng: &deviceRNG)
            out.recurrent.append(RecurrentSynapses(hiddenLayer: l, crossbar: xb, adaptive: adaptive,
                                                   perSynapseMembrane: perSynapse, filter: learning.filterEligibility))
            out.crossbars.append(xb)
        }
        out.crossbars.append(feedforward[feedforward.count - 1])
        return out
    }

    /// Display names of ``layers``, in order (`hidden 1`, `hidden 1 (recurrent)`, …, `readout`).
    public var crossbarNames: [String] { config.crossbarNames }

    /// The gradient buffer of each crossbar layer, in ``layers`` order.
    static func gradients(hidden: [LIFLayer], recurrent: [RecurrentSynapses?], readout: Readout) -> [Buffer<Float>] {
        var out: [Buffer<Float>] = []
        for (h, rec) in zip(hidden, recurrent) {
            out.append(h.gradient)
            if let rec { out.append(rec.traces.gradient) }
        }
        return out + [readout.gradient]
    }

    /// Clears the per-sample state of the dynamics and the e-prop vectors (learning only).
    func resetRecurrence(learning learn: Bool) {
        for h in hidden { h.dynamics?.resetSample(threshold: config.threshold) }
        guard learn else { return }
        for c in firingCounts { c.fill(0) }
        for t in inputTraces { t?.resetSample() }
        for r in recurrent { r?.traces.resetSample() }
        if learning.feedback == .symmetric { loadSymmetricFeedback() }
    }

    /// Symmetric e-prop: the last hidden layer's feedback becomes the readout's weights as the
    /// array reads them now (apparent values: write noise, drift), `B_ik = w^out_ik`, stored
    /// class-major like the random matrices. Weights change only between samples, so one copy
    /// per sample is exact. Earlier hidden layers keep their fixed random matrices.
    func loadSymmetricFeedback() {
        guard let last = hidden.last else { return }
        let n = last.size, out = layers[layers.count - 1]
        let b = feedback[hidden.count - 1].pointer, w = out.readWeights.pointer, stride = out.stride
        for k in 0..<classes {
            for i in 0..<n { b[k * n + i] = w[i * stride + k] }
        }
    }

    /// Whether hidden layer `l` learns through ``SynapseTraces`` rather than §5.1's path.
    func usesGeneralTraces(_ l: Int) -> Bool { inputTraces[l] != nil }

    /// The e-prop step of hidden layer `l`'s general traces: its input crossbar (when its
    /// neurons have dynamics) and its recurrent crossbar, with the layer's learning signal
    /// `signal` (L_i[t]) and pseudo-derivatives already computed.
    func accumulateGeneralTraces(layer l: Int, input: UnsafePointer<Float>, signal: UnsafePointer<Float>,
                                 decay alpha: Float, counts: inout OperationCounts) {
        let h = hidden[l], kappa = config.readoutLeak
        let psi = UnsafePointer(h.pseudo.pointer)
        if let rec = recurrent[l] {
            rec.traces.step(input: rec.previousSpikes.pointer, decay: alpha, dynamics: h.dynamics,
                            pseudo: psi, signal: signal, kappa: kappa, counts: &counts)
        }
        inputTraces[l]?.step(input: input, decay: alpha, dynamics: h.dynamics,
                             pseudo: psi, signal: signal, kappa: kappa, counts: &counts)
    }
}

extension SpikingNetwork {
    /// The drawn time constants (λ_j, ρ_j) of every layer with per-neuron dynamics, as state.
    /// Homogeneous LIF layers write nothing, so their networks keep the state bytes they had.
    public func writeNeuronState(to w: inout StateWriter) {
        for h in hidden { h.dynamics?.writeState(to: &w) }
    }

    /// Restores ``writeNeuronState(to:)``.
    public func readNeuronState(from r: inout StateReader) throws {
        for h in hidden { try h.dynamics?.readState(from: &r) }
    }
}

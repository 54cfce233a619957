/// Walks the chain of a NIR graph node by node (``ImportedModel/init(graph:dtSeconds:)``).
struct NIRMapper {
    let dt: Double
    /// A weight node waiting for its neuron layer: `out × in`, bias per output.
    var weight: NIRMatrix?
    var weightName = ""
    var bias: [Float] = []
    /// Scale nodes met before the next weight node: multiply its inputs.
    var inputScale: [Float]?
    var sizes: [Int] = []
    var layerWeights: [(matrix: NIRMatrix, bias: [Float])] = []
    var hidden: [(name: String, leak: Float, threshold: Float)] = []
    var readout: Float?
    var lastNeuron = ""
    var inputShape: [Int] = []

    init(dt: Double) { self.dt = dt }

    mutating func add(_ node: NIRNode, name: String) throws {
        if readout != nil, !(node == .flatten || { if case .output = node { true } else { false } }()) {
            throw NIRError.badGraph(reason: "node '\(name)' follows the LI readout; Spikebar's readout is the last layer")
        }
        switch node {
        case let .input(shape): inputShape = shape
        case .output, .flatten: break
        case let .affine(w, b): try setWeight(w, bias: b, name: name)
        case let .linear(w): try setWeight(w, bias: [Float](repeating: 0, count: w.rows), name: name)
        case let .scale(s):
            if var w = weight {
                guard s.count == w.rows else { throw sizeError(name, s.count, w.rows) }
                for r in 0..<w.rows { for c in 0..<w.cols { w.values[r * w.cols + c] *= s[r] }; bias[r] *= s[r] }
                weight = w
            } else {
                inputScale = inputScale.map { zip($0, s).map(*) } ?? s
            }
        case let .lif(tau, r, vLeak, vThreshold, vReset):
            let tauValue = try uniform(tau, "tau", name), rValue = try uniform(r, "r", name)
            try neuron(name, size: tau.count, leak: 1 - dt / tauValue, gain: rValue * dt / tauValue,
                       threshold: vThreshold, vLeak: vLeak, vReset: vReset)
        case let .cubaLIF(tauMem, tauSyn, r, vLeak, vThreshold, vReset, wIn):
            let tauSynValue = try uniform(tauSyn, "tau_syn", name)
            guard abs(dt / tauSynValue - 1) < 1e-6 else {
                throw NIRError.unsupportedParameter(node: name, reason: "tau_syn = \(tauSynValue) s ≠ dt = \(dt) s needs a synaptic current filter, which Spikebar's LIF has not")
            }
            let tauValue = try uniform(tauMem, "tau_mem", name), rValue = try uniform(r, "r", name)
            let wInValue = try uniform(wIn, "w_in", name)
            try neuron(name, size: tauMem.count, leak: 1 - dt / tauValue, gain: rValue * dt / tauValue * wInValue,
                       threshold: vThreshold, vLeak: vLeak, vReset: vReset)
        case let .integrateAndFire(r, vThreshold, vReset):
            try neuron(name, size: r.count, leak: 1, gain: try uniform(r, "r", name) * dt,
                       threshold: vThreshold, vLeak: [], vReset: vReset)
        case let .li(tau, r, vLeak):
            guard vLeak.allSatisfy({ $0 == 0 }) else { throw NIRError.unsupportedParameter(node: name, reason: "v_leak must be 0") }
            let tauValue = try uniform(tau, "tau", name), rValue = try uniform(r, "r", name)
            let kappa = 1 - dt / tauValue
            guard kappa > 0, kappa < 1 else { throw leakError(name, "tau", tauValue, kappa) }
            try takeWeight(into: name, size: tau.count, gain: Float(rValue * dt / tauValue))
            readout = Float(kappa)
        case let .unsupported(type): throw NIRError.unsupportedNode(node: name, type: type)
        }
    }

    mutating func setWeight(_ w: NIRMatrix, bias b: [Float], name: String) throws {
        if weight != nil {
            throw NIRError.badGraph(reason: "weight nodes '\(weightName)' and '\(name)' follow each other; Spikebar needs a neuron layer between")
        }
        guard b.count == w.rows else { throw sizeError(name, b.count, w.rows) }
        var m = w
        if let s = inputScale {
            guard s.count == w.cols else { throw sizeError(name, s.count, w.cols) }
            for r in 0..<m.rows { for c in 0..<m.cols { m.values[r * m.cols + c] *= s[c] } }
            inputScale = nil
        }
        let expected = sizes.last ?? inputShape.reduce(1, *)
        if (!sizes.isEmpty || !inputShape.isEmpty) && m.cols != expected {
            throw NIRError.badGraph(reason: "'\(name)' takes \(m.cols) inputs but \(sizes.isEmpty ? "the Input gives" : "'\(lastNeuron)' has") \(expected)")
        }
        if sizes.isEmpty { sizes.append(m.cols) }
        weight = m
        weightName = name
        bias = b
    }

    mutating func neuron(_ name: String, size: Int, leak: Double, gain: Double, threshold: [Float], vLeak: [Float], vReset: [Float]) throws {
        guard vLeak.allSatisfy({ $0 == 0 }) else { throw NIRError.unsupportedParameter(node: name, reason: "v_leak must be 0") }
        guard vReset.allSatisfy({ $0 == 0 }) else { throw NIRError.unsupportedParameter(node: name, reason: "v_reset must be 0 (Spikebar resets to 0)") }
        guard leak > 0, leak <= 1 else { throw leakError(name, "tau", dt / (1 - leak), leak) }
        let theta = try uniform(threshold, "v_threshold", name)
        guard theta > 0 else { throw NIRError.unsupportedParameter(node: name, reason: "v_threshold must be positive") }
        try takeWeight(into: name, size: size, gain: Float(gain))
        hidden.append((name, Float(leak), Float(theta)))
    }

    mutating func takeWeight(into name: String, size: Int, gain rawGain: Float) throws {
        // A gain within 10⁻⁶ of 1 is 1: float32 τ and R = τ/dt (as snnTorch and Spikebar's
        // export write them) leave it a last bit off, which would change every weight.
        let gain = abs(rawGain - 1) < 1e-6 ? 1 : rawGain
        guard var w = weight else { throw NIRError.badGraph(reason: "neuron layer '\(name)' has no Affine or Linear node before it") }
        guard w.rows == size else { throw sizeError(weightName, w.rows, size, neurons: name) }
        for i in 0..<w.values.count { w.values[i] *= gain }
        layerWeights.append((w, bias.map { $0 * gain }))
        sizes.append(size)
        lastNeuron = name
        weight = nil
    }

    func finish() throws -> ImportedModel {
        guard let kappa = readout else { throw NIRError.badGraph(reason: "the chain must end in an LI readout before the Output (Spikebar's readout is a leaky integrator)") }
        if weight != nil { throw NIRError.badGraph(reason: "weight node '\(weightName)' has no neuron layer after it") }
        if let first = hidden.first, let other = hidden.first(where: { $0.leak != first.leak || $0.threshold != first.threshold }) {
            throw NIRError.unsupportedParameter(node: other.name, reason: "its leak \(other.leak) and threshold \(other.threshold) differ from '\(first.name)' (\(first.leak), \(first.threshold)); Spikebar's hidden layers share one")
        }
        let hasBias = layerWeights.contains { $0.bias.contains { $0 != 0 } }
        let weights = layerWeights.map { w, b -> [Float] in
            let rows = w.cols + (hasBias ? 1 : 0)
            var out = [Float](repeating: 0, count: rows * w.rows)
            for r in 0..<w.cols { for c in 0..<w.rows { out[r * w.rows + c] = w[c, r] } }
            if hasBias { for c in 0..<w.rows { out[w.cols * w.rows + c] = b[c] } }
            return out
        }
        let maxWeights = weights.map { w in max(w.map(abs).max() ?? 0, 1e-6) / ImportedModel.windowFill }
        return ImportedModel(layers: sizes, leak: hidden.first?.leak ?? 0.9, threshold: hidden.first?.threshold ?? 1,
                             readoutLeak: kappa, bias: hasBias, weights: weights, maxWeights: maxWeights, dtSeconds: dt)
    }

    func uniform(_ values: [Float], _ key: String, _ node: String) throws -> Double {
        guard let first = values.first else { throw NIRError.unsupportedParameter(node: node, reason: "\(key) is empty") }
        guard values.allSatisfy({ $0 == first }) else {
            throw NIRError.unsupportedParameter(node: node, reason: "\(key) differs between neurons; Spikebar needs one value per layer")
        }
        return Double(first)
    }

    func sizeError(_ node: String, _ got: Int, _ expected: Int, neurons: String? = nil) -> NIRError {
        .badGraph(reason: neurons.map { "'\(node)' has \(got) outputs but '\($0)' has \(expected) neurons" }
            ?? "'\(node)' has \(got) entries where \(expected) are needed")
    }

    func leakError(_ node: String, _ key: String, _ tau: Double, _ leak: Double) -> NIRError {
        .unsupportedParameter(node: node, reason: "\(key) = \(tau) s with dt = \(dt) s gives the leak 1 − dt/τ = \(leak), outside (0, 1]: choose a smaller --nir-dt")
    }
}

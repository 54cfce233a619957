import SpikingKit

extension NIRGraph {
    /// The network as a NIR graph: its apparent weights (as the array reads them now) and its
    /// constants, inverting ``ImportedModel``'s discretisation with time step `dt` —
    /// ```
    /// hidden layer   LIF  τ = dt/(1 − λ), R = τ/dt (input gain 1), v_threshold θ, v_reset 0
    ///                     (IF, R = 1, when λ = 1)
    /// readout        LI   τ = dt/(1 − κ), R = τ/dt
    /// crossbar       Affine (weight = the transposed read matrix, bias = its bias row) or Linear
    /// ```
    /// Refuses what NIR's chain of LIF nodes cannot say: recurrent layers, ALIF or drawn
    /// time constants, a windowed readout. NIR's LIF resets to v_reset (hard reset); a
    /// network with `reset: soft` is written all the same (``softResetNote``).
    public init(network n: SpikingNetwork, dtSeconds dt: Double) throws {
        let c = n.config
        guard n.recurrent.allSatisfy({ $0 == nil }) else { throw NIRError.badGraph(reason: "recurrent layers have no NIR chain form") }
        guard n.hidden.allSatisfy({ $0.dynamics == nil }) else {
            throw NIRError.badGraph(reason: "ALIF neurons or drawn time constants have no NIR LIF form")
        }
        guard c.readoutMode == .every else { throw NIRError.badGraph(reason: "a windowed readout (readoutMode \(c.readoutMode.rawValue)) has no NIR LI form") }
        var nodes: [String: NIRNode] = ["input": .input(shape: [c.inputs]), "output": .output(shape: [c.classes])]
        var chain = ["input"]
        let bias = c.bias ? 1 : 0
        for (l, xb) in n.layers.enumerated() {
            let inputs = xb.rows - bias, read = xb.weights
            var w = [Float](repeating: 0, count: xb.cols * inputs)
            for r in 0..<inputs { for k in 0..<xb.cols { w[k * inputs + r] = read[r * xb.cols + k] } }
            let matrix = NIRMatrix(rows: xb.cols, cols: inputs, values: w)
            let name = "fc\(l + 1)"
            nodes[name] = c.bias ? .affine(weight: matrix, bias: (0..<xb.cols).map { read[inputs * xb.cols + $0] }) : .linear(weight: matrix)
            chain.append(name)
            let size = xb.cols
            func uniform(_ v: Double) -> [Float] { [Float](repeating: Float(v), count: size) }
            if l < n.hidden.count {
                let neuron = "lif\(l + 1)"
                if c.leak == 1 {
                    nodes[neuron] = .integrateAndFire(r: uniform(1 / dt), vThreshold: uniform(Double(c.threshold)), vReset: uniform(0))
                } else {
                    let tau = dt / (1 - Double(c.leak))
                    nodes[neuron] = .lif(tau: uniform(tau), r: uniform(tau / dt), vLeak: uniform(0),
                                         vThreshold: uniform(Double(c.threshold)), vReset: uniform(0))
                }
                chain.append(neuron)
            } else {
                let tau = dt / (1 - Double(c.readoutLeak))
                nodes["li"] = .li(tau: uniform(tau), r: uniform(tau / dt), vLeak: uniform(0))
                chain.append("li")
            }
        }
        chain.append("output")
        self.init(nodes: nodes, edges: zip(chain, chain.dropFirst()).map { (from: $0, to: $1) }, dtSeconds: dt)
    }

    /// Said on stderr by `spikebar export nir` when the network resets softly.
    public static let softResetNote = "note: network.reset is soft (subtract θ); NIR's LIF resets to v_reset, so importers run the exported graph with a hard reset"
}

/// A dense matrix as NIR stores a weight: `rows × cols` row-major, rows = outputs, cols = inputs.
public struct NIRMatrix: Equatable, Sendable {
    public var rows: Int
    public var cols: Int
    public var values: [Float]
    public init(rows: Int, cols: Int, values: [Float]) {
        precondition(values.count == rows * cols)
        self.rows = rows; self.cols = cols; self.values = values
    }
    public subscript(r: Int, c: Int) -> Float { values[r * cols + c] }
}

/// The NIR nodes Spikebar reads (NIR 1.0; Pedersen et al. 2024, Nat. Commun. 15:8122).
/// Continuous-time neurons, with their equations as NIR defines them:
/// ```
/// LIF      τ·dv/dt = (v_leak − v) + R·I,   spike and reset to v_reset when v > v_threshold
/// CubaLIF  τ_syn·dI/dt = −I + w_in·S,  then the LIF above with τ_mem
/// IF       dv/dt = R·I,                    spike and reset as LIF
/// LI       τ·dv/dt = (v_leak − v) + R·I    (no spike: a readout)
/// ```
/// Parameters are per neuron (NIR arrays); Spikebar needs them equal within a layer.
public enum NIRNode: Equatable, Sendable {
    case input(shape: [Int])
    case output(shape: [Int])
    case affine(weight: NIRMatrix, bias: [Float])
    case linear(weight: NIRMatrix)
    case scale([Float])
    case flatten
    case lif(tau: [Float], r: [Float], vLeak: [Float], vThreshold: [Float], vReset: [Float])
    case cubaLIF(tauMem: [Float], tauSyn: [Float], r: [Float], vLeak: [Float], vThreshold: [Float], vReset: [Float], wIn: [Float])
    case integrateAndFire(r: [Float], vThreshold: [Float], vReset: [Float])
    case li(tau: [Float], r: [Float], vLeak: [Float])
    /// Any other NIR type (its name), refused when mapped.
    case unsupported(String)

    /// NIR's type name.
    public var typeName: String {
        switch self {
        case .input: return "Input"
        case .output: return "Output"
        case .affine: return "Affine"
        case .linear: return "Linear"
        case .scale: return "Scale"
        case .flatten: return "Flatten"
        case .lif: return "LIF"
        case .cubaLIF: return "CubaLIF"
        case .integrateAndFire: return "IF"
        case .li: return "LI"
        case let .unsupported(t): return t
        }
    }
}

/// A NIR graph: named nodes, directed edges, and the time step its metadata gives (if any).
public struct NIRGraph: Equatable, Sendable {
    public var nodes: [String: NIRNode]
    public var edges: [(from: String, to: String)]
    /// `metadata/dt` of the graph, seconds.
    public var dtSeconds: Double?

    public init(nodes: [String: NIRNode], edges: [(from: String, to: String)], dtSeconds: Double? = nil) {
        self.nodes = nodes; self.edges = edges; self.dtSeconds = dtSeconds
    }

    public static func == (a: NIRGraph, b: NIRGraph) -> Bool {
        a.nodes == b.nodes && a.dtSeconds == b.dtSeconds
            && a.edges.map { [$0.from, $0.to] } == b.edges.map { [$0.from, $0.to] }
    }
}

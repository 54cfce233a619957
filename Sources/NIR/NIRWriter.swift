/// Writes a ``NIRGraph`` as the `nir` package does (`nir.write`; read back by `nir.read`):
/// `/version`, `/node/type` = NIRGraph, `/node/nodes/<name>/…`, `/node/edges`, `/node/metadata/dt`.
public enum NIRWriter {
    /// The NIR format version written to `/version`.
    public static let version = "1.0.8"

    public static func write(_ graph: NIRGraph, to path: String) throws {
        let f = try HDF5Writer(creating: path)
        try f.strings("/version", [version], shape: [])
        try f.group("/node")
        try f.strings("/node/type", ["NIRGraph"], shape: [])
        try f.group("/node/nodes")
        for name in graph.nodes.keys.sorted() {
            let g = "/node/nodes/\(name)"
            try f.group(g)
            try node(graph.nodes[name]!, f, g)
        }
        try f.strings("/node/edges", graph.edges.flatMap { [$0.from, $0.to] }, shape: [graph.edges.count, 2])
        if let dt = graph.dtSeconds {
            try f.group("/node/metadata")
            try f.double("/node/metadata/dt", dt)
        }
    }

    static func node(_ node: NIRNode, _ f: HDF5Writer, _ g: String) throws {
        try f.strings("\(g)/type", [node.typeName], shape: [])
        func array(_ key: String, _ v: [Float]) throws { try f.floats("\(g)/\(key)", v, shape: [v.count]) }
        func matrix(_ key: String, _ m: NIRMatrix) throws { try f.floats("\(g)/\(key)", m.values, shape: [m.rows, m.cols]) }
        switch node {
        case let .input(shape), let .output(shape): try f.ints("\(g)/shape", shape.map(Int64.init))
        case let .affine(w, b): try matrix("weight", w); try array("bias", b)
        case let .linear(w): try matrix("weight", w)
        case let .scale(s): try array("scale", s)
        case .flatten: throw NIRError.badGraph(reason: "writing Flatten nodes is not supported")
        case let .lif(tau, r, vLeak, vThreshold, vReset):
            try array("tau", tau); try array("r", r); try array("v_leak", vLeak)
            try array("v_threshold", vThreshold); try array("v_reset", vReset)
        case let .cubaLIF(tauMem, tauSyn, r, vLeak, vThreshold, vReset, wIn):
            try array("tau_mem", tauMem); try array("tau_syn", tauSyn); try array("r", r); try array("v_leak", vLeak)
            try array("v_threshold", vThreshold); try array("v_reset", vReset); try array("w_in", wIn)
        case let .integrateAndFire(r, vThreshold, vReset):
            try array("r", r); try array("v_threshold", vThreshold); try array("v_reset", vReset)
        case let .li(tau, r, vLeak): try array("tau", tau); try array("r", r); try array("v_leak", vLeak)
        case let .unsupported(t): throw NIRError.unsupportedNode(node: g, type: t)
        }
    }
}

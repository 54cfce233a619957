/// Reads a NIR graph from its HDF5 file, as the `nir` package writes it (`nir.write`):
/// `/version`, and under `/node` the graph — `type` = `NIRGraph`, `nodes/<name>/type` and
/// one dataset per parameter, `edges` (`n × 2` strings), optional `metadata/dt`.
public enum NIRReader {
    public static func read(path: String) throws -> NIRGraph {
        let file = try HDF5File(readingFrom: path)
        guard file.exists("/node/type"), try file.strings("/node/type").first == "NIRGraph" else {
            throw file.malformed("no /node of type NIRGraph")
        }
        var nodes: [String: NIRNode] = [:]
        for name in try file.members("/node/nodes") {
            nodes[name] = try node(file, "/node/nodes/\(name)", name: name)
        }
        let flat = file.exists("/node/edges") ? try file.strings("/node/edges") : []
        guard flat.count % 2 == 0 else { throw file.malformed("/node/edges is not a list of pairs") }
        let edges = stride(from: 0, to: flat.count, by: 2).map { (from: flat[$0], to: flat[$0 + 1]) }
        var dt: Double?
        if file.exists("/node/metadata/dt") { dt = try file.numbers("/node/metadata/dt").values.first }
        return NIRGraph(nodes: nodes, edges: edges, dtSeconds: dt)
    }

    static func node(_ file: HDF5File, _ group: String, name: String) throws -> NIRNode {
        guard file.exists("\(group)/type"), let type = try file.strings("\(group)/type").first else {
            throw file.malformed("node '\(name)' has no type")
        }
        func array(_ key: String) throws -> [Float] {
            guard file.exists("\(group)/\(key)") else { throw file.malformed("node '\(name)' (\(type)) has no \(key)") }
            return try file.numbers("\(group)/\(key)").values.map(Float.init)
        }
        func optionalArray(_ key: String, like other: [Float]) throws -> [Float] {
            file.exists("\(group)/\(key)") ? try array(key) : [Float](repeating: 0, count: other.count)
        }
        func matrix(_ key: String) throws -> NIRMatrix {
            guard file.exists("\(group)/\(key)") else { throw file.malformed("node '\(name)' (\(type)) has no \(key)") }
            let (values, shape) = try file.numbers("\(group)/\(key)")
            guard shape.count == 2 else {
                throw NIRError.unsupportedParameter(node: name, reason: "\(key) has shape \(shape); Spikebar needs a 2-d matrix")
            }
            return NIRMatrix(rows: shape[0], cols: shape[1], values: values.map(Float.init))
        }
        switch type {
        case "Input", "Output":
            let shape = file.exists("\(group)/shape") ? try file.numbers("\(group)/shape").values.map { Int($0) } : []
            return type == "Input" ? .input(shape: shape) : .output(shape: shape)
        case "Affine": return .affine(weight: try matrix("weight"), bias: try array("bias"))
        case "Linear": return .linear(weight: try matrix("weight"))
        case "Scale": return .scale(try array("scale"))
        case "Flatten": return .flatten
        case "LIF":
            let threshold = try array("v_threshold")
            return .lif(tau: try array("tau"), r: try array("r"), vLeak: try array("v_leak"), vThreshold: threshold,
                        vReset: try optionalArray("v_reset", like: threshold))
        case "CubaLIF":
            let threshold = try array("v_threshold")
            return .cubaLIF(tauMem: try array("tau_mem"), tauSyn: try array("tau_syn"), r: try array("r"),
                            vLeak: try array("v_leak"), vThreshold: threshold,
                            vReset: try optionalArray("v_reset", like: threshold), wIn: try array("w_in"))
        case "IF":
            let threshold = try array("v_threshold")
            return .integrateAndFire(r: try array("r"), vThreshold: threshold, vReset: try optionalArray("v_reset", like: threshold))
        case "LI": return .li(tau: try array("tau"), r: try array("r"), vLeak: try array("v_leak"))
        default: return .unsupported(type)
        }
    }
}

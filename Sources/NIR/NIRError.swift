/// Why a NIR file cannot be used; each case prints as one line naming the file, node or key.
public enum NIRError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is missing, unreadable or not HDF5.
    case unreadable(path: String, reason: String)
    /// The HDF5 file does not hold a NIR graph where NIR puts it.
    case malformed(path: String, reason: String)
    /// A node type Spikebar cannot run (convolutions, pooling, delays, nested graphs, …).
    case unsupportedNode(node: String, type: String)
    /// The graph is not an Input → … → Output chain Spikebar can map (a cycle, a branch, a bad order).
    case badGraph(reason: String)
    /// A node's parameters have no Spikebar counterpart (per-neuron time constants, a
    /// non-zero leak voltage, a synaptic filter).
    case unsupportedParameter(node: String, reason: String)
    /// No time step to discretise with.
    case noTimestep(path: String)

    public var description: String {
        switch self {
        case let .unreadable(p, r): return "NIR file \(p): \(r)"
        case let .malformed(p, r): return "NIR file \(p) is not a NIR graph: \(r)"
        case let .unsupportedNode(n, t): return "NIR node '\(n)' has type \(t), which Spikebar does not support (supported: Input, Output, Affine, Linear, Scale, Flatten, LIF, CubaLIF with tau_syn = dt, IF, LI)"
        case let .badGraph(r): return "NIR graph: \(r)"
        case let .unsupportedParameter(n, r): return "NIR node '\(n)': \(r)"
        case let .noTimestep(p): return "NIR file \(p) gives no dt (graph metadata 'dt'): pass --nir-dt SECONDS (network.modelTimestepSeconds)"
        }
    }
}

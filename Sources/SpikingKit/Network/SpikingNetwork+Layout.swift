import CrossbarKit

extension SpikingNetwork {
    /// The chip this network occupies, for the area and latency model: its crossbar layers
    /// (bias rows included) on the configured tiles, its U_mem precision, and the digital
    /// learning memory it keeps per synapse —
    /// ```
    /// gradient buffers     32 bits × synapses                      (every layer)
    /// eligibilities ē      32 bits × synapses of hidden layers     (filterEligibility)
    /// χ accumulators       accumulatorBits × synapses               (accumulate scheme)
    /// ε^v, ε^a (§5.2b)     32 bits × per-synapse eligibility vectors (drawn leaks; ALIF columns)
    /// ```
    /// Per-neuron and per-row vectors (traces, signals, drawn time constants) are small and
    /// left out. Recurrent crossbars are marked as such (no neurons of their own).
    public func chipLayout(crossbar: CrossbarConfig, writePath: WritePathConfig) -> ChipLayout {
        let recurrentCrossbars = Set(recurrent.compactMap { $0.map { ObjectIdentifier($0.crossbar) } })
        let shapes = layers.map {
            ChipLayout.Layer(rows: $0.rows, cols: $0.cols, recurrent: recurrentCrossbars.contains(ObjectIdentifier($0)))
        }
        let all = Double(synapses)
        let hiddenSynapses = Double(layers.dropLast().reduce(0) { $0 + $1.rows * $1.cols })
        var bits = 32 * all
        if learning.filterEligibility { bits += 32 * hiddenSynapses }
        if writePath.scheme == .accumulate { bits += Double(writePath.accumulatorBits) * all }
        let vectors = (inputTraces + recurrent.map { $0?.traces }).reduce(0) { $0 + ($1?.extraSynapseValues ?? 0) }
        bits += 32 * Double(vectors)
        return ChipLayout(layers: shapes, tileRows: crossbar.tileRows, tileCols: crossbar.tileCols,
                          membraneBits: config.membraneBits, learningMemoryBits: bits)
    }
}

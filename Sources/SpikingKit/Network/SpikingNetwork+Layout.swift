import CrossbarKit

extension SpikingNetwork {
    /// The chip this network occupies, for the area and latency model: its crossbar layers
    /// (bias rows included) on the configured tiles, its U_mem precision, and the digital
    /// learning memory it keeps per synapse —
    /// ```
    /// gradient buffers     32 bits × synapses                      (every layer)
    /// eligibilities ē      32 bits × synapses of hidden layers     (filterEligibility)
    /// χ accumulators       accumulatorBits × synapses               (accumulate scheme)
    /// ```
    /// Per-neuron and per-row vectors (traces, signals) are small and left out.
    public func chipLayout(crossbar: CrossbarConfig, writePath: WritePathConfig) -> ChipLayout {
        let shapes = layers.map { ChipLayout.Layer(rows: $0.rows, cols: $0.cols) }
        let all = Double(synapses)
        let hiddenSynapses = Double(layers.dropLast().reduce(0) { $0 + $1.rows * $1.cols })
        var bits = 32 * all
        if learning.filterEligibility { bits += 32 * hiddenSynapses }
        if writePath.scheme == .accumulate { bits += Double(writePath.accumulatorBits) * all }
        return ChipLayout(layers: shapes, tileRows: crossbar.tileRows, tileCols: crossbar.tileCols,
                          membraneBits: config.membraneBits, learningMemoryBits: bits)
    }
}

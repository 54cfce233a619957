extension OperationCounts {
    /// The expected counts of one inference sample when every layer's input spikes
    /// independently with probability `spikeRate` at each of `timesteps` steps (for
    /// estimates without data; a run counts the real events instead). Per step and layer
    /// of R rows and C columns, with row-tiles of `tileRows`:
    /// ```
    /// active rows          r·R                       MACs   r·R·C
    /// active row-tiles     Σ_tiles 1 − (1 − r)^rows_in_tile
    /// ADC conversions      active row-tiles · C      (= partial-sum additions)
    /// tile activations     active row-tiles · ⌈C/tileCols⌉
    /// cell conductance     r·R·C·ḡ_pair              neuron updates   C
    /// ```
    /// `pairConductance` is the mean `g⁺ + g⁻` of a pair in units of Gmax (both devices
    /// mid-window: `1 + 1/onOff`). Learning and write counts stay zero.
    public static func expectedInference(sizes: [Int], timesteps: Int, spikeRate r: Double,
                                         tileRows: Int, tileCols: Int, pairConductance: Double) -> OperationCounts {
        var step = OperationCounts()
        for (rows, cols) in zip(sizes, sizes.dropFirst()) {
            var activeTiles = 0.0
            var start = 0
            while start < rows {
                let inTile = min(tileRows, rows - start)
                activeTiles += 1 - power(1 - r, inTile)
                start += tileRows
            }
            let active = r * Double(rows)
            step.activeRows += active
            step.macs += active * Double(cols)
            step.cellReadConductance += active * Double(cols) * pairConductance
            step.adcConversions += activeTiles * Double(cols)
            step.partialSumAdds += activeTiles * Double(cols)
            step.tileActivations += activeTiles * Double(ceilDiv(cols, tileCols))
            step.neuronUpdates += Double(cols)
        }
        var out = OperationCounts()
        for _ in 0..<timesteps { out += step }
        out.timesteps = Double(timesteps)
        return out
    }
}

/// `x^n` for a whole `n ≥ 0` by repeated squaring (no Foundation in the kits).
func power(_ x: Double, _ n: Int) -> Double {
    var result = 1.0, base = x, e = n
    while e > 0 {
        if e & 1 == 1 { result *= base }
        base *= base
        e >>= 1
    }
    return result
}

import KitSupport

/// The weight-side counts of NeuroBench's workload metrics (docs: README "NeuroBench
/// metrics"). NeuroBench counts a synaptic operation for every pair (non-zero input,
/// non-zero weight) of a connection layer, and a weight is a zero connection when it is
/// exactly 0; here a weight is the value the array reads, `s·(w̃⁺ − w̃⁻)`, so an analog pair
/// is a zero connection only when its two devices read exactly alike (ideal devices at rest,
/// an untouched zero-initialised readout). ``rowNonZero`` keeps the count per row up to date
/// on every refresh, so a read costs one add per active row.
extension CrossbarLayer {
    /// Effective synaptic operations of one read with `input`: `Σ_{r < weightRows, x_r ≠ 0}
    /// nnz_r`, the non-zero weights of every row with a non-zero input. `weightRows` leaves
    /// out the bias row (NeuroBench does not count a layer's bias as a synaptic operation).
    /// With `spikeList` (ascending active rows) only the listed rows are visited; otherwise
    /// the input is scanned. `binary`: every input is 0 or ±1, which NeuroBench calls a
    /// spiking input (its operations are accumulates, ACs; otherwise MACs).
    @inline(__always)
    public func effectiveSynapses(input: UnsafePointer<Float>, spikeList: UnsafePointer<Int32>?, spikeCount: Int,
                                  weightRows: Int) -> (operations: Int, binary: Bool) {
        let nnz = rowNonZero.pointer
        var ops = 0
        if let spikeList {
            for k in 0..<spikeCount {
                let r = Int(spikeList[k])
                if r < weightRows { ops &+= Int(nnz[r]) }
            }
            return (ops, true)
        }
        var binary = true
        for r in 0..<weightRows {
            let x = input[r]
            ops &+= isNonZero(x) &* Int(nnz[r])
            binary = binary && (x == 0 || x == 1 || x == -1)
        }
        return (ops, binary)
    }

    /// Weights of the first `weightRows` rows that read exactly zero (NeuroBench's
    /// connection sparsity counts the zeros of each layer's weight matrix, bias excluded).
    public func zeroWeights(weightRows: Int) -> Int {
        var nonZero = 0
        for r in 0..<weightRows { nonZero += Int(rowNonZero[r]) }
        return weightRows * cols - nonZero
    }
}

/// A histogram of pulses per device: `counts[k]` devices had a pulse count in
/// `[binEdges[k], binEdges[k+1])` (the last bin is closed on the right).
public struct PulseHistogram: Sendable, Codable, Equatable {
    /// Bin edges, pulses; `counts.count + 1` increasing values.
    public var binEdges: [Double]
    /// Devices per bin.
    public var counts: [Int]

    public init(binEdges: [Double], counts: [Int]) {
        precondition(binEdges.count == counts.count + 1, "a histogram needs one more edge than bins")
        self.binEdges = binEdges
        self.counts = counts
    }

    /// Bins `count` equal-width bins from 0 to the largest value (at least 1) — the binning
    /// the fixtures and the adapter use when the snapshot holds raw counts.
    public init(values: [Double], bins: Int) {
        precondition(bins > 0)
        let top = max(values.max() ?? 0, 1)
        let width = top / Double(bins)
        var counts = [Int](repeating: 0, count: bins)
        for v in values { counts[min(Int(v / width), bins - 1)] += 1 }
        self.init(binEdges: (0...bins).map { Double($0) * width }, counts: counts)
    }
}

/// A rows × columns grid of one wear quantity per cell, row-major, for a heat map.
public struct WearGrid: Sendable, Codable, Equatable {
    /// What the values are.
    public enum Quantity: String, Sendable, Codable {
        /// Pulses per cell (SET + RESET, both devices of the pair).
        case pulses
        /// Fraction of the endurance budget used, the larger of the pair, in [0, ∞).
        case budgetFraction
    }

    public var quantity: Quantity
    /// Crossbar rows (inputs) and columns (outputs) of the tile.
    public var rows: Int
    public var cols: Int
    /// `rows × cols` values, row-major.
    public var values: [Double]

    public init(quantity: Quantity, rows: Int, cols: Int, values: [Double]) {
        precondition(values.count == rows * cols, "grid needs rows × cols values")
        self.quantity = quantity
        self.rows = rows
        self.cols = cols
        self.values = values
    }

    public subscript(row: Int, col: Int) -> Double { values[row * cols + col] }
}

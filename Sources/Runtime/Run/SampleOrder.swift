import Datasets

/// The order in which a run takes its input's samples, as record numbers (0-based positions
/// in the file) — the samples themselves stay in the file.
public enum SampleOrder {
    /// The records of every pass before shuffling: file order, or NumPy's
    /// `RandomState(orderSeed).permutation(count)` when `orderSeed` is set; then only the
    /// first `limit` (all when nil or larger than the input).
    public static func records(count: Int, orderSeed: UInt32?, limit: Int?) -> [Int] {
        var order: [Int]
        if let orderSeed {
            var state = NumPyRandomState(seed: orderSeed)
            order = state.permutation(count)
        } else {
            order = Array(0..<count)
        }
        if let limit, limit < order.count { order.removeSubrange(limit...) }
        return order
    }

    /// The records of pass `pass`: `records` reshuffled with `shuffleSeed` (a new order per
    /// pass, the same Fisher–Yates draws as ``shuffled(_:seed:pass:)`` always made), or as
    /// they are.
    public static func pass(_ records: [Int], shuffleSeed: UInt64?, pass: Int) -> [Int] {
        shuffleSeed.map { shuffled(records, seed: $0, pass: pass) } ?? records
    }
}

extension RunSession {
    /// Classes implied by the largest label of the inputs (nil: unlabelled): that label + 1,
    /// at least 2 — the same as ``inferClasses(_:)`` over the samples.
    static func inferClasses(maxLabels: [Int?]) -> Int {
        max(2, (maxLabels.compactMap { $0 }.max() ?? 1) + 1)
    }
}

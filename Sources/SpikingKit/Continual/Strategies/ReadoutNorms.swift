import DeviceKit
import KitSupport

/// The arithmetic of the masked readout's norm correction (weight aligning, Zhao et al. 2020,
/// per class): with `w_k` the readout column of class k,
/// ```
/// ‖w_k‖ = √(Σ_r w_rk²)
/// g_k   = mean_{j seen, ‖w_j‖ > 0} ‖w_j‖ / ‖w_k‖     for a seen class with ‖w_k‖ > 0
/// g_k   = 1                                           otherwise
/// ```
/// The prediction is then `argmax_k g_k·ȳ_k`: a class whose weights grew larger because it was
/// trained last no longer wins by size alone.
public enum ReadoutNorms {
    /// Column norms of a row-major `rows × cols` matrix.
    public static func columnNorms(_ w: [Float], rows: Int, cols: Int) -> [Float] {
        precondition(w.count == rows * cols)
        var sq = [Float](repeating: 0, count: cols)
        for r in 0..<rows { for c in 0..<cols { sq[c] += w[r * cols + c] * w[r * cols + c] } }
        return sq.map { $0.squareRoot() }
    }

    /// Writes the gains g_k into `out`.
    public static func gains(norms: [Float], seen: [Bool], into out: Buffer<Float>) {
        precondition(norms.count == seen.count && out.count == norms.count)
        let used = norms.indices.filter { seen[$0] && norms[$0] > 0 }
        let mean = used.isEmpty ? 0 : used.reduce(Float(0)) { $0 + norms[$1] } / Float(used.count)
        for k in norms.indices { out[k] = seen[k] && norms[k] > 0 ? mean / norms[k] : 1 }
    }
}

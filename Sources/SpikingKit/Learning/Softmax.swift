import RealModule

/// Numerically stable softmax: `p_k = exp(v_k − max v) / Σ_j exp(v_j − max v)`.
@inline(__always)
public func softmax(_ v: UnsafePointer<Float>, count n: Int, into p: UnsafeMutablePointer<Float>) {
    var m = -Float.infinity
    for k in 0..<n where v[k] > m { m = v[k] }
    var sum: Float = 0
    for k in 0..<n {
        let e = Float.exp(v[k] - m)
        p[k] = e
        sum += e
    }
    let inv = 1 / sum
    for k in 0..<n { p[k] *= inv }
}

/// Index of the largest value (the first one on ties).
@inline(__always)
public func argmax(_ v: UnsafePointer<Float>, count n: Int) -> Int {
    var best = 0
    for k in 1..<max(n, 1) where v[k] > v[best] { best = k }
    return best
}

/// Restricts a softmax to the classes with `mask[k] = 1`: `p_k ← m_k·p_k / Σ_j m_j·p_j`, which
/// equals the softmax over the unmasked classes alone (the "labels trick", Zeno et al. 2018).
@inline(__always)
public func renormalize(_ p: UnsafeMutablePointer<Float>, mask: UnsafePointer<Float>, count n: Int) {
    var sum: Float = 0
    for k in 0..<n { p[k] *= mask[k]; sum += p[k] }
    guard sum > 0 else { return }
    let inv = 1 / sum
    for k in 0..<n { p[k] *= inv }
}

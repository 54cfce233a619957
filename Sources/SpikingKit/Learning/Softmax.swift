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

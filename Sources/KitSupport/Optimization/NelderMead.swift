/// Derivative-free minimization of `f: ℝⁿ → ℝ` by the Nelder–Mead simplex method (Nelder &
/// Mead 1965, "A simplex method for function minimization", Comput. J. 7:308), with the
/// standard coefficients: reflection α = 1, expansion γ = 2, contraction ρ = ½, shrink σ = ½.
///
/// Each iteration orders the n + 1 vertices by `f`, reflects the worst through the centroid
/// of the others, and expands, contracts or shrinks the simplex by what the reflected point
/// scores. It stops when the spread of `f` over the simplex, `f_worst − f_best`, is at most
/// `tolerance·(|f_best| + tiny)`, or after `maxEvaluations`. No gradients, so `f` may be
/// piecewise (clipping) or noisy; a minimum it finds is local — start it near the answer,
/// and restart it from its result (``minimize(_:start:steps:tolerance:maxEvaluations:restarts:)``)
/// to leave a collapsed simplex.
///
/// Pure: no allocation per evaluation beyond the vertex arrays; `f` must be deterministic.
public enum NelderMead {
    public struct Result: Sendable {
        /// The best point found and its value.
        public var point: [Double]
        public var value: Double
        /// Calls of `f`.
        public var evaluations: Int
    }

    /// Minimizes `f` from `start`, the initial simplex `start` plus `steps[i]` along axis i.
    /// - Parameters:
    ///   - tolerance: relative spread of `f` over the simplex that ends a run (default 1e-12).
    ///   - maxEvaluations: budget of `f` calls over all runs (default 20 000).
    ///   - restarts: further runs from the best point with the initial steps (default 2).
    public static func minimize(_ f: ([Double]) -> Double, start: [Double], steps: [Double], tolerance: Double = 1e-12,
                                maxEvaluations: Int = 20_000, restarts: Int = 2) -> Result {
        precondition(!start.isEmpty && steps.count == start.count, "one step per coordinate")
        var best = Result(point: start, value: f(start), evaluations: 1)
        for _ in 0...restarts where best.evaluations < maxEvaluations {
            let run = once(f, start: best.point, steps: steps, tolerance: tolerance,
                           maxEvaluations: maxEvaluations - best.evaluations)
            let evaluations = best.evaluations + run.evaluations
            if run.value <= best.value { best = run }
            best.evaluations = evaluations
        }
        return best
    }

    static func once(_ f: ([Double]) -> Double, start: [Double], steps: [Double], tolerance: Double,
                     maxEvaluations: Int) -> Result {
        let n = start.count
        var vertices = [start]
        for i in 0..<n {
            var v = start
            v[i] += steps[i]
            vertices.append(v)
        }
        var values = vertices.map { value(f, $0) }
        var evaluations = n + 1
        var centroid = [Double](repeating: 0, count: n)
        func along(_ t: Double) -> [Double] {   // centroid + t·(centroid − worst)
            (0..<n).map { centroid[$0] + t * (centroid[$0] - vertices[n][$0]) }
        }
        while evaluations < maxEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            vertices = order.map { vertices[$0] }
            values = order.map { values[$0] }
            if values[n] - values[0] <= tolerance * (abs(values[0]) + 1e-300) { break }
            for j in 0..<n { centroid[j] = (0..<n).reduce(0) { $0 + vertices[$1][j] } / Double(n) }

            let reflected = along(1)
            let fr = value(f, reflected); evaluations += 1
            if fr < values[0] {
                let expanded = along(2)
                let fe = value(f, expanded); evaluations += 1
                (vertices[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr)
            } else if fr < values[n - 1] {
                (vertices[n], values[n]) = (reflected, fr)
            } else {
                // Contract toward the better of the worst and its reflection.
                let outside = fr < values[n]
                let contracted = along(outside ? 0.5 : -0.5)
                let fc = value(f, contracted); evaluations += 1
                if fc < (outside ? fr : values[n]) {
                    (vertices[n], values[n]) = (contracted, fc)
                } else {
                    for i in 1...n {
                        vertices[i] = (0..<n).map { vertices[0][$0] + 0.5 * (vertices[i][$0] - vertices[0][$0]) }
                        values[i] = value(f, vertices[i])
                    }
                    evaluations += n
                }
            }
        }
        let b = values.indices.min { values[$0] < values[$1] } ?? 0
        return Result(point: vertices[b], value: values[b], evaluations: evaluations)
    }

    /// `f(x)`, with NaN read as +∞ so that an invalid point is never preferred.
    static func value(_ f: ([Double]) -> Double, _ x: [Double]) -> Double {
        let v = f(x)
        return v.isNaN ? .infinity : v
    }
}

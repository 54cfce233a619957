import RealModule

/// The equations of the lifetime controller (issue #18), pure and stateless, so that the
/// runtime, the recorder and the tests use the same formulas.
///
/// **Projection from recent wear.** For a group of devices (a tile), with n_i pulses so far,
/// budget N_i, and Δn_i pulses over the last H samples:
/// ```
/// r_i = Δn_i / H                          recent pulses per sample
/// S_i = (N_i − n_i) / r_i                 samples until device i fails
///       0  if it has failed (or n_i ≥ N_i);  ∞  if r_i = 0 or N_i = ∞
/// S_f = S₍k₎,  k = max(1, ⌈f·N⌉)          samples until a fraction f of the N devices failed
/// T_f = S_f / R                           seconds at R samples/s
/// ```
/// the same law as the report's whole-run projection (`FailureTimes`), with the recent rate
/// in place of the whole-run mean `n_i / samples`.
///
/// **Control.** Each tile j has a write scale s_j ∈ [s_min, 1] that multiplies every desired
/// weight change of the tile before the write path (under the `accumulate` scheme the same as
/// raising the tile's threshold ε to ε/s_j). Every control step, with target Y seconds and
/// margin m:
/// ```
/// ρ_j  = T_f,j / (m·Y)                                   how far the tile is from its target
/// s_j ← clamp(s_j · min(ρ_j^κ, u), s_min, 1)             multiplicative (log-linear) law
/// ```
/// If a tile's recent pulse rates are proportional to its write scale, `r ∝ s^β`, the
/// projection moves as `T ∝ s^(−β)` and the law is, in logarithms,
/// `log ρ' = (1 − κβ)·log ρ`: it converges to `ρ = 1` (T = m·Y ≥ Y) for every `0 < κβ < 2`.
/// Under `accumulate`, drift-like updates give β = 1 and noise-like ones β = 2 (a random walk
/// crosses ±ε at a rate ∝ s²), so κ = 0.5 converges for both (deadbeat for β = 2). The cap u
/// bounds how fast a tile recovers when it has no recent pulses (ρ = ∞).
public enum LifetimeLaw {
    /// S_i of one device, samples (see the type's doc).
    @inline(__always)
    public static func samplesToFailure(pulses n: Double, recentPulses dn: Double, horizonSamples h: Double,
                                        budget: Double, failed: Bool) -> Double {
        if failed || n >= budget { return 0 }
        guard dn > 0, h > 0, budget.isFinite else { return .infinity }
        return (budget - n) / (dn / h)
    }

    /// k = max(1, ⌈f·N⌉): how many devices make "a fraction f failed" (1e-9 forgives the
    /// rounding of f·N, so 1 % of 300 is 3).
    public static func rank(fraction f: Double, devices: Int) -> Int {
        max(1, Int((f * Double(devices) - 1e-9).rounded(.up)))
    }

    /// The k-th smallest of `values` (1-based), reordering them in place; ∞ when empty.
    public static func kthSmallest(_ values: inout [Double], _ k: Int) -> Double {
        guard !values.isEmpty else { return .infinity }
        values.sort()
        return values[min(k, values.count) - 1]
    }

    /// The next write scale of a tile (see the type's doc). `projectedSeconds` is T_f,
    /// `targetSeconds` is m·Y.
    public static func nextScale(_ s: Double, projectedSeconds t: Double, targetSeconds y: Double,
                                 gain: Double, maxIncrease u: Double, minScale: Double) -> Double {
        precondition(y > 0 && gain > 0 && u >= 1 && minScale > 0 && minScale <= 1)
        let factor: Double
        if t.isInfinite { factor = u } else if t <= 0 { factor = 0 } else {
            factor = min(Double.exp(gain * Double.log(t / y)), u)
        }
        return min(max(s * factor, minScale), 1)
    }
}

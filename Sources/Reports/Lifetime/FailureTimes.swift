import SpikingKit

/// The two pure steps of the lifetime projection (DESIGN §4.3): each device's time to
/// failure, and the time by which a given fraction of a group of devices has failed.
public enum FailureTimes {
    /// Time to failure of each device at a deployment sample rate, seconds:
    /// ```
    /// p_i = n_i / samples                         observed pulses per sample
    /// t_i = (N_end,i − n_i) / (p_i · R)           R = samplesPerSecond
    /// ```
    /// - `t_i = 0` for a device that has already failed (`failed[i]`, or `n_i ≥ N_end,i`).
    /// - `t_i = ∞` when the device received no pulse (`p_i = 0`, including `samples = 0`)
    ///   or its budget is infinite (wear-out off): at the observed rate it never fails.
    ///
    /// The projection assumes the future looks like the observed run: the same pulses per
    /// sample per device, no change of workload, no extra failures from neighbours.
    public static func seconds(of tile: TileDevices, samples: Int, samplesPerSecond: Double) -> [Double] {
        precondition(samplesPerSecond > 0, "deployment sample rate must be positive")
        precondition(samples >= 0)
        return (0..<tile.count).map { i in
            let n = tile.pulses[i]
            let budget = tile.budgets[i]
            if tile.failed[i] || n >= budget { return 0 }
            guard n > 0, samples > 0, budget.isFinite else { return .infinity }
            let pulsesPerSample = n / Double(samples)
            return (budget - n) / (pulsesPerSample * samplesPerSecond)
        }
    }

    /// The same from recent wear (issue #18): each device's rate is its pulses over the last
    /// K windows, `p_i = Δn_i / H`, instead of the whole-run mean; the remaining budget is
    /// still `N_end,i − n_i`:
    /// ```
    /// t_i = (N_end,i − n_i) / ((Δn_i / H) · R)
    /// ```
    /// with the same 0 (failed) and ∞ (no recent pulse, or infinite budget) cases.
    public static func recentSeconds(of tile: TileDevices, horizonSamples h: Int, samplesPerSecond: Double) -> [Double] {
        precondition(samplesPerSecond > 0, "deployment sample rate must be positive")
        guard let recent = tile.recentPulses else { return [Double](repeating: .infinity, count: tile.count) }
        // The controller's law (SpikingKit), in samples, then seconds at R.
        return (0..<tile.count).map { i in
            LifetimeLaw.samplesToFailure(pulses: tile.pulses[i], recentPulses: recent[i], horizonSamples: Double(h),
                                         budget: tile.budgets[i], failed: tile.failed[i]) / samplesPerSecond
        }
    }

    /// The time until at least `fraction` of the devices have failed, seconds: with the
    /// times sorted ascending `t₍₁₎ ≤ … ≤ t₍N₎`, it is `t₍k₎` with `k = max(1, ⌈fraction·N⌉)`
    /// (the empirical quantile that never interpolates: the first moment at which k devices
    /// are down). `∞` when that device never fails, or when the group is empty.
    ///
    /// `⌈·⌉` forgives a rounding error of 1e-9 so that, for example, 1 % of 300 devices is
    /// 3 devices and not 4.
    public static func timeToFraction(_ fraction: Double, sortedSeconds t: [Double]) -> Double {
        precondition(fraction > 0 && fraction <= 1, "fraction must be in (0, 1]")
        guard !t.isEmpty else { return .infinity }
        let k = max(1, Int((fraction * Double(t.count) - 1e-9).rounded(.up)))
        return t[min(k, t.count) - 1]
    }
}

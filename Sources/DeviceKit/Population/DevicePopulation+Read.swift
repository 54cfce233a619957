import KitSupport
import RealModule

extension DevicePopulation {
    /// What a read of device `i` returns at emulated time `t` (device units, no read noise):
    /// the apparent state after its last write, relaxed toward the window centre by
    /// retention loss `exp(−Δt/τ)`, then its conductance decayed by drift
    /// `G = G₀·(Δt/t₀)^(−ν)` for `Δt > t₀` (`Δt` = time since the last write).
    @inlinable
    public func readValue(_ i: Int, timeSeconds t: Float) -> Float {
        var w = apparent.pointer[i]
        let d = preset.drift
        guard d.isEnabled, status.pointer[i] == DeviceStatus.healthy.rawValue else { return w }
        let (lo, hi) = variation.nominalBounds(i)
        let dt = t - lastWriteSeconds.pointer[i]
        if d.retentionSeconds.isFinite, dt > 0 {
            let centre = (lo + hi) / 2
            w = centre + (w - centre) * Float.exp(-dt / d.retentionSeconds)
        }
        if d.nu > 0, dt > d.t0Seconds {
            let nu = d.nu * driftSpread(i)
            let g = normalizedConductance(w: w, nominal: (lo, hi)) * Float.pow(dt / d.t0Seconds, -nu)
            w = lo + (g - gMin) / (1 - gMin) * (hi - lo)
        }
        return w
    }

    /// Per-device multiplier of ν, `1 + nuDtod·ξ` (clipped at 0), derived deterministically
    /// from the device index so it needs no storage.
    @inlinable
    func driftSpread(_ i: Int) -> Float {
        let s = preset.drift.nuDtod
        guard s > 0 else { return 1 }
        var g = SeededGenerator(seed: UInt64(i) &* 0x9E37_79B9_7F4A_7C15 ^ 0xD1F7)
        return max(1 + s * g.nextGaussian(), 0)
    }
}

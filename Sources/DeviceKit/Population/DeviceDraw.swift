import KitSupport
import RealModule

/// One device's device-to-device draws, made once at construction, following aihwkit's
/// `PulsedRPUDevice::populate` (restated, not copied):
/// - step gain `g = 1 + dwMinDtod·ξ₁` and asymmetry noise `r = upDownDtod·ξ₂`;
///   for β = upDown > 0: `Δ⁺ = Δw_min·(g + r)`, `Δ⁻ = Δw_min·(g − β − r)`;
///   for β ≤ 0: `Δ⁺ = Δw_min·(g + β + r)`, `Δ⁻ = Δw_min·(g − r)`; both then taken as magnitudes;
/// - bounds `b_max = wMax·(1 + wMaxDtod·ξ₃)`, `b_min = wMin·(1 + wMinDtod·ξ₄)`, swapped if
///   they cross (aihwkit's `enforce_consistency`);
/// - law shapes: LinearStep slopes `γ± + γ±_dtod·ξ` (magnitudes unless `allowIncreasing`);
///   PowStep exponents with the same one-sided asymmetry as the steps; NeuroSim's A
///   `A·(1 + aDtod·ξ)` (NeuroSim draws its spread on the NL label instead; documented).
public struct DeviceDraw: Sendable {
    public var stepUp: Float
    public var stepDown: Float
    public var lo: Float
    public var hi: Float
    public var shapeUp: Float = 0
    public var shapeDown: Float = 0

    public init(_ p: DeviceParameters, step: Float, rng: inout SeededGenerator) {
        let g = 1 + p.dwMinDtod * rng.nextGaussian()
        let r = p.upDownDtod * rng.nextGaussian()
        (stepUp, stepDown) = Self.oneSided(step, gain: g, noise: r, asymmetry: p.upDown)
        var hi = p.wMax * (1 + p.wMaxDtod * rng.nextGaussian())
        var lo = p.wMin * (1 + p.wMinDtod * rng.nextGaussian())
        if lo > hi { swap(&lo, &hi) }
        if hi == lo { hi = lo + step }
        self.lo = lo
        self.hi = hi
        switch p.model {
        case .linearStep:
            var up = p.effectiveGammaUp + p.gammaUpDtod * rng.nextGaussian()
            var down = p.effectiveGammaDown + p.gammaDownDtod * rng.nextGaussian()
            if !p.allowIncreasing { up = abs(up); down = abs(down) }
            shapeUp = up; shapeDown = down
        case .expStep:
            shapeUp = p.effectiveGammaUp; shapeDown = p.effectiveGammaDown
        case .powStep:
            let gg = 1 + p.powGammaDtod * rng.nextGaussian()
            let rr = p.powUpDownDtod * rng.nextGaussian()
            (shapeUp, shapeDown) = Self.oneSided(p.powGamma, gain: gg, noise: rr, asymmetry: p.powUpDown)
        case .neurosim:
            shapeUp = p.aLTP * (1 + p.aDtod * rng.nextGaussian())
            shapeDown = p.aLTD * (1 + p.aDtod * rng.nextGaussian())
        case .ideal, .constantStep, .softBounds:
            break
        }
    }

    /// aihwkit's one-sided asymmetry of an up/down pair around `scale`: with gain `g`, noise
    /// `r` and asymmetry β, `(|s·(g + r)|, |s·(g − β − r)|)` for β > 0, else
    /// `(|s·(g + β + r)|, |s·(g − r)|)`.
    static func oneSided(_ s: Float, gain g: Float, noise r: Float, asymmetry beta: Float) -> (up: Float, down: Float) {
        beta > 0 ? (abs(s * (g + r)), abs(s * (g - beta - r))) : (abs(s * (g + beta + r)), abs(s * (g - r)))
    }
}

import KitSupport
import RealModule

/// One device's device-to-device draws, regenerated on demand by ``DeviceVariation`` from
/// (seed, device index) rather than stored, following aihwkit's
/// `PulsedRPUDevice::populate` (restated, not copied):
/// - step gain `g = 1 + dwMinDtod·ξ₁` and asymmetry noise `r = upDownDtod·ξ₂`;
///   for β = upDown > 0: `Δ⁺ = Δw_min·(g + r)`, `Δ⁻ = Δw_min·(g − β − r)`;
///   for β ≤ 0: `Δ⁺ = Δw_min·(g + β + r)`, `Δ⁻ = Δw_min·(g − r)`; both then taken as magnitudes;
/// - bounds `b_max = wMax·(1 + wMaxDtod·ξ₃)`, `b_min = wMin·(1 + wMinDtod·ξ₄)`, swapped if
///   they cross (aihwkit's `enforce_consistency`);
/// - law shapes: LinearStep slopes `γ± + γ±_dtod·ξ` (magnitudes unless `allowIncreasing`);
///   PowStep exponents with the same one-sided asymmetry as the steps; NeuroSim's A
///   `A·(1 + aDtod·ξ)` (NeuroSim draws its spread on the NL label instead; documented).
///
/// The same values, read back from a ``DevicePopulation`` with `lo`, `hi` its *current*
/// bounds, are what ``PulseLaw/meanStep(up:w:device:meanBounds:)`` evaluates a law on: the
/// law's parameters are shared by all devices, these are per device.
public struct DeviceDraw: Sendable {
    /// Mean step magnitudes Δ⁺, Δ⁻, device units.
    public var stepUp: Float
    public var stepDown: Float
    /// Lower and upper bound, device units.
    public var lo: Float
    public var hi: Float
    /// The law's per-device shape, up and down: LinearStep slopes γ±, PowStep or ExpStep
    /// exponents γ±, NeuroSim A± (pulses); 0 for the other laws.
    public var shapeUp: Float = 0
    public var shapeDown: Float = 0

    /// One device's values as stored (e.g. read from a population for one pulse).
    @inlinable
    public init(stepUp: Float, stepDown: Float, lo: Float, hi: Float, shapeUp: Float, shapeDown: Float) {
        self.stepUp = stepUp
        self.stepDown = stepDown
        self.lo = lo
        self.hi = hi
        self.shapeUp = shapeUp
        self.shapeDown = shapeDown
    }

    /// aihwkit's one-sided asymmetry of an up/down pair around `scale`: with gain `g`, noise
    /// `r` and asymmetry β, `(|s·(g + r)|, |s·(g − β − r)|)` for β > 0, else
    /// `(|s·(g + β + r)|, |s·(g − r)|)`.
    @inlinable
    public static func oneSided(_ s: Float, gain g: Float, noise r: Float, asymmetry beta: Float) -> (up: Float, down: Float) {
        beta > 0 ? (abs(s * (g + r)), abs(s * (g - beta - r))) : (abs(s * (g + beta + r)), abs(s * (g - r)))
    }
}

import KitSupport
/// The law-specific parameters of aihwkit's LinearStepDevice, whose mean step falls
/// linearly with the weight:
///
/// ```
/// up:   Δ = Δ⁺·(1 − γ⁺·w/ref⁺)        ref⁺ = wMax (meanBoundReference) or the device's b_max
/// down: Δ = −Δ⁻·(1 − γ⁻·w/ref⁻)       ref⁻ = wMin (meanBoundReference) or the device's b_min
/// ```
///
/// `Δ±` are the device's drawn step magnitudes (``DeviceParameters``, ``DeviceDraw``) and
/// `γ±` its drawn slopes `gammaUp/gammaDown + gammaUpDtod/gammaDownDtod·ξ`. With γ = 1 on
/// the device's own bounds this is ``SoftBoundsParameters``' law.
public struct LinearStepParameters: Equatable, Sendable {
    /// Fractional decrease γ⁺ of the up step at the upper bound, dimensionless (aihwkit
    /// `gamma_up`; YAML key `gammaUp`). Unset (`default`) means aihwkit's default, 0. The key
    /// is shared with ``ExpStepParameters/gammaUp``: it sets both.
    public var gammaUp: Float? = nil
    /// The same for the down step (aihwkit `gamma_down`; YAML `gammaDown`; default 0).
    public var gammaDown: Float? = nil
    /// Device-to-device spread of γ⁺, absolute (aihwkit `gamma_up_dtod`, whose default is
    /// 0.05; YAML `gammaUpDtod`; ours 0: noiseless unless a preset says otherwise).
    public var gammaUpDtod: Float = 0
    /// Device-to-device spread of γ⁻, absolute (aihwkit `gamma_down_dtod`; YAML `gammaDownDtod`; default 0).
    public var gammaDownDtod: Float = 0
    /// When false, drawn slopes are replaced by their magnitude, so steps only ever shrink
    /// toward the bounds (aihwkit `allow_increasing`, default false; YAML `allowIncreasing`).
    public var allowIncreasing: Bool = false
    /// When true the slope references are the mean bounds `wMax`, `wMin`; otherwise each
    /// device's own bounds (aihwkit `mean_bound_reference`, default true; YAML `meanBoundReference`).
    public var meanBoundReference: Bool = true
    /// When true the cycle-to-cycle noise multiplies the whole (state-dependent) step,
    /// otherwise only its constant part `Δ±` (aihwkit `mult_noise`, default true; YAML
    /// `multNoise`, shared with ``SoftBoundsParameters/multNoise``: the key sets both).
    public var multNoise: Bool = true

    public init() {}

    /// γ⁺ in effect: the configured value or aihwkit's default 0.
    public var effectiveGammaUp: Float { gammaUp ?? 0 }
    /// γ⁻ in effect: the configured value or aihwkit's default 0.
    public var effectiveGammaDown: Float { gammaDown ?? 0 }

    /// Range checks, each naming its YAML key under `path`.
    public func validate(at path: String) throws {
        try Validate.nonNegative(gammaUpDtod, ConfigKey.join(path, "gammaUpDtod"))
        try Validate.nonNegative(gammaDownDtod, ConfigKey.join(path, "gammaDownDtod"))
    }
}

/// The law-specific parameter of aihwkit's SoftBoundsDevice: LinearStep with γ = 1 on the
/// device's own bounds, so the step vanishes at the bound:
///
/// ```
/// up:   Δ = Δ⁺·(1 − w/b_max)
/// down: Δ = −Δ⁻·(1 − w/b_min)          (needs wMin < 0 < wMax)
/// ```
public struct SoftBoundsParameters: Equatable, Sendable {
    /// When true the cycle-to-cycle noise multiplies the whole step, otherwise only `Δ±`
    /// (aihwkit `mult_noise`, default true; YAML `multNoise`, shared with
    /// ``LinearStepParameters/multNoise``: the key sets both).
    public var multNoise: Bool = true

    public init() {}
}

import KitSupport
/// The law-specific parameters of aihwkit's ExpStepDevice, whose step collapses
/// exponentially toward one end of the window:
///
/// ```
/// z    = 2·a·w/R + b                       R = b_max − b_min
/// up:   Δ = Δ⁺·max(1 − A_up·e^(γ_up·z), 0)
/// down: Δ = −Δ⁻·max(1 − A_down·e^(−γ_down·z), 0)
/// ```
///
/// The defaults are aihwkit's (fitted there to a measured device).
public struct ExpStepParameters: Equatable, Sendable {
    /// Amplitude A_up of the exponential term going up, dimensionless (aihwkit `A_up`,
    /// default 0.00081; YAML `aUp`).
    public var aUp: Float = 0.00081
    /// Amplitude A_down going down (aihwkit `A_down`, default 0.36833; YAML `aDown`).
    public var aDown: Float = 0.36833
    /// Slope `a` of `z`, dimensionless (aihwkit `a`, default 0.244; YAML `a`).
    public var a: Float = 0.244
    /// Offset `b` of `z`, dimensionless (aihwkit `b`, default 0.2425; YAML `b`).
    public var b: Float = 0.2425
    /// Exponent γ_up of the up branch, dimensionless (aihwkit `gamma_up`; YAML `gammaUp`).
    /// Unset (`default`) means aihwkit's 12.44625. The key is shared with
    /// ``LinearStepParameters/gammaUp``: it sets both.
    public var gammaUp: Float? = nil
    /// Exponent γ_down of the down branch (aihwkit `gamma_down`; YAML `gammaDown`); unset
    /// means aihwkit's 12.78785.
    public var gammaDown: Float? = nil

    public init() {}

    /// γ_up in effect: the configured value or aihwkit's default 12.44625.
    public var effectiveGammaUp: Float { gammaUp ?? 12.44625 }
    /// γ_down in effect: the configured value or aihwkit's default 12.78785.
    public var effectiveGammaDown: Float { gammaDown ?? 12.78785 }
}

import KitSupport
/// The law-specific parameters of aihwkit's PowStepDevice, whose step saturates as a power
/// of the distance to the bound it moves toward:
///
/// ```
/// up:   Δ = Δ⁺·((b_max − w)/R)^γ⁺
/// down: Δ = −Δ⁻·((w − b_min)/R)^γ⁻        R = b_max − b_min
/// ```
///
/// Each device draws `γ± ` from `powGamma` with gain `1 + powGammaDtod·ξ`, noise
/// `powUpDownDtod·ξ` and the one-sided asymmetry `powUpDown`, as its steps are drawn
/// (see ``DeviceDraw``).
public struct PowStepParameters: Equatable, Sendable {
    /// Exponent γ of the saturation law, dimensionless (aihwkit `pow_gamma`, default 1;
    /// YAML `powGamma`). Must be positive.
    public var gamma: Float = 1
    /// Device-to-device spread of γ, relative (aihwkit `pow_gamma_dtod`; YAML `powGammaDtod`; default 0).
    public var gammaDtod: Float = 0
    /// Up/down asymmetry β of the exponent, applied one-sided as aihwkit's code does: for
    /// β > 0, `γ⁺ = γ`, `γ⁻ = γ·(1 − β)`; for β ≤ 0, `γ⁺ = γ·(1 + β)`, `γ⁻ = γ` (aihwkit
    /// `pow_up_down`, default 0; YAML `powUpDown`; within ±0.99).
    public var upDown: Float = 0
    /// Device-to-device spread of β, absolute (aihwkit `pow_up_down_dtod`; YAML `powUpDownDtod`; default 0).
    public var upDownDtod: Float = 0

    public init() {}

    /// Range checks, each naming its YAML key under `path`.
    public func validate(at path: String) throws {
        try Validate.nonNegative(gammaDtod, ConfigKey.join(path, "powGammaDtod"))
        try Validate.nonNegative(upDownDtod, ConfigKey.join(path, "powUpDownDtod"))
        try Validate.positive(gamma, ConfigKey.join(path, "powGamma"))
        try Validate.inRange(upDown, -0.99...0.99, ConfigKey.join(path, "powUpDown"))
    }
}

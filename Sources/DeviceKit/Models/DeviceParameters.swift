import KitSupport

/// The pulse-update parameters of one device type, named as aihwkit names them (in
/// camelCase) so that values can be carried across: `dw_min` is ``dwMin``, `dw_min_dtod` is
/// ``dwMinDtod``, and so on. Suffixes: `Dtod` is device-to-device spread (drawn once per
/// device at construction), `Std` is cycle-to-cycle spread (fresh per pulse).
///
/// All weights are in normalized device units (see ``PulseModel``). Defaults are a
/// noiseless constant-step device on aihwkit's ±0.6 range; presets override them.
public struct DeviceParameters: Equatable, Sendable {
    /// The pulse-response law.
    public var model: PulseModel = .constantStep

    /// Mean weight change of one pulse, device units (aihwkit `dw_min`, default 0.001).
    /// For ``PulseModel/neurosim`` it is derived as `(wMax − wMin)/pulsesMax` and only sets
    /// the scale of the noise.
    public var dwMin: Float = 0.001
    /// Device-to-device spread of `dwMin`, relative: `Δw_min,d = dwMin·(1 + dwMinDtod·ξ)`
    /// (aihwkit `dw_min_dtod`; aihwkit's default is 0.3).
    public var dwMinDtod: Float = 0
    /// Cycle-to-cycle spread of each pulse (aihwkit `dw_min_std`; aihwkit's default 0.3).
    /// aihwkit models multiply each step by `(1 + dwMinStd·ξ)`; the NeuroSim model adds
    /// `dwMinStd·Δw_min·ξ` per pulse, `Δw_min = (wMax − wMin)/pulsesMax`. NeuroSim quotes c2c
    /// as a fraction σ of the range; the equivalent is `dwMinStd = σ·pulsesMax` (for 128
    /// levels, σ = 3.7 % gives 4.74).
    public var dwMinStd: Float = 0
    /// Up/down asymmetry β, in units of `dwMin`, applied one-sided as aihwkit's code does
    /// (its docstring writes it symmetrically): for β > 0 the up step is `Δw_min` and the
    /// down step `Δw_min·(1 − β)`; for β ≤ 0 the up step is `Δw_min·(1 + β)` and the down
    /// step `Δw_min` (aihwkit `up_down`).
    public var upDown: Float = 0
    /// Device-to-device spread of β, absolute (aihwkit `up_down_dtod`, default 0.01).
    public var upDownDtod: Float = 0
    /// Lower weight bound, device units (aihwkit `w_min`, default −0.6).
    public var wMin: Float = -0.6
    /// Upper weight bound, device units (aihwkit `w_max`, default 0.6).
    public var wMax: Float = 0.6
    /// Device-to-device spread of `wMin`, relative to |wMin| (aihwkit `w_min_dtod`).
    public var wMinDtod: Float = 0
    /// Device-to-device spread of `wMax`, relative to |wMax| (aihwkit `w_max_dtod`).
    public var wMaxDtod: Float = 0

    /// LinearStep: fractional decrease γ of the up step at the upper bound (aihwkit
    /// `gamma_up`; the step is `Δw_min^up·(1 − γ_up·w/ref_up)`). ExpStep: exponent of the up
    /// branch. Unset means the model's own default (LinearStep 0, ExpStep 12.44625 — aihwkit).
    public var gammaUp: Float? = nil
    /// The same for the down step (aihwkit `gamma_down`; ExpStep default 12.78785).
    public var gammaDown: Float? = nil
    /// LinearStep: device-to-device spread of `gammaUp`, absolute (aihwkit `gamma_up_dtod`;
    /// aihwkit's default is 0.05).
    public var gammaUpDtod: Float = 0
    /// LinearStep: device-to-device spread of `gammaDown`, absolute (aihwkit `gamma_down_dtod`).
    public var gammaDownDtod: Float = 0
    /// LinearStep: when false, drawn slopes are replaced by their magnitude, so steps only
    /// ever shrink toward the bounds (aihwkit `allow_increasing`).
    public var allowIncreasing: Bool = false
    /// LinearStep: when true the slope references are the mean bounds `wMax`, `wMin`;
    /// otherwise each device's own bounds (aihwkit `mean_bound_reference`).
    public var meanBoundReference: Bool = true
    /// LinearStep/SoftBounds: when true the cycle-to-cycle noise multiplies the whole
    /// (state-dependent) step, otherwise only its constant part (aihwkit `mult_noise`).
    public var multNoise: Bool = true

    /// PowStep: exponent γ of the saturation law (aihwkit `pow_gamma`, default 1).
    public var powGamma: Float = 1
    /// PowStep: device-to-device spread of `powGamma`, relative (aihwkit `pow_gamma_dtod`).
    public var powGammaDtod: Float = 0
    /// PowStep: up/down asymmetry of the exponent, applied one-sided as aihwkit's code does:
    /// for β > 0, `γ_up = γ`, `γ_down = γ·(1 − β)`; for β ≤ 0, `γ_up = γ·(1 + β)`,
    /// `γ_down = γ` (aihwkit `pow_up_down`).
    public var powUpDown: Float = 0
    /// PowStep: device-to-device spread of `powUpDown`, absolute (aihwkit `pow_up_down_dtod`).
    public var powUpDownDtod: Float = 0

    /// ExpStep: amplitude of the exponential term going up (aihwkit `A_up`, default 0.00081).
    public var aUp: Float = 0.00081
    /// ExpStep: amplitude going down (aihwkit `A_down`, default 0.36833).
    public var aDown: Float = 0.36833
    /// ExpStep: slope of `z = 2·a·w/(wMax − wMin) + b` (aihwkit `a`, default 0.244).
    public var a: Float = 0.244
    /// ExpStep: offset of `z` (aihwkit `b`, default 0.2425).
    public var b: Float = 0.2425

    /// NeuroSim: number of pulses that drives a device across its whole window
    /// (NeuroSim `maxNumLevelLTP`/`maxNumLevelLTD`, i.e. the level count).
    public var pulsesMax: Int = 128
    /// NeuroSim: nonlinearity constant A of the LTP curve, in pulses (from NeuroSim's
    /// NL→A table; larger A is more linear; negative A bends the other way).
    public var aLTP: Float = 1000
    /// NeuroSim: the same for LTD.
    public var aLTD: Float = 1000
    /// NeuroSim: device-to-device spread of A, relative (NeuroSim `sigmaDtoD`).
    public var aDtod: Float = 0

    /// Write noise: after each write the *apparent* weight read by the array is the true
    /// weight plus `writeNoiseStd·dwMin·ξ`, redrawn at every write; learning continues from
    /// the true weight (aihwkit `write_noise_std`).
    public var writeNoiseStd: Float = 0

    public init() {}
}

extension DeviceParameters: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .choice("model", \.model),
            .float("dwMin", \.dwMin), .float("dwMinDtod", \.dwMinDtod), .float("dwMinStd", \.dwMinStd),
            .float("upDown", \.upDown), .float("upDownDtod", \.upDownDtod),
            .float("wMin", \.wMin), .float("wMax", \.wMax),
            .float("wMinDtod", \.wMinDtod), .float("wMaxDtod", \.wMaxDtod),
            .optionalFloat("gammaUp", \.gammaUp), .optionalFloat("gammaDown", \.gammaDown),
            .float("gammaUpDtod", \.gammaUpDtod), .float("gammaDownDtod", \.gammaDownDtod),
            .bool("allowIncreasing", \.allowIncreasing),
            .bool("meanBoundReference", \.meanBoundReference), .bool("multNoise", \.multNoise),
            .float("powGamma", \.powGamma), .float("powGammaDtod", \.powGammaDtod),
            .float("powUpDown", \.powUpDown), .float("powUpDownDtod", \.powUpDownDtod),
            .float("aUp", \.aUp), .float("aDown", \.aDown), .float("a", \.a), .float("b", \.b),
            .int("pulsesMax", \.pulsesMax), .float("aLTP", \.aLTP), .float("aLTD", \.aLTD),
            .float("aDtod", \.aDtod),
            .float("writeNoiseStd", \.writeNoiseStd),
        ]
    }

    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.positive(dwMin, k("dwMin"))
        for (v, n) in [(dwMinDtod, "dwMinDtod"), (dwMinStd, "dwMinStd"), (upDownDtod, "upDownDtod"),
                       (wMinDtod, "wMinDtod"), (wMaxDtod, "wMaxDtod"), (gammaUpDtod, "gammaUpDtod"),
                       (gammaDownDtod, "gammaDownDtod"), (powGammaDtod, "powGammaDtod"),
                       (powUpDownDtod, "powUpDownDtod"), (aDtod, "aDtod"), (writeNoiseStd, "writeNoiseStd")] {
            try Validate.nonNegative(v, k(n))
        }
        try Validate.inRange(upDown, -0.99...0.99, k("upDown"))
        guard wMax > wMin else {
            throw ConfigError.inconsistent(key: k("wMax"), reason: "wMax (\(wMax)) must exceed wMin (\(wMin))")
        }
        if model == .softBounds {
            guard wMax > 0, wMin < 0 else {
                throw ConfigError.inconsistent(key: k("wMin"), reason: "softBounds needs wMin < 0 < wMax")
            }
        }
        try Validate.positive(powGamma, k("powGamma"))
        try Validate.inRange(powUpDown, -0.99...0.99, k("powUpDown"))
        try Validate.inRange(pulsesMax, 1...1_000_000_000, k("pulsesMax"))
        guard aLTP != 0, aLTD != 0, aLTP.isFinite, aLTD.isFinite else {
            throw ConfigError.outOfRange(key: k("aLTP"), value: "\(aLTP), \(aLTD)", allowed: "non-zero, finite")
        }
    }

    /// γ_up in effect: the configured value or the model's default.
    public var effectiveGammaUp: Float { gammaUp ?? (model == .expStep ? 12.44625 : 0) }
    /// γ_down in effect: the configured value or the model's default.
    public var effectiveGammaDown: Float { gammaDown ?? (model == .expStep ? 12.78785 : 0) }

    /// The mean step size used to scale noise and to convert updates into pulse counts.
    public var nominalStep: Float {
        model == .neurosim ? (wMax - wMin) / Float(pulsesMax) : dwMin
    }
}

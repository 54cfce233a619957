import KitSupport

/// The pulse-update parameters of one device type, named as aihwkit names them (in
/// camelCase) so that values can be carried across: `dw_min` is ``dwMin``, `dw_min_dtod` is
/// ``dwMinDtod``, and so on. Suffixes: `Dtod` is device-to-device spread (drawn once per
/// device at construction), `Std` is cycle-to-cycle spread (fresh per pulse).
///
/// The fields of this struct are aihwkit's pulsed-device parameters, which every law uses
/// (ConstantStep uses nothing else). Each law's own parameters live in one struct per law
/// (``LinearStepParameters``, ``SoftBoundsParameters``, ``PowStepParameters``,
/// ``ExpStepParameters``, ``NeuroSimParameters``, ``PiecewiseStepParameters``); `model` selects the law, and ``law``
/// pairs it with its parameters. The YAML section stays flat (`hardware.device.gammaUp`),
/// and every law's keys are accepted and validated whichever law is selected, so a
/// document may name `model` after the keys it selects and switching `model` keeps the
/// values of the others; keys of an unselected law have no effect.
///
/// All weights are in normalized device units (see ``PulseModel``). Defaults are a
/// noiseless constant-step device on aihwkit's ±0.6 range; presets override them.
public struct DeviceParameters: Equatable, Sendable {
    /// The pulse-response law (YAML `model`, default constantStep).
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

    /// LinearStep's own parameters (YAML keys `gammaUp`, `gammaDown`, `gammaUpDtod`,
    /// `gammaDownDtod`, `allowIncreasing`, `meanBoundReference`, `multNoise`).
    public var linearStep = LinearStepParameters()
    /// SoftBounds' own parameter (YAML key `multNoise`).
    public var softBounds = SoftBoundsParameters()
    /// PowStep's own parameters (YAML keys `powGamma`, `powGammaDtod`, `powUpDown`, `powUpDownDtod`).
    public var powStep = PowStepParameters()
    /// ExpStep's own parameters (YAML keys `aUp`, `aDown`, `a`, `b`, `gammaUp`, `gammaDown`).
    public var expStep = ExpStepParameters()
    /// NeuroSim's own parameters (YAML keys `pulsesMax`, `aLTP`, `aLTD`, `aDtod`).
    public var neurosim = NeuroSimParameters()
    /// PiecewiseStep's own tables (YAML keys `piecewiseUp`, `piecewiseDown`).
    public var piecewise = PiecewiseStepParameters()

    /// Write noise: after each write the *apparent* weight read by the array is the true
    /// weight plus `writeNoiseStd·Δw_min·ξ` (Δw_min = ``nominalStep``), redrawn at every write; learning continues from
    /// the true weight (aihwkit `write_noise_std`, default 0).
    public var writeNoiseStd: Float = 0

    public init() {}
}

extension DeviceParameters {
    /// The selected law with its parameters.
    public var law: PulseLaw {
        switch model {
        case .ideal: .ideal
        case .constantStep: .constantStep
        case .linearStep: .linearStep(linearStep)
        case .softBounds: .softBounds(softBounds)
        case .powStep: .powStep(powStep)
        case .expStep: .expStep(expStep)
        case .neurosim: .neurosim(neurosim)
        case .piecewise: .piecewise(piecewise)
        }
    }

    /// The mean step size used to scale noise and to convert updates into pulse counts:
    /// `dwMin`, or NeuroSim's `(wMax − wMin)/pulsesMax`.
    public var nominalStep: Float {
        model == .neurosim ? neurosim.nominalStep(wMin: wMin, wMax: wMax) : dwMin
    }
}

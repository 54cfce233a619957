/// Every law-specific key of the flat YAML section, by its YAML name, so that code (the
/// schema, `spikebar device --set`, tests) can set a key without naming the law that owns
/// it. Each reads and writes the owning law's field (see its documentation there).
extension DeviceParameters {
    /// YAML `gammaUp`: LinearStep's slope γ⁺ *and* ExpStep's exponent γ_up (one key for
    /// both, as aihwkit names both `gamma_up`). Setting it sets both laws' field; reading it
    /// reads the selected law's (ExpStep's when `model` is expStep, else LinearStep's).
    public var gammaUp: Float? {
        get { model == .expStep ? expStep.gammaUp : linearStep.gammaUp }
        set { linearStep.gammaUp = newValue; expStep.gammaUp = newValue }
    }
    /// YAML `gammaDown`: like ``gammaUp``, for the down branch.
    public var gammaDown: Float? {
        get { model == .expStep ? expStep.gammaDown : linearStep.gammaDown }
        set { linearStep.gammaDown = newValue; expStep.gammaDown = newValue }
    }
    /// YAML `multNoise`: LinearStep's and SoftBounds' field (one key for both). Setting it
    /// sets both; reading it reads SoftBounds' when `model` is softBounds, else LinearStep's.
    public var multNoise: Bool {
        get { model == .softBounds ? softBounds.multNoise : linearStep.multNoise }
        set { linearStep.multNoise = newValue; softBounds.multNoise = newValue }
    }
    /// γ_up in effect for the selected law (LinearStep 0, ExpStep 12.44625 when unset).
    public var effectiveGammaUp: Float {
        model == .expStep ? expStep.effectiveGammaUp : linearStep.effectiveGammaUp
    }
    /// γ_down in effect for the selected law (LinearStep 0, ExpStep 12.78785 when unset).
    public var effectiveGammaDown: Float {
        model == .expStep ? expStep.effectiveGammaDown : linearStep.effectiveGammaDown
    }

    /// YAML `gammaUpDtod`: ``LinearStepParameters/gammaUpDtod``.
    public var gammaUpDtod: Float { get { linearStep.gammaUpDtod } set { linearStep.gammaUpDtod = newValue } }
    /// YAML `gammaDownDtod`: ``LinearStepParameters/gammaDownDtod``.
    public var gammaDownDtod: Float { get { linearStep.gammaDownDtod } set { linearStep.gammaDownDtod = newValue } }
    /// YAML `allowIncreasing`: ``LinearStepParameters/allowIncreasing``.
    public var allowIncreasing: Bool { get { linearStep.allowIncreasing } set { linearStep.allowIncreasing = newValue } }
    /// YAML `meanBoundReference`: ``LinearStepParameters/meanBoundReference``.
    public var meanBoundReference: Bool {
        get { linearStep.meanBoundReference } set { linearStep.meanBoundReference = newValue }
    }
    /// YAML `powGamma`: ``PowStepParameters/gamma``.
    public var powGamma: Float { get { powStep.gamma } set { powStep.gamma = newValue } }
    /// YAML `powGammaDtod`: ``PowStepParameters/gammaDtod``.
    public var powGammaDtod: Float { get { powStep.gammaDtod } set { powStep.gammaDtod = newValue } }
    /// YAML `powUpDown`: ``PowStepParameters/upDown``.
    public var powUpDown: Float { get { powStep.upDown } set { powStep.upDown = newValue } }
    /// YAML `powUpDownDtod`: ``PowStepParameters/upDownDtod``.
    public var powUpDownDtod: Float { get { powStep.upDownDtod } set { powStep.upDownDtod = newValue } }
    /// YAML `aUp`: ``ExpStepParameters/aUp``.
    public var aUp: Float { get { expStep.aUp } set { expStep.aUp = newValue } }
    /// YAML `aDown`: ``ExpStepParameters/aDown``.
    public var aDown: Float { get { expStep.aDown } set { expStep.aDown = newValue } }
    /// YAML `a`: ``ExpStepParameters/a``.
    public var a: Float { get { expStep.a } set { expStep.a = newValue } }
    /// YAML `b`: ``ExpStepParameters/b``.
    public var b: Float { get { expStep.b } set { expStep.b = newValue } }
    /// YAML `pulsesMax`: ``NeuroSimParameters/pulsesMax``.
    public var pulsesMax: Int { get { neurosim.pulsesMax } set { neurosim.pulsesMax = newValue } }
    /// YAML `aLTP`: ``NeuroSimParameters/aLTP``.
    public var aLTP: Float { get { neurosim.aLTP } set { neurosim.aLTP = newValue } }
    /// YAML `aLTD`: ``NeuroSimParameters/aLTD``.
    public var aLTD: Float { get { neurosim.aLTD } set { neurosim.aLTD = newValue } }
    /// YAML `aDtod`: ``NeuroSimParameters/aDtod``.
    public var aDtod: Float { get { neurosim.aDtod } set { neurosim.aDtod = newValue } }
}

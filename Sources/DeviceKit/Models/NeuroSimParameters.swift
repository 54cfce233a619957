import KitSupport
/// The law-specific parameters of NeuroSim's nonlinear LTP/LTD device (`formula.cpp`),
/// restated on the device window `x = w − b_min ∈ [0, R]`, `R = b_max − b_min`:
///
/// ```
/// G(P) = B·(1 − e^(−P/A)) + Gmin,   B = R/(1 − e^(−Pmax/A))
/// LTP pulse (P → P + 1): Δ = (B − x)·(1 − e^(−1/A_LTP))
/// LTD pulse (P → P − 1): Δ = (B − x)·(1 − e^(1/A_LTD))
/// ```
///
/// The pulse count `Pmax` sets the nominal step `Δw_min = (wMax − wMin)/Pmax`, which scales
/// the cycle-to-cycle noise (``DeviceParameters/dwMinStd``); `dwMin` itself is not used.
/// Each device's `A±` is drawn as `A·(1 + aDtod·ξ)` and turned once into a ``NeuroSimCurve``.
public struct NeuroSimParameters: Equatable, Sendable {
    /// Number of pulses that drives a device across its whole window, i.e. the level count
    /// (NeuroSim `maxNumLevelLTP`/`maxNumLevelLTD`; YAML `pulsesMax`; default 128, within 1…10⁹).
    public var pulsesMax: Int = 128
    /// Nonlinearity constant A of the LTP curve, in pulses (from NeuroSim's NL→A table,
    /// `getParamA(NL)·levels`; YAML `aLTP`; default 1000, nearly linear). Larger A is more
    /// linear; negative A bends the other way. Must be non-zero and finite.
    public var aLTP: Float = 1000
    /// The same for LTD (YAML `aLTD`; default 1000).
    public var aLTD: Float = 1000
    /// Device-to-device spread of A, relative (NeuroSim `sigmaDtoD`, which NeuroSim applies
    /// to the NL label instead; YAML `aDtod`; default 0).
    public var aDtod: Float = 0

    public init() {}

    /// The nominal step `(wMax − wMin)/pulsesMax` of a window `[wMin, wMax]`, device units.
    @inlinable
    public func nominalStep(wMin: Float, wMax: Float) -> Float {
        (wMax - wMin) / Float(pulsesMax)
    }

    /// Range checks, each naming its YAML key under `path`.
    public func validate(at path: String) throws {
        try Validate.nonNegative(aDtod, ConfigKey.join(path, "aDtod"))
        try Validate.inRange(pulsesMax, 1...1_000_000_000, ConfigKey.join(path, "pulsesMax"))
        guard aLTP != 0, aLTD != 0, aLTP.isFinite, aLTD.isFinite else {
            throw ConfigError.outOfRange(key: ConfigKey.join(path, "aLTP"), value: "\(aLTP), \(aLTD)", allowed: "non-zero, finite")
        }
    }
}

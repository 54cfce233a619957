import DeviceKit
import KitSupport

/// The periphery of the emulated crossbar: tiling, converters (DESIGN §3).
public struct CrossbarConfig: Equatable, Sendable {
    /// Rows (inputs) per tile. Partial sums of row-tiles are digitized separately and added
    /// digitally.
    public var tileRows: Int = 64
    /// Columns (outputs) per tile; each column of an active tile costs one ADC conversion.
    public var tileCols: Int = 64
    /// ADC resolution in bits; 0 means an ideal converter (no clipping, no rounding).
    public var adcBits: Int = 0
    /// ADC full-scale current, in units of "rows fully on at the largest weight of a pair":
    /// the converter clips at `±adcFullScaleRows·s·maxPairWeight` and rounds to
    /// `2^adcBits − 1` levels across that range (signed, mid-tread).
    public var adcFullScaleRows: Float = 8
    /// DAC resolution for graded (non-spike) inputs, bits; 0 means ideal. Inputs are
    /// clipped to ±``dacFullScale`` and rounded to `2^dacBits − 1` levels.
    public var dacBits: Int = 0
    /// DAC full scale, in input units.
    public var dacFullScale: Float = 4

    public init() {}
}

extension CrossbarConfig: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .int("tileRows", \.tileRows), .int("tileCols", \.tileCols),
            .int("adcBits", \.adcBits), .float("adcFullScaleRows", \.adcFullScaleRows),
            .int("dacBits", \.dacBits), .float("dacFullScale", \.dacFullScale),
        ]
    }
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.inRange(tileRows, 1...4096, k("tileRows"))
        try Validate.inRange(tileCols, 1...4096, k("tileCols"))
        try Validate.inRange(adcBits, 0...24, k("adcBits"))
        try Validate.positive(adcFullScaleRows, k("adcFullScaleRows"))
        try Validate.inRange(dacBits, 0...24, k("dacBits"))
        try Validate.positive(dacFullScale, k("dacFullScale"))
    }
}

/// How a desired weight change becomes a whole number of pulses (DESIGN §4.1).
public enum PulseScheme: String, CaseIterable, Sendable {
    /// `n = round(ΔW/Δw_min)`: updates below half a step are lost (NeuroSim style).
    case round
    /// Stochastic rounding of `ΔW/Δw_min`: unbiased, noisy.
    case stochastic
    /// Mixed precision (Nandakumar et al. 2020): a digital accumulator χ per synapse;
    /// `χ += ΔW; n = trunc(χ/ε); χ −= n·ε`. Writes become sparse and nothing is lost.
    case accumulate
}

/// Write-path settings: the pulse scheme and its limits.
public struct WritePathConfig: Equatable, Sendable {
    public var scheme: PulseScheme = .accumulate
    /// ε of the accumulate scheme, in nominal steps `Δw_min` (1 = Nandakumar's choice).
    public var accumulateThresholdSteps: Float = 1
    /// Most pulses one synapse may receive in one update; 0 = no limit.
    public var maxPulsesPerUpdate: Int = 0
    /// Bits of each digital accumulator χ (for the memory and energy accounting only; the
    /// emulation keeps χ in float).
    public var accumulatorBits: Int = 16

    public init() {}
}

extension WritePathConfig: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .choice("scheme", \.scheme), .float("accumulateThresholdSteps", \.accumulateThresholdSteps),
            .int("maxPulsesPerUpdate", \.maxPulsesPerUpdate), .int("accumulatorBits", \.accumulatorBits),
        ]
    }
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.positive(accumulateThresholdSteps, k("accumulateThresholdSteps"))
        try Validate.inRange(maxPulsesPerUpdate, 0...1_000_000, k("maxPulsesPerUpdate"))
        try Validate.inRange(accumulatorBits, 1...64, k("accumulatorBits"))
    }
}

import DeviceKit
import KitSupport

/// How features become the input of the first crossbar layer (DESIGN §2.3).
public enum Encoding: String, CaseIterable, Sendable {
    /// The scaled real value drives its row every step (through the DAC).
    case direct
    /// A Bernoulli spike each step with probability = the scaled value clipped to [0, 1].
    case rate
    /// Level crossing: an ON (OFF) spike when the scaled value has risen (fallen) by at least
    /// δ since the line's last spike; two input lines per feature or channel.
    case delta
}

/// How raw feature values are scaled before encoding.
public enum Scaling: String, CaseIterable, Sendable {
    /// Values are used as they come.
    case none
    /// `(x − rangeMin)/(rangeMax − rangeMin)`.
    case fixedRange
    /// `(x − min)/(max − min)` with the running min and max of each feature.
    case runningMinMax
    /// `(x − μ)/σ` with the running mean and standard deviation of each feature (Welford;
    /// as River's `StandardScaler`).
    case runningZScore
    /// `(x − μ_s)/σ_s` with the mean and standard deviation of this sample's own series,
    /// per channel (sensor-side; see ``InputEncoder/scaleSeries(_:frames:)``).
    case series
}

public struct EncoderConfig: Equatable, Sendable {
    public var encoding: Encoding = .direct
    public var scaling: Scaling = .runningZScore
    /// Multiplies the scaled value (e.g. 0.5 to keep z-scores in the DAC range).
    public var gain: Float = 0.5
    /// Lower end of the fixed range.
    public var rangeMin: Float = 0
    /// Upper end of the fixed range.
    public var rangeMax: Float = 1
    /// Scaled values are clipped to ±clip (0 disables clipping).
    public var clip: Float = 0
    /// δ of the delta encoder, in scaled units.
    public var deltaThreshold: Float = 0.1
    /// A tapped delay line on the encoded lines (off by default).
    public var delayLine = DelayLineConfig()

    public init() {}
}

extension EncoderConfig: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .choice("encoding", \.encoding), .choice("scaling", \.scaling), .float("gain", \.gain),
            .float("rangeMin", \.rangeMin), .float("rangeMax", \.rangeMax), .float("clip", \.clip),
            .float("deltaThreshold", \.deltaThreshold), .section("delayLine", \.delayLine),
        ]
    }
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.positive(gain, k("gain"))
        if scaling == .fixedRange, !(rangeMax > rangeMin) {
            throw ConfigError.inconsistent(key: k("rangeMax"), reason: "rangeMax must exceed rangeMin")
        }
        try Validate.nonNegative(clip, k("clip"))
        try Validate.positive(deltaThreshold, k("deltaThreshold"))
        if delayLine.isEnabled, encoding != .direct {
            throw ConfigError.inconsistent(key: k("delayLine.taps"), reason: "a delay line needs encoding: direct (got \(encoding.rawValue))")
        }
    }
}

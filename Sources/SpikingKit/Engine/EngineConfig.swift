import DeviceKit
import KitSupport

/// The learning pipeline's configuration, minus the hardware: network, learning rules,
/// encoder and the emulated clock.
public struct EngineConfig: Equatable, Sendable {
    public var network = NetworkConfig()
    public var learning = LearningConfig()
    public var encoder = EncoderConfig()
    /// Emulated time between two samples, seconds (drives drift and retention).
    public var samplePeriodSeconds: Float = 0.01
    /// Width of the sliding prequential accuracy window, samples.
    public var accuracyWindow: Int = 1000
    /// The continual-learning strategy (`strategy:` and `continual:`); default `naive`.
    public var continual = ContinualConfig()

    public init() {}
}

extension EngineConfig: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .section("network", \.network), .section("learning", \.learning), .section("encoder", \.encoder),
            .float("samplePeriodSeconds", \.samplePeriodSeconds), .int("accuracyWindow", \.accuracyWindow),
            .string("strategy", \.continual.strategy), .section("continual", \.continual),
        ]
    }
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.positive(samplePeriodSeconds, k("samplePeriodSeconds"))
        try Validate.inRange(accuracyWindow, 1...10_000_000, k("accuracyWindow"))
        try continual.validateStrategy(key: k("strategy"), sectionKey: k("continual"))
    }
}

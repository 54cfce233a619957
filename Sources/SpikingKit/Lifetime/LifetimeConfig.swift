import KitSupport

/// `learning.lifetime`: the lifetime the learner must leave the chip (issue #18). Absent
/// (`off`, the default): no controller, the learner is exactly as without this key.
///
/// While learning, every `everySamples` samples the controller projects each tile's time until
/// `failedFraction` of its devices have failed from the pulses of the last `horizonWindows`
/// control windows (``LifetimeLaw``), and scales the tile's writes so that this projection
/// stays ≥ `margin · years` at `samplesPerSecond`.
public struct LifetimeConfig: Equatable, Sendable {
    /// Y, the lifetime target, years (365.25 days). > 0.
    public var years: Double = 1
    /// R, the deployment sample rate the target holds at, samples per second. > 0.
    public var samplesPerSecond: Double = 100
    /// f, the failed fraction that ends the chip's life, in (0, 1]. 0.01 = the report's 1 %.
    public var failedFraction: Double = 0.01
    /// Samples per control window (one decision per tile per window). 100 = the recorder's
    /// default accuracy window *[assumption]*.
    public var everySamples: Int = 100
    /// K: the recent-wear horizon, in control windows (H = K·everySamples samples). 20 = two
    /// thousand samples, about one pass of digits *[assumption]*.
    public var horizonWindows: Int = 20
    /// m: the controller aims at m·Y so that noise in a sparse pulse count does not take the
    /// projection below Y. 2 *[assumption]*.
    public var margin: Double = 2
    /// κ: the exponent of the multiplicative law; 0.5 converges whether pulses scale as s or
    /// as s² (see ``LifetimeLaw``).
    public var gain: Double = 0.5
    /// u: the largest increase of a write scale per window (when a tile has had no recent
    /// pulses the projection is ∞). 1.05 *[assumption]*: a throttled tile takes ~190 windows
    /// to climb from s_min = 1e-4 back to 1. Measured on digits at a 1-year target: with 1.2
    /// the readout tile that had climbed back was in a burst at the end of the run (its recent
    /// projection 84 days), with 1.05 every tile projected "never" at the same accuracy.
    public var maxIncrease: Double = 1.05
    /// s_min: the smallest write scale (a tile never stops learning altogether). 1e-4 *[assumption]*.
    public var minScale: Double = 1e-4
    /// Samples learned freely before the controller acts (its projections are still made and
    /// recorded). The wear spent here counts: it is in every device's n_i. 0 = act at once.
    public var warmupSamples: Int = 0

    public init() {}

    /// Y in seconds.
    public var targetSeconds: Double { years * 365.25 * 86_400 }
}

extension LifetimeConfig: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .double("years", \.years), .double("samplesPerSecond", \.samplesPerSecond),
            .double("failedFraction", \.failedFraction), .int("everySamples", \.everySamples),
            .int("horizonWindows", \.horizonWindows), .double("margin", \.margin), .double("gain", \.gain),
            .double("maxIncrease", \.maxIncrease), .double("minScale", \.minScale),
            .int("warmupSamples", \.warmupSamples),
        ]
    }

    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.positive(years, k("years"))
        try Validate.positive(samplesPerSecond, k("samplesPerSecond"))
        guard failedFraction > 0, failedFraction <= 1 else {
            throw ConfigError.outOfRange(key: k("failedFraction"), value: "\(failedFraction)", allowed: "> 0 and ≤ 1")
        }
        try Validate.inRange(everySamples, 1...100_000_000, k("everySamples"))
        try Validate.inRange(horizonWindows, 1...10_000, k("horizonWindows"))
        guard margin >= 1, margin.isFinite else {
            throw ConfigError.outOfRange(key: k("margin"), value: "\(margin)", allowed: "≥ 1, finite")
        }
        guard gain > 0, gain < 2 else {
            throw ConfigError.outOfRange(key: k("gain"), value: "\(gain)", allowed: "strictly between 0 and 2")
        }
        guard maxIncrease >= 1, maxIncrease.isFinite else {
            throw ConfigError.outOfRange(key: k("maxIncrease"), value: "\(maxIncrease)", allowed: "≥ 1, finite")
        }
        guard minScale > 0, minScale <= 1 else {
            throw ConfigError.outOfRange(key: k("minScale"), value: "\(minScale)", allowed: "> 0 and ≤ 1")
        }
        try Validate.inRange(warmupSamples, 0...Int(Int32.max), k("warmupSamples"))
    }
}

extension ConfigField {
    /// A section that may be absent: `off` (or `null`, `~`, `false`) leaves it nil; a mapping
    /// overrides the section's defaults. Renders as `off` when nil.
    public static func optionalSection<S: Configurable>(_ name: String, _ kp: WritableKeyPath<Root, S?>,
                                                        default make: @escaping () -> S) -> Self {
        .init(name: name, apply: { root, v, path in
            if let s = v.scalarText {
                guard ["off", "null", "~", "false", ""].contains(String(s.filter { $0 != " " }).lowercased()) else {
                    throw ConfigError.inconsistent(key: path, reason: "expected a mapping of keys or off")
                }
                root[keyPath: kp] = nil
                return
            }
            var section = root[keyPath: kp] ?? make()
            try section.apply(v, at: path)
            root[keyPath: kp] = section
        }, render: { $0[keyPath: kp]?.rendered() ?? .scalar("off") },
        validateNested: { root, path in try root[keyPath: kp]?.validateAll(at: path) })
    }
}

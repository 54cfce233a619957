import DeviceKit
import KitSupport

/// One mechanism against forgetting. A strategy is one of them or several joined by `+`
/// (`replay+maskedReadout`), as Avalanche composes plugins; names follow Avalanche's where
/// they mean the same thing.
public enum StrategyComponent: String, CaseIterable, Sendable {
    /// Today's behaviour: learn every sample as it comes (Avalanche `Naive`).
    case naive
    /// Rehearsal from a reservoir buffer of past samples (Avalanche `Replay` with a
    /// `ReservoirSamplingBuffer`, or `ClassBalancedBuffer` with `classBalanced`).
    case replay
    /// Per-synapse importance that gates writes (metaplasticity, Laborieux et al. 2021, with an
    /// SI-style importance, Zenke et al. 2017). Not Avalanche's `SynapticIntelligence`: that adds
    /// a quadratic penalty to the loss; here importance scales, then stops, the writes.
    case metaplasticity
    /// Class-incremental readout fix: the readout error is masked to the classes of the current
    /// task (the "labels trick", Zeno et al. 2018; CWR*'s "train only the current units",
    /// Lomonaco & Maltoni 2017), and at inference every class's logit is rescaled by the mean
    /// readout-row norm over its own (weight aligning, Zhao et al. 2020).
    case maskedReadout
}

/// Where the replay buffer lives: it sets the per-byte read and write energies.
public enum BufferMemory: String, CaseIterable, Sendable {
    case sram
    case dram
}

/// Continual-learning strategy and its parameters (top-level `strategy:` key and the
/// `continual:` section of a run configuration). Defaults: `naive`, which leaves every
/// other field unused and the learner exactly as it was.
public struct ContinualConfig: Equatable, Sendable {
    /// `naive`, `replay`, `metaplasticity`, `maskedReadout`, or several joined by `+`.
    public var strategy: String = "naive"

    // Replay.
    /// Samples the replay buffer holds (N). Avalanche: `mem_size`.
    public var bufferSamples: Int = 200
    /// One reservoir per class seen, each `N / classes seen` large (Avalanche's
    /// `ClassBalancedBuffer`); off: one reservoir over the whole stream (Vitter's algorithm R).
    public var classBalanced: Bool = false
    /// Replayed samples per new labelled sample (0.5: one every other sample; 2: two each).
    public var replayRatio: Float = 1
    /// Where the buffer lives (prices its reads and writes from the cost preset's `memory:`).
    public var bufferMemory: BufferMemory = .sram
    /// Bytes one stored value costs: the buffer holds raw samples as 32-bit floats.
    public static let bytesPerValue = 4
    /// Bytes of a stored sample's label and frame count (two 16-bit fields).
    public static let bytesPerSampleHeader = 4

    // Metaplasticity.
    /// Strength m of the gate: a write is scaled by `1/(1 + m·Ω)` (Ω the consolidated
    /// importance, in units of its mean over the layer). [assumption]
    public var metaplasticity: Float = 1
    /// Ω above which a synapse is frozen (its update is dropped: no pulse); in units of the
    /// layer's mean importance. 0 disables the hard gate. [assumption]
    public var freezeAbove: Float = 4
    /// Consolidate the running importance into Ω every this many learned samples on a stream
    /// without task tags; 0: only at task changes (a sample whose `task` differs from the last).
    public var consolidateEverySamples: Int = 0
    /// Which layers the gate applies to: `hidden`, `readout` or `all`.
    public var gateLayers: GateLayers = .all

    // Masked readout.
    /// Rescale logits by mean-row-norm / row-norm at inference (weight aligning).
    public var normCorrection: Bool = true

    public init() {}

    /// The parsed strategy (validated by ``validate(at:)``).
    public var components: Set<StrategyComponent> {
        Set(strategy.split(separator: "+").compactMap { StrategyComponent(rawValue: trimmed(String($0))) })
    }

    public var isNaive: Bool { components.subtracting([.naive]).isEmpty }
}

/// The layers a metaplastic gate protects.
public enum GateLayers: String, CaseIterable, Sendable {
    case hidden
    case readout
    case all
}

extension ContinualConfig: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .int("bufferSamples", \.bufferSamples), .bool("classBalanced", \.classBalanced),
            .float("replayRatio", \.replayRatio), .choice("bufferMemory", \.bufferMemory),
            .float("metaplasticity", \.metaplasticity), .float("freezeAbove", \.freezeAbove),
            .int("consolidateEverySamples", \.consolidateEverySamples), .choice("gateLayers", \.gateLayers),
            .bool("normCorrection", \.normCorrection),
        ]
    }

    /// `path` is the `continual` section; the strategy is checked by ``validateStrategy(key:)``.
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.inRange(replayRatio, 0...100, k("replayRatio"))
        try Validate.nonNegative(metaplasticity, k("metaplasticity"))
        try Validate.nonNegative(freezeAbove, k("freezeAbove"))
        try Validate.inRange(consolidateEverySamples, 0...100_000_000, k("consolidateEverySamples"))
        try Validate.inRange(bufferSamples, 0...10_000_000, k("bufferSamples"))
    }

    /// Checks the strategy name and what it needs: an unknown name, or `replay` with an empty
    /// buffer, is one error naming the key.
    public func validateStrategy(key: String, sectionKey: String) throws {
        try Self.checkName(strategy, key: key)
        if components.contains(.replay) && bufferSamples < 1 {
            throw ConfigError.outOfRange(key: ConfigKey.join(sectionKey, "bufferSamples"), value: "\(bufferSamples)",
                                         allowed: "≥ 1 with strategy '\(strategy)' (replay needs a buffer)")
        }
        if components.contains(.replay) && replayRatio <= 0 {
            throw ConfigError.outOfRange(key: ConfigKey.join(sectionKey, "replayRatio"), value: "\(replayRatio)",
                                         allowed: "> 0 with strategy '\(strategy)'")
        }
    }

    /// An unknown component name is an error naming `key`.
    public static func checkName(_ name: String, key: String) throws {
        let parts = name.split(separator: "+", omittingEmptySubsequences: false).map { trimmed(String($0)) }
        for p in parts where StrategyComponent(rawValue: p) == nil {
            throw ConfigError.unknownChoice(key: key, value: name,
                                            choices: StrategyComponent.allCases.map(\.rawValue) + ["a '+'-joined combination"])
        }
    }
}

/// `s` without leading and trailing spaces.
func trimmed(_ s: String) -> String {
    String(s.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
}

extension ConfigField {
    /// A list of names, as a YAML sequence or comma-separated text.
    static func strings(_ name: String, _ kp: WritableKeyPath<Root, [String]>) -> Self {
        .init(name: name, apply: { root, v, path in
            switch v {
            case let .list(items):
                root[keyPath: kp] = try items.map {
                    guard case let .scalar(s) = $0 else { throw ConfigError.inconsistent(key: path, reason: "expected a list of names") }
                    return trimmed(s)
                }
            case let .scalar(s): root[keyPath: kp] = s.split(separator: ",").map { trimmed(String($0)) }
            case .map: throw ConfigError.inconsistent(key: path, reason: "expected a list of names")
            }
        }, render: { .list($0[keyPath: kp].map { .scalar($0) }) })
    }
}

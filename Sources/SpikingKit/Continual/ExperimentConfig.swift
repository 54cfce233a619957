import DeviceKit
import KitSupport

/// How a dataset becomes a stream of tasks.
public enum TaskSplit: String, CaseIterable, Sendable {
    /// Class-incremental: task t holds classes `[t·k, (t+1)·k)` (e.g. digits in 5 tasks of 2).
    case classIncremental
    /// Domain-incremental: every task has all classes, under a shift that grows per task.
    case domainIncremental
    /// One stream with a concept change at a change point (for the daemon and drift studies):
    /// the domain shift is applied from task 1 on; two tasks.
    case drift
}

/// The shift of a domain-incremental or drift stream.
public enum DomainShift: String, CaseIterable, Sendable {
    /// A fixed random permutation of the input features (or channels) per task.
    case permutation
    /// Sensor gain and offset drift: task t scales by `1 + t·gainStep` and shifts by
    /// `t·offsetStep` (in units of each feature's standard deviation).
    case gainOffset
    /// Added Gaussian noise of `t·noiseStep` standard deviations.
    case noise
}

/// A continual-learning experiment (`experiment:` section of a run config).
public struct ExperimentConfig: Equatable, Sendable {
    /// A bundled dataset name or a file path.
    public var dataset: String = "digits"
    /// A separate held-out file (e.g. `basicmotions-test`); empty: hold out a fraction.
    public var evalDataset: String = ""
    /// Channels of a temporal dataset (0 = static or implied by the bundled dataset).
    public var channels: Int = 0
    public var split: TaskSplit = .classIncremental
    public var tasks: Int = 5
    /// Class-incremental: classes per task.
    public var classesPerTask: Int = 2
    public var shift: DomainShift = .gainOffset
    public var gainStep: Float = 0.5
    public var offsetStep: Float = 0.5
    public var noiseStep: Float = 0.5
    /// Fraction of each task's samples held out for evaluation (when no evalDataset).
    public var heldOutFraction: Float = 0.2
    public var passesPerTask: Int = 1
    /// Shuffle each task's training stream (seeded) every pass.
    public var shuffle: Bool = true
    /// Strategies to run one after the other on the same task stream and compare (each a
    /// `strategy:` value); empty: run the configuration's own `strategy` alone.
    public var strategies: [String] = []

    public init() {}
}

extension ExperimentConfig: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .string("dataset", \.dataset), .string("evalDataset", \.evalDataset), .int("channels", \.channels),
            .choice("split", \.split), .int("tasks", \.tasks), .int("classesPerTask", \.classesPerTask),
            .choice("shift", \.shift), .float("gainStep", \.gainStep), .float("offsetStep", \.offsetStep),
            .float("noiseStep", \.noiseStep), .float("heldOutFraction", \.heldOutFraction),
            .int("passesPerTask", \.passesPerTask), .bool("shuffle", \.shuffle),
            .strings("strategies", \.strategies),
        ]
    }
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.inRange(tasks, 1...1000, k("tasks"))
        try Validate.inRange(classesPerTask, 1...100_000, k("classesPerTask"))
        try Validate.inRange(channels, 0...100_000, k("channels"))
        try Validate.inRange(heldOutFraction, 0.01...0.9, k("heldOutFraction"))
        try Validate.inRange(passesPerTask, 1...1000, k("passesPerTask"))
        for name in strategies { try ContinualConfig.checkName(name, key: k("strategies")) }
        if split == .drift && tasks != 2 {
            throw ConfigError.inconsistent(key: k("tasks"), reason: "a drift stream has exactly 2 tasks (before and after the change point)")
        }
    }
}

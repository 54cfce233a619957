import CrossbarKit
import DeviceKit
import KitSupport
import SpikingKit

/// A whole run's configuration as a YAML file writes it (`Configs/*.yaml`): which hardware
/// preset, the seed, the learning pipeline, and overrides of the preset's hardware values.
///
/// Precedence, lowest first: the defaults in the Swift types ← the preset file
/// (`Configs/presets/<preset>.yaml`) ← the config file's `hardware:` section ← command-line
/// `--set key=value` ← dedicated flags (`--preset`, `--seed`).
public struct RunConfig: Equatable, Sendable {
    /// Name of a preset in `Configs/presets/`, or a path to a preset file.
    public var preset: String = "rram"
    /// Name of a cost preset in `Configs/costs/`, or a path to one: the energy, latency and
    /// area constants that price what the run counts.
    public var cost: String = "spikesim-65nm"
    /// Seed of every random draw of the run.
    public var seed: Int = 1
    public var engine = EngineConfig()
    /// Hardware overrides, applied in order on top of the preset (same keys as a preset file).
    public var hardwareOverrides: [ConfigValue] = []
    public var recording = RecordingConfig()
    /// A continual-learning experiment (used by `spikebar experiment`).
    public var experiment = ExperimentConfig()
    /// Reading streams: input mode, windows, hop (issue #20).
    public var stream = StreamConfig()

    public init() {}
}

extension RunConfig: Configurable {
    public static var schema: [ConfigField<Self>] {
        [.string("preset", \.preset), .string("cost", \.cost), .int("seed", \.seed)]
            + EngineConfig.schema.map { $0.lifted(through: \RunConfig.engine) }
            + [.overrides("hardware", \.hardwareOverrides), .section("recording", \.recording),
               .section("experiment", \.experiment), .section("stream", \.stream)]
    }
    public func validate(at path: String) throws {
        guard seed >= 0 else { throw ConfigError.outOfRange(key: "seed", value: "\(seed)", allowed: "≥ 0") }
        // The engine's fields are lifted to the top level: its own checks (strategy included) run here.
        try engine.validate(at: path)
    }
}

/// Where and how often a run is recorded to SQLite.
public struct RecordingConfig: Equatable, Sendable {
    /// Where runs are recorded and where `spikebar db` and `report` read, unless a
    /// configuration or `--db` says otherwise.
    public static let defaultDatabase = "Logs/spikebar.sqlite"
    /// Database path, or `none` to turn recording off.
    public var database: String = RecordingConfig.defaultDatabase
    /// ``database`` as a path, or nil when it is `none` (recording off).
    public var databasePath: String? { database == "none" ? nil : database }
    /// Flush (one transaction: windows + checkpoint) after this many samples…
    ///
    /// A cap rather than the usual trigger: every flush checkpoints the whole device state
    /// (about 53 bytes per device, 1 MB for the default digits network), so at release
    /// speed (6–20 k samples/s) a cadence of a few hundred samples spends a quarter of a core
    /// writing checkpoints. Measured in docs/STORE.md.
    public var flushEverySamples: Int = 50_000
    /// …or after this many seconds of wall time, whichever comes first: the usual trigger,
    /// and the most work a crash can lose.
    public var flushEverySeconds: Float = 5
    /// Accuracy and energy windows are this many samples wide.
    public var windowSamples: Int = 100
    /// Pulses-per-device histogram bins in wear snapshots.
    public var histogramBins: Int = 16
    /// Checkpoints kept per run (older ones are deleted by the flush that adds a new one);
    /// 0 keeps every checkpoint.
    public var keepCheckpoints: Int = 2
    /// K of the report's lifetime projection from recent wear: the end-of-run `recentWear`
    /// rows hold each device's pulses of the last K windows (issue #18).
    public var recentWindows: Int = 20

    public init() {}
}

extension RecordingConfig: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .string("database", \.database), .int("flushEverySamples", \.flushEverySamples),
            .float("flushEverySeconds", \.flushEverySeconds), .int("windowSamples", \.windowSamples),
            .int("histogramBins", \.histogramBins), .int("keepCheckpoints", \.keepCheckpoints),
            .int("recentWindows", \.recentWindows),
        ]
    }
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.inRange(flushEverySamples, 1...100_000_000, k("flushEverySamples"))
        try Validate.positive(flushEverySeconds, k("flushEverySeconds"))
        try Validate.inRange(windowSamples, 1...100_000_000, k("windowSamples"))
        try Validate.inRange(histogramBins, 1...1024, k("histogramBins"))
        try Validate.inRange(keepCheckpoints, 0...1_000_000, k("keepCheckpoints"))
        try Validate.inRange(recentWindows, 1...10_000, k("recentWindows"))
    }
}

extension ConfigField {
    /// A raw sub-document kept for later (applied to a struct built elsewhere).
    static func overrides(_ name: String, _ kp: WritableKeyPath<Root, [ConfigValue]>) -> Self {
        .init(name: name, apply: { root, v, _ in root[keyPath: kp].append(v) },
              render: { root in
                  let docs = root[keyPath: kp]
                  return docs.count == 1 ? docs[0] : .list(docs)
              })
    }
}

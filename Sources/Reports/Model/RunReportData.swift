import SpikingKit

/// Everything one report needs about one run, as plain values: the input of every document
/// writer in this module.
///
/// Reports are pure functions of this value (STYLE: "Reports are pure functions from query
/// results to Markdown, HTML/SVG or CSV strings"). The database adapter fills it from the
/// `run`, `accuracyWindow`, `energyWindow`, `wearSnapshot`, `taskEval`, `event` and
/// `checkpoint` tables (DESIGN §7.3); nothing here knows about SQLite.
///
/// All series are ordered by sample index, oldest first. Sample indices count labelled
/// samples processed since the run started (all passes), starting at 1, so the point of a
/// window is the index of the window's last sample.
///
/// `Codable` is there so a report's input can be saved as JSON for a bug report or a test
/// fixture. Infinite endurance budgets (wear-out off) need an encoder with a
/// `nonConformingFloatEncodingStrategy`.
public struct RunReportData: Sendable, Codable, Equatable {
    public var run: RunMetadata
    /// Prequential accuracy against samples (DESIGN §2.4).
    public var accuracy: [AccuracyPoint]
    /// Read and write energy per window, split by component.
    public var energy: EnergySeries
    /// Throughput and efficiency of the emulated chip, when the cost model computed them.
    public var hardware: HardwareMetrics?
    /// Wear per layer and tile at the end of the run (the last wear snapshot).
    public var wear: [LayerWear]
    /// Failed devices (whole chip, cumulative) against samples.
    public var failures: [FailurePoint]
    /// Mean effective conductance window against samples; empty when not recorded.
    public var windowClosure: [WindowClosurePoint]
    /// Discrete events: device failures, task boundaries, errors.
    public var events: [ReportEvent]
    /// Continual-learning results, for runs with task streams.
    public var continual: ContinualResults?
    /// The continual strategy and its cost, when the run was an experiment that recorded them.
    public var strategy: StrategyResult?
    /// Per-device wear and budgets for the lifetime projection (DESIGN §4.3).
    public var lifetime: LifetimeInput
    /// The lifetime controller's decisions (runs with `learning.lifetime`; issue #18).
    public var lifetimeControl: LifetimeControl?
    /// NeuroBench's metrics from the run's summary, when it recorded them.
    public var neuroBench: NeuroBenchMetrics?
    /// The programming phase of an imported model, per crossbar (issue #19); empty without one.
    public var programming: [ProgrammingLayer]?

    public init(
        run: RunMetadata, accuracy: [AccuracyPoint], energy: EnergySeries,
        hardware: HardwareMetrics? = nil, wear: [LayerWear], failures: [FailurePoint],
        windowClosure: [WindowClosurePoint] = [], events: [ReportEvent] = [],
        continual: ContinualResults? = nil, lifetime: LifetimeInput
    ) {
        self.run = run
        self.accuracy = accuracy
        self.energy = energy
        self.hardware = hardware
        self.wear = wear
        self.failures = failures
        self.windowClosure = windowClosure
        self.events = events
        self.continual = continual
        self.lifetime = lifetime
    }

    /// Devices of the whole chip (sum over every tile of every layer).
    public var deviceCount: Int { wear.reduce(0) { $0 + $1.devices } }

    /// Devices of the whole chip that have failed (sum over every tile of every layer).
    public var failedDeviceCount: Int { wear.reduce(0) { $0 + $1.failedDevices } }
}

/// Who, what and when: the `run` row.
public struct RunMetadata: Sendable, Codable, Equatable {
    /// Run id in the database.
    public var id: Int64
    /// Device preset name (`rram`, `pcm`, …).
    public var preset: String
    /// Seed of every random draw of the run.
    public var seed: Int
    /// What was streamed: a bundled dataset name, a file path, `stdin`, a socket.
    public var input: String
    /// Start and end of the run, seconds since 1970-01-01 UTC; `nil` when unknown
    /// (end is `nil` while the run is still going).
    public var startedAtUnixSeconds: Double?
    public var endedAtUnixSeconds: Double?
    /// Labelled samples processed (all passes).
    public var samples: Int
    /// Width of the sliding accuracy window, samples.
    public var windowSamples: Int
    /// Program version that recorded the run.
    public var version: String?
    /// `running`, `finished`, `failed`, … as the recorder wrote it.
    public var status: String?
    /// The effective configuration (YAML), printed verbatim in the report.
    public var configText: String

    public init(
        id: Int64, preset: String, seed: Int, input: String,
        startedAtUnixSeconds: Double? = nil, endedAtUnixSeconds: Double? = nil,
        samples: Int, windowSamples: Int, version: String? = nil, status: String? = nil,
        configText: String = ""
    ) {
        self.id = id
        self.preset = preset
        self.seed = seed
        self.input = input
        self.startedAtUnixSeconds = startedAtUnixSeconds
        self.endedAtUnixSeconds = endedAtUnixSeconds
        self.samples = samples
        self.windowSamples = windowSamples
        self.version = version
        self.status = status
        self.configText = configText
    }
}

/// Accuracy at one point of the stream (one `accuracyWindow` row).
public struct AccuracyPoint: Sendable, Codable, Equatable {
    /// Index of the last sample scored, 1-based.
    public var sample: Int
    /// Cumulative prequential accuracy over samples 1…`sample`, in [0, 1].
    public var prequential: Double
    /// Accuracy over the last `windowSamples` samples up to `sample`, in [0, 1].
    public var window: Double

    public init(sample: Int, prequential: Double, window: Double) {
        self.sample = sample
        self.prequential = prequential
        self.window = window
    }
}

import KitSupport

/// What one input line is: a whole sample (`{"x":…}`, `{"frames":…}`, `label,f0,…`), or one
/// reading of a continuous sensor stream (`{"r":[…]}`, `c0,c1,…`) that the runtime cuts into
/// windows itself (issue #20).
public enum StreamMode: String, CaseIterable, Sendable {
    /// Every line is a complete sample (the default; DESIGN §7.1).
    case samples
    /// Every line is one reading (one value per channel); windows of ``StreamConfig/window``
    /// readings are predicted every ``StreamConfig/hop`` readings.
    case readings
}

/// What the network's state does between two windows of a stream.
public enum StreamState: String, CaseIterable, Sendable {
    /// Each window is a fresh temporal sample: membranes, readout, traces and the delta
    /// encoder's references start from zero, and the network runs over the whole window
    /// (`window` time steps) at every hop.
    case reset
    /// The network runs once per reading and never resets: at each hop it runs the `hop`
    /// readings that arrived since the last hop (one time step each) from the state the
    /// previous hop left, and predicts from the readout averaged over those steps.
    case carry
}

/// How a window's label is derived from the labels of its readings.
public enum WindowLabelRule: String, CaseIterable, Sendable {
    /// The most frequent label among the window's readings, "no label" counted as a value of
    /// its own; a tie goes to the label (or absence) of the most recent reading among the tied.
    case majority
    /// The label of the window's last reading.
    case last
}

/// Windowing of a reading stream (`stream.*` keys). Defaults: a window of 100 readings,
/// a prediction every 25 readings (BasicMotions' series length and a quarter of it [assumption]).
public struct StreamConfig: Equatable, Sendable {
    /// Whether lines are samples or readings.
    public var mode: StreamMode = .samples
    /// Readings per window (the network's time steps per prediction in `reset` state). ≥ 1.
    public var window: Int = 100
    /// Readings between two predictions, 1…window.
    public var hop: Int = 25
    /// Network state between windows.
    public var state: StreamState = .reset
    /// How a window's label is derived.
    public var windowLabel: WindowLabelRule = .majority
    /// The sensor's reading rate (readings per second, of real time), recorded with the run
    /// so lifetime projections and energy per second use real time; 0 = not known (the daemon
    /// then records the rate it measures between the first and the last reading).
    public var readingsPerSecond: Double = 0

    public init() {}

    /// Predictions per second of real time at the configured reading rate (nil when unknown).
    public var windowsPerSecond: Double? { readingsPerSecond > 0 ? readingsPerSecond / Double(hop) : nil }

    /// Answers a client should expect after `readings` readings of one stream (since its start
    /// or its last flush): none until the first window is full, then one every `hop` readings,
    /// `1 + ⌊(readings − window)/hop⌋`.
    public func expectedAnswers(readings: Int) -> Int {
        readings < window ? 0 : 1 + (readings - window) / hop
    }
}

extension StreamConfig: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .choice("mode", \.mode), .int("window", \.window), .int("hop", \.hop), .choice("state", \.state),
            .choice("windowLabel", \.windowLabel), .double("readingsPerSecond", \.readingsPerSecond),
        ]
    }
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.inRange(window, 1...ReadingWindow.maxWindow, k("window"))
        try Validate.inRange(hop, 1...window, k("hop"))
        try Validate.nonNegative(readingsPerSecond, k("readingsPerSecond"))
    }
}

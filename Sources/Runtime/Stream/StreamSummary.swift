import Settings
import SpikingKit

/// What a reading-stream run adds to its summary (`"stream"` in `--summary json`).
public struct StreamSummary: Codable, Equatable, Sendable {
    public var window: Int
    public var hop: Int
    public var state: String
    /// Readings played (every pass).
    public var readings: Int
    /// Windows answered (each a prediction; a labelled one is also scored and learnt).
    public var windows: Int
    public var labelledWindows: Int
    /// Throughput of the whole reading path (decode, window, network, learning), readings/s.
    public var readingsPerSecondProcessed: Double
    /// The same per second of this process's CPU time (user + system): what one core of its
    /// own would do, on a machine shared with other work.
    public var readingsPerCPUSecond: Double
    /// The sensor's rate (`stream.readingsPerSecond`); nil when not configured.
    public var signalReadingsPerSecond: Double?
    /// Seconds of signal the readings stand for at that rate.
    public var signalSeconds: Double?
    /// The chip's energy per second of signal, µJ/s (= µW): total energy / signal seconds.
    public var energyMicrojoulesPerSignalSecond: Double?

    public init(config: StreamConfig, readings: Int, windows: Int, labelledWindows: Int, wallSeconds: Double,
                cpuSeconds: Double, energyPicojoules: Double) {
        window = config.window
        hop = config.hop
        state = config.state.rawValue
        self.readings = readings
        self.windows = windows
        self.labelledWindows = labelledWindows
        readingsPerSecondProcessed = Double(readings) / max(wallSeconds, 1e-9)
        readingsPerCPUSecond = Double(readings) / max(cpuSeconds, 1e-9)
        if config.readingsPerSecond > 0 {
            signalReadingsPerSecond = config.readingsPerSecond
            let seconds = Double(readings) / config.readingsPerSecond
            signalSeconds = seconds
            energyMicrojoulesPerSignalSecond = seconds > 0 ? energyPicojoules * 1e-6 / seconds : nil
        }
    }

    var text: [String] {
        var lines = ["stream           \(readings) readings → \(windows) windows (window \(window), hop \(hop), \(state))   \(Int(readingsPerSecondProcessed.rounded())) readings/s (\(Int(readingsPerCPUSecond.rounded())) per CPU second)"]
        if let s = signalSeconds, let e = energyMicrojoulesPerSignalSecond, let r = signalReadingsPerSecond {
            lines.append("signal           \(String(format: "%.1f", s)) s at \(r) readings/s   energy \(String(format: "%.3f", e)) µJ per second of signal")
        }
        return lines
    }
}

extension ResolvedConfig {
    /// The configuration a stream's learner runs with: with a known reading rate, the
    /// emulated clock advances one hop of real time per window
    /// (`samplePeriodSeconds = hop / readingsPerSecond`), so drift and retention see real time.
    public func clockedForStream() -> ResolvedConfig {
        var c = self
        let s = run.stream
        if s.mode == .readings, s.readingsPerSecond > 0 {
            c.run.engine.samplePeriodSeconds = Float(Double(s.hop) / s.readingsPerSecond)
        }
        return c
    }
}

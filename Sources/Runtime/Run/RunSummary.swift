import CrossbarKit
import Foundation
import LineProtocol
import SpikingKit

/// The end-of-run summary: printed as text, or as one JSON object on the last line of
/// stdout with `--summary json`.
public struct RunSummary: Codable, Equatable, Sendable, SortedJSONEncodable {
    public var input: String
    /// The run configuration file (`default.yaml`, `temporal.yaml` or the `--config` path).
    public var config = "default.yaml"
    public var preset: String
    public var seed: Int
    public var layers: [Int]
    public var timesteps: Int
    public var passes: Int
    /// Labelled training samples processed (all passes).
    public var samples: Int
    /// Prequential (test-then-train) accuracy over every training sample of every pass.
    public var prequentialAccuracy: Double
    /// Prequential accuracy over the last `window` samples.
    public var windowAccuracy: Double
    public var window: Int
    /// Prequential accuracy within the last pass.
    public var lastPassAccuracy: Double
    /// Accuracy on the `--eval` input with learning off.
    public var evalAccuracy: Double?
    public var evalSamples: Int?
    public var pulses: Double
    public var setPulses: Double
    public var resetPulses: Double
    public var wastedPulses: Double
    public var refreshPulses: Double
    public var verifyReads: Double
    /// Devices that failed or were stuck from the start, all layers.
    public var failedDevices: Int
    public var devices: Int
    public var pulsesPerSample: Double
    public var spikesPerSample: Double
    public var samplesPerSecond: Double
    public var wallSeconds: Double
    /// The process's peak resident set size at the end of the run (`getrusage`), bytes.
    public var peakRSSBytes: Int?
    /// FNV-1a digest of every conductance, counter and learner state: same seed and input,
    /// same digest.
    public var stateDigest: String
    /// Cost preset that priced the run (energy, latency, area).
    public var costPreset = ""
    /// Energy of everything the chip did in the run (every sample, reads, learning logic and
    /// writes), pJ; ``energyBreakdown`` splits it by component.
    public var energyPicojoules = 0.0
    public var energyPicojoulesPerSample = 0.0
    public var energyBreakdown = EnergyBreakdown()
    /// Mean latency of one sample (reads, learning logic, row-by-row writes), µs.
    public var latencyMicroseconds = 0.0
    /// ``latencyMicroseconds`` by phase (reads, learning logic, writes), seconds per sample.
    public var latencyBreakdown = LatencyBreakdown()
    /// Crossbar MACs per second of chip time, 10¹²/s (one op = one MAC).
    public var tops = 0.0
    /// MACs per picojoule of the whole run's energy (= TOPS/W).
    public var topsPerWatt = 0.0
    public var topsPerSquareMillimetre = 0.0
    public var areaSquareMillimetres = 0.0
    /// Run id in the database, when recording.
    public var runId: Int64?
    public var database: String?
    /// NeuroBench's metrics of the run (``RunSummary+NeuroBench.swift``).
    public var neuroBench: NeuroBenchMetrics?
    /// The programming phase of an imported model (``RunSummary+Programming.swift``).
    public var programming: ProgrammingSummary?
    /// A reading-stream run's readings, windows and signal time (nil for sample runs).
    public var stream: StreamSummary?

    public var text: String {
        func pct(_ x: Double) -> String { String(format: "%.4f", x) }
        var lines = [
            "input            \(input)",
            "config           \(config)",
            "preset           \(preset)   seed \(seed)   layers \(layers.map(String.init).joined(separator: "-"))   T=\(timesteps)",
            "samples          \(samples) over \(passes) pass(es)",
            "prequential acc  \(pct(prequentialAccuracy))   window(\(window)) \(pct(windowAccuracy))   last pass \(pct(lastPassAccuracy))",
        ]
        if let e = evalAccuracy { lines.append("eval accuracy    \(pct(e)) on \(evalSamples ?? 0) samples (learning off)") }
        lines += [
            "pulses           \(Int(pulses)) (SET \(Int(setPulses)), RESET \(Int(resetPulses)), wasted \(Int(wastedPulses)), refresh \(Int(refreshPulses)))   \(String(format: "%.1f", pulsesPerSample))/sample",
            "failed devices   \(failedDevices) of \(devices)",
        ] + programmingLines + [
            "throughput       \(String(format: "%.0f", samplesPerSecond)) samples/s   (\(String(format: "%.2f", wallSeconds)) s)"
                + (peakRSSBytes.map { String(format: "   peak RSS %.1f MB", Double($0) / 1e6) } ?? ""),
        ] + (stream?.text ?? []) + costLines + neuroBenchLines + [
            "state digest     \(stateDigest)",
        ]
        if let runId, let database { lines.append("recorded         run \(runId) in \(database)") }
        return lines.joined(separator: "\n")
    }
}

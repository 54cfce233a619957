import LineProtocol

/// The Prometheus text exposition (format 0.0.4) of the daemon's stats object, following
/// the Prometheus naming conventions: every metric `spikebar_<snake_case>` with a `# HELP`
/// and a `# TYPE` line; totals that only grow over the life of a run are counters named
/// `…_total` (a resumed run continues them), everything else a gauge. Kept as a table here
/// rather than swift-prometheus: the daemon pulls one snapshot from the engine's run loop per
/// scrape, while swift-metrics/swift-prometheus keep a process-wide registry of pushed
/// values, which would mean mirroring every engine counter into it on each sample.
public enum PrometheusExposition {
    public enum Kind: String, Sendable { case counter, gauge }

    /// What each stats field is: its kind and its HELP text. Fields not listed (an observer's
    /// addition) are gauges with a generic help line.
    static let catalog: [String: (Kind, String)] = [
        "samples": (.counter, "Samples processed (predicted, scored and learned) over the run."),
        "labelled": (.counter, "Labelled samples scored over the run."),
        "pulses": (.counter, "Device write pulses applied over the run."),
        "setPulses": (.counter, "SET (potentiating) write pulses over the run."),
        "resetPulses": (.counter, "RESET (depressing) write pulses over the run."),
        "errors": (.counter, "Requests answered with an error."),
        "requests": (.counter, "Requests answered (samples, commands and errors)."),
        "energyPicojoules": (.counter, "Energy of the run's operations, in picojoules."),
        "failedDevices": (.gauge, "Devices that reached their endurance and no longer switch."),
        "prequentialAccuracy": (.gauge, "Prequential (test-then-train) accuracy over the run, 0 to 1."),
        "windowAccuracy": (.gauge, "Accuracy over the latest accuracy window, 0 to 1."),
        "learning": (.gauge, "1 while learning is on."),
        "evaluating": (.gauge, "1 while evaluation mode is on."),
        "task": (.gauge, "The current task number."),
        "queueDepth": (.gauge, "Requests waiting for the engine."),
        "energyPicojoulesPerSample": (.gauge, "Mean energy per sample, in picojoules."),
        "topsPerWatt": (.gauge, "Operations per second per watt of the run (TOPS/W)."),
        "runId": (.gauge, "The database run being recorded."),
        "recordingHeldRows": (.gauge, "Records held in memory after a failed database write (0 when all is written)."),
    ]

    /// The exposition of a stats object: numbers and booleans become samples, other
    /// fields (strings, null) are left out.
    public static func render(_ stats: JSONValue) -> String {
        guard case let .object(pairs) = stats else { return "" }
        var out = ""
        for (key, value) in pairs {
            let number: Double
            switch value {
            case let .number(d, _): number = d
            case let .bool(b): number = b ? 1 : 0
            default: continue
            }
            let (kind, help) = catalog[key] ?? (.gauge, "The daemon's stats field '\(key)'.")
            let name = "spikebar_" + snake(key) + (kind == .counter ? "_total" : "")
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(kind.rawValue)\n\(name) \(format(number))\n"
        }
        return out
    }

    /// Whole numbers without a fraction (`8001`, not `8001.0`); others as Swift prints them;
    /// Prometheus spells the specials `+Inf`, `-Inf`, `NaN`.
    static func format(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "+Inf" : "-Inf" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    static func snake(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }
}

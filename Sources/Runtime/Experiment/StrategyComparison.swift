import DeviceKit
import Foundation
import LineProtocol
import Settings
import SpikingKit

/// `experiment.strategies`: the same task stream run once per strategy (each from the same
/// seed, so every run starts from identical devices and weights), and the comparison.
public struct StrategyComparison: Codable, Sendable, SortedJSONEncodable {
    public var runs: [ExperimentSummary]

    /// Runs every strategy of `config.run.experiment.strategies` in order. `prepare` is called
    /// with each runner before it runs (to attach a recorder). A strategy that cannot run (an
    /// unknown name, replay without a buffer) fails before anything runs.
    public static func run(config: ResolvedConfig, progress: Bool = false,
                           prepare: (ExperimentRunner) throws -> Void = { _ in }) throws -> StrategyComparison {
        let configs = try config.run.experiment.strategies.map { try Self.config(config, strategy: $0) }
        var runs: [ExperimentSummary] = []
        for c in configs {
            if progress { FileHandle.standardError.write(Data("strategy \(c.run.engine.continual.strategy)\n".utf8)) }
            let runner = ExperimentRunner(config: c)
            try prepare(runner)
            runs.append(try runner.run(progress: progress))
        }
        return StrategyComparison(runs: runs)
    }

    /// `config` with its strategy set to `name`, checked as a `strategy:` key would be.
    static func config(_ config: ResolvedConfig, strategy name: String) throws -> ResolvedConfig {
        var c = config
        c.run.engine.continual.strategy = name
        try c.run.engine.continual.validateStrategy(key: "experiment.strategies", sectionKey: "continual")
        return c
    }

    /// The comparison table (one row per strategy), then each run's R matrix.
    public var text: String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
        var lines = [pad("strategy", 30) + "ACC    BWT     forget  FWT     pulses    nJ/sample  buffer B  lifetime (1 % failed)"]
        for r in runs {
            let c = r.cost
            let life = c.map { $0.projectedLifetimeSeconds.map(StrategyCost.duration) ?? "never" } ?? "n/a"
            lines.append(pad(r.strategy, 30) + "\(f(r.Top1_Acc_Stream))  \(pad(f(r.StreamBWT), 7)) \(f(r.StreamForgetting))   \(pad(f(r.StreamForwardTransfer), 7)) "
                         + pad(String(Int(c?.pulses ?? r.pulses)), 9) + " " + pad(String(format: "%.1f", (c?.energyPicojoulesPerSample ?? 0) / 1000), 10)
                         + " " + pad(String(c?.bufferBytes ?? 0), 9) + " " + life)
        }
        for r in runs { lines += ["", "── \(r.strategy) ──", r.text] }
        return lines.joined(separator: "\n")
    }
}

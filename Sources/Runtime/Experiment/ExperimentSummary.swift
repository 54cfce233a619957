import Foundation
import LineProtocol

/// The result of an experiment; with `--summary json` one JSON object on the last line of
/// stdout. Metric names follow Avalanche's.
public struct ExperimentSummary: Codable, Sendable, SortedJSONEncodable {
    public struct TaskResult: Codable, Sendable {
        public var task: Int
        public var name: String
        public var trainSamples: Int
        public var heldOutSamples: Int
        public var prequentialAccuracy: Double
        public var pulses: Double
        public var setPulses: Double
        public var resetPulses: Double
    }

    public var preset: String
    public var seed: Int
    /// The continual strategy (`naive`, `replay`, …).
    public var strategy: String = "naive"
    public var split: String
    public var tasks: Int
    /// R[i][j]: held-out accuracy on task j after training through task i.
    public var R: [[Double]]
    /// Held-out accuracy of the untrained network per task (b_j, for FWT).
    public var baseline: [Double]
    public var Top1_Acc_Stream: Double
    public var StreamBWT: Double
    public var StreamForgetting: Double
    public var StreamForwardTransfer: Double
    /// The same value under the short name (`StreamFWT`).
    public var StreamFWT: Double = 0
    public var forgettingPerTask: [Double]
    public var perTask: [TaskResult]
    public var pulses: Double
    public var failedDevices: Int
    public var wallSeconds: Double
    public var stateDigest: String
    /// Pulses, energy, memory and lifetime of the strategy's training.
    public var cost: StrategyCost?
    public var runId: Int64?
    public var database: String?

    public var text: String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        var lines = ["preset \(preset)   seed \(seed)   \(split), \(tasks) tasks   strategy \(strategy)", "",
                     "R (row: after task i, column: held-out task j)"]
        lines.append("          " + (0..<tasks).map { "  task \($0)" }.joined())
        lines.append("untrained " + baseline.map { "   " + f($0) }.joined())
        for (i, row) in R.enumerated() {
            lines.append("after \(i)   " + row.map { "   " + f($0) }.joined())
        }
        lines += ["",
                  "Top1_Acc_Stream (ACC)          \(f(Top1_Acc_Stream))",
                  "StreamBWT                      \(f(StreamBWT))",
                  "StreamForgetting               \(f(StreamForgetting))",
                  "StreamForwardTransfer (FWT)    \(f(StreamForwardTransfer))",
                  "", "task  prequential  pulses"]
        for t in perTask {
            lines.append("\(t.task)     \(f(t.prequentialAccuracy))        \(Int(t.pulses))   (\(t.name))")
        }
        if let cost { lines += cost.lines }
        lines.append("failed devices \(failedDevices)   \(String(format: "%.2f", wallSeconds)) s   digest \(stateDigest)")
        if let runId, let database { lines.append("recorded as run \(runId) in \(database)") }
        return lines.joined(separator: "\n")
    }
}

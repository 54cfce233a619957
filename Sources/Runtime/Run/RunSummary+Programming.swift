import CrossbarKit
import Foundation
import SpikingKit

/// The programming phase of an imported model (`--model`), priced like the run.
public struct ProgrammingSummary: Codable, Equatable, Sendable {
    public var rounds: Int
    public var pulses: Double
    public var setPulses: Double
    public var resetPulses: Double
    public var verifyReads: Double
    public var failures: Double
    /// Row-by-row write latency of all rounds, seconds.
    public var writeLatencySeconds: Double
    /// Energy of the phase under the run's cost preset (writes, verify reads), pJ.
    public var energyPicojoules: Double
    /// Per feedforward layer, RMS of (apparent − imported) weight after programming, network units.
    public var rmsError: [Double]
    /// `iterative` (per-device program-and-verify) or `rounds` (`network.modelProgramming`).
    public var algorithm: String?
    /// Iterative programming: pairs that ended within the tolerance, pairs that stopped at
    /// the pulse budget, the most pulses one pair took (nil for `rounds`).
    public var convergedPairs: Int?
    public var exhaustedPairs: Int?
    public var maxPulsesPerPair: Int?
}

extension RunSummary {
    /// Sets ``programming`` from the learner's programming phase, priced by `cost`.
    mutating func recordProgramming(_ outcome: ProgrammingOutcome?, cost: CostModel) {
        guard let o = outcome else { return }
        let c = o.counts
        programming = ProgrammingSummary(
            rounds: o.rounds, pulses: c.pulses, setPulses: c.setPulses, resetPulses: c.resetPulses,
            verifyReads: c.verifyReads, failures: c.failures, writeLatencySeconds: c.writeLatencySeconds,
            energyPicojoules: cost.report(c, samples: 1).energyPicojoules, rmsError: o.rmsError)
        programming?.algorithm = o.verify == nil ? "rounds" : "iterative"
        if let v = o.verify {
            programming?.convergedPairs = v.converged
            programming?.exhaustedPairs = v.exhausted
            programming?.maxPulsesPerPair = v.maxPulsesPerPair
        }
    }

    /// The programming line of the text summary.
    var programmingLines: [String] {
        guard let p = programming else { return [] }
        let rms = p.rmsError.map { String(format: "%.3g", $0) }.joined(separator: ", ")
        let how = p.convergedPairs.map { "iterative: \($0) pairs within tolerance, \(p.exhaustedPairs ?? 0) at the budget, ≤ \(p.maxPulsesPerPair ?? 0) pulses/pair; " }
            ?? "\(p.rounds) round(s): "
        return ["programming      \(how)\(Int(p.pulses)) pulses (SET \(Int(p.setPulses)), RESET \(Int(p.resetPulses))), \(Int(p.verifyReads)) verify reads, \(String(format: "%.2f", p.energyPicojoules / 1e6)) µJ, \(String(format: "%.3g", p.writeLatencySeconds * 1e3)) ms   RMS weight error \(rms)"]
    }
}

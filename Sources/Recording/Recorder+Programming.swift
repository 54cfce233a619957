import CrossbarKit
import SpikingKit
import Store

/// The recorder's part of issue #19: the programming phase of an imported model as its own
/// rows (`programming`, one per crossbar), written once when a new run starts.
extension Recorder {
    /// The programming phase's rows of run `runId`, priced by `cost`; empty without one.
    static func programmingRecords(_ outcome: ProgrammingOutcome?, network: SpikingNetwork, cost: CostModel,
                                   runId: Int64) -> [ProgrammingRecord] {
        guard let o = outcome else { return [] }
        let names = network.crossbarNames
        return o.layers.enumerated().map { l, part in
            let c = part.counts
            return ProgrammingRecord(
                runId: runId, layer: l, name: l < names.count ? names[l] : "layer\(l)",
                algorithm: part.verify == nil ? "rounds" : "iterative", pairs: network.layers[l].rows * network.layers[l].cols,
                rounds: o.rounds, pulses: c.pulses, setPulses: c.setPulses, resetPulses: c.resetPulses,
                verifyReads: c.verifyReads, failures: c.failures, writeLatencySeconds: c.writeLatencySeconds,
                energyPicojoules: cost.report(c, samples: 1).energyPicojoules,
                rmsError: l < o.rmsError.count ? o.rmsError[l] : 0,
                convergedPairs: part.verify?.converged, exhaustedPairs: part.verify?.exhausted,
                maxPulsesPerPair: part.verify?.maxPulsesPerPair)
        }
    }

    /// Writes the learner's programming phase for a run that starts now (not a resume: its
    /// rows are already there).
    func recordProgramming(learner: OnlineLearner, runId: Int64) throws {
        guard let cost = costModel else { return }
        let rows = Self.programmingRecords(learner.programming, network: learner.network, cost: cost, runId: runId)
        if !rows.isEmpty { try store.insertProgramming(rows) }
    }
}

import Reports
import Store

extension RunReportLoader {
    /// A `programming` row as the report's model.
    static func programmingLayer(_ r: ProgrammingRecord) -> ProgrammingLayer {
        ProgrammingLayer(name: r.name, algorithm: r.algorithm, pairs: r.pairs, rounds: r.rounds, pulses: r.pulses,
                         setPulses: r.setPulses, resetPulses: r.resetPulses, verifyReads: r.verifyReads,
                         failures: r.failures, writeLatencySeconds: r.writeLatencySeconds,
                         energyPicojoules: r.energyPicojoules, rmsError: r.rmsError, convergedPairs: r.convergedPairs,
                         exhaustedPairs: r.exhaustedPairs, maxPulsesPerPair: r.maxPulsesPerPair)
    }
}

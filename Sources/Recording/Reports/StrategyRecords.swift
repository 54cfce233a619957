import Foundation
import Reports
import Runtime

/// The continual strategy and its cost from an experiment's summary JSON (`strategy` and
/// `cost`, written by ``ExperimentRunner``); nil for any other summary.
enum StrategyRecords {
    struct Summary: Decodable {
        var strategy: String
        var cost: StrategyCost
    }

    static func result(summaryJSON: String?) -> StrategyResult? {
        guard let s = summaryJSON.flatMap({ try? JSONDecoder().decode(Summary.self, from: Data($0.utf8)) }) else { return nil }
        let c = s.cost
        return StrategyResult(name: s.strategy, pulsesPerSample: c.pulsesPerSample,
                              energyPerSamplePicojoules: c.energyPicojoulesPerSample, bufferBytes: c.bufferBytes,
                              strategyMemoryBytes: c.strategyMemoryBytes, projectedLifetimeSeconds: c.projectedLifetimeSeconds,
                              lifetimeSamplesPerSecond: c.lifetimeSamplesPerSecond)
    }
}

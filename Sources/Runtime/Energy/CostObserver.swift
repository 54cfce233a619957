import LineProtocol
import Settings
import CrossbarKit
import Datasets
import SpikingKit

/// Prices each answered sample on the emulated chip (the run's cost preset) and adds
/// `energyPicojoules` and `latencyMicroseconds` to its response line and the totals to
/// `stats`.
public final class CostObserver: EngineObserver {
    let config: ResolvedConfig
    var model: CostModel?

    public init(config: ResolvedConfig) {
        self.config = config
    }

    func model(for engine: EngineCore) -> CostModel? {
        if let model { return model }
        guard let learner = engine.learner else { return nil }
        let m = CostModel(config: config, network: learner.network)
        model = m
        return m
    }

    public func responseFields(for outcome: SampleOutcome, engine: EngineCore) -> [(String, JSONValue)] {
        guard let m = model(for: engine) else { return [] }
        let r = m.report(outcome.counts, samples: 1)
        return [
            ("energyPicojoules", .number((r.energyPicojoules * 10).rounded() / 10, isInteger: false)),
            ("latencyMicroseconds", .number((r.latencyMicrosecondsPerSample * 1000).rounded() / 1000, isInteger: false)),
        ]
    }

    public func statsFields(engine: EngineCore) -> [(String, JSONValue)] {
        guard let m = model(for: engine), let learner = engine.learner else { return [] }
        let r = m.report(learner.totals, samples: Double(max(learner.samplesSeen, 1)))
        return [
            ("energyPicojoules", .number(r.energyPicojoules, isInteger: false)),
            ("energyPicojoulesPerSample", .number(r.energyPicojoulesPerSample, isInteger: false)),
            ("topsPerWatt", .number(r.topsPerWatt, isInteger: false)),
        ]
    }
}

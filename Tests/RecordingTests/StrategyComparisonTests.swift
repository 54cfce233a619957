import AppTestSupport
import Foundation
import Recording
import Runtime
import Settings
import Testing

@Suite("Strategy comparison")
struct StrategyComparisonTests {
    func config(_ sets: [String]) throws -> ResolvedConfig {
        try ConfigLoader(configsDirectory: Repo.configs).resolve(
            file: Repo.configs + "/experiments/split-digits.yaml",
            sets: ["network.timesteps=4", "experiment.tasks=2", "network.layers=0,32,10"] + sets)
    }

    @Test("each strategy runs from the same seed; naive matches a plain run; replay prices its buffer; the lifetime observer fills the lifetime")
    func runsEachStrategy() throws {
        let c = try config(["experiment.strategies=naive,replay+maskedReadout", "continual.bufferSamples=10"])
        let plain = try ExperimentRunner(config: config([])).run()
        let result = try StrategyComparison.run(config: c) { $0.observers.append(StrategyLifetime()) }
        #expect(result.runs.map(\.strategy) == ["naive", "replay+maskedReadout"])
        #expect(result.runs[0].stateDigest == plain.stateDigest)
        let naive = try #require(result.runs[0].cost), replay = try #require(result.runs[1].cost)
        #expect(naive.bufferBytes == 0 && naive.replayPasses == 0 && naive.bufferEnergyPicojoules == 0)
        #expect(replay.bufferBytes == 10 * (64 * 4 + 4))
        #expect(replay.replayPasses == replay.trainSamples - 1)          // ratio 1: every sample after the first
        // Buffer energy is its bytes at the cost preset's SRAM prices.
        let m = c.cost.memory
        #expect(abs(replay.bufferEnergyPicojoules - (replay.bufferReadBytes * m.sramReadPicojoulesPerByte
                                                     + replay.bufferWriteBytes * m.sramWritePicojoulesPerByte)) < 1e-6)
        #expect(replay.bufferReadBytes == replay.replayPasses * 260)
        #expect(naive.projectedLifetimeSeconds != nil && naive.projectedLifetimeSeconds! > 0)
        #expect(result.json.contains("\"StreamFWT\""))
    }

    @Test("a strategy list with replay and no buffer is one error naming the key, before anything runs")
    func emptyBuffer() throws {
        let c = try config(["experiment.strategies=naive,replay"])
        var bad = c
        bad.run.engine.continual.bufferSamples = 0
        do { _ = try StrategyComparison.run(config: bad); Issue.record("no error") } catch {
            #expect("\(error)".contains("continual.bufferSamples"))
        }
    }
}

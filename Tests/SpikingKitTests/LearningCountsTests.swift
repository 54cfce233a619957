import CrossbarKit
import DeviceKit
import SpikingKit
import Testing

@Suite("Learning-logic counts for the energy ledger")
struct LearningCountsTests {
    func learner(scheme: PulseScheme) -> OnlineLearner {
        var engine = EngineConfig()
        engine.network.layers = [0, 16, 3]
        engine.network.timesteps = 5
        var hw = HardwareConfig()
        hw.writePath.scheme = scheme
        return OnlineLearner(config: engine, hardware: hw, seed: 3, inputWidth: 4)
    }

    @Test("inference counts no learning logic; a learned sample counts traces, MACs and one scaling per synapse",
          arguments: PulseScheme.allCases)
    func countsByPhase(scheme: PulseScheme) throws {
        let l = learner(scheme: scheme)
        let sample = Sample(features: [0.2, 0.9, 0.1, 0.5], label: 1)
        let infer = try l.process(sample, learn: false).counts
        #expect(infer.traceUpdates == 0 && infer.learningMacs == 0 && infer.updateScalings == 0 && infer.accumulatorUpdates == 0)
        #expect(infer.neuronUpdates == 5 * (16 + 3))
        let learn = try l.process(sample, learn: true).counts
        let synapses = Double(l.network.synapses)
        #expect(learn.updateScalings == synapses)
        #expect(learn.accumulatorUpdates == (scheme == .accumulate ? synapses : 0))
        // Per step of a static (direct) sample: ψ of the 16 hidden neurons, their factorized
        // eligibility h, and the readout's 16 input traces F.
        #expect(learn.traceUpdates == 5 * (16 + 16 + 16))
        #expect(learn.learningMacs > 0)
    }
}

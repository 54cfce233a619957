import AppTestSupport
import Datasets
import NIR
import Runtime
import Settings
import SpikingKit
import Testing

/// The 64-128-10 networks trained in snnTorch (BPTT, tools/make-nir-fixtures.py) and in Norse
/// (tools/make-norse-fixture.py) and exported to NIR, on the digits stream with ideal devices,
/// the default encoder (the one they were trained on) and learning rates 0: Spikebar predicts
/// what the framework predicted (same dt, the same equations in float32 on both sides — only
/// the order of the sums differs, so a spike right at threshold may flip). The samples are processed as a run does (`learn: true`), so
/// that the encoder's running z-score sees each sample before scaling it, as in training;
/// with both learning rates 0 nothing is written.
@Suite("NIR import: the snnTorch- and Norse-trained fixtures predict as in their framework")
struct NIRPredictionTests {
    static func learner(preset: String, model: String = NIRFixtures.digits) throws -> OnlineLearner {
        var config = try Repo.loader.resolve(file: nil, sets: [
            "network.model=\(model)", "learning.learningRate=0", "learning.readoutLearningRate=0",
        ], preset: preset)
        try config.run.engine.network.importModel(exactWindows: preset == "ideal")
        return RunSession.makeLearner(config: config, width: 64, classes: 10)
    }

    @Test("ideal devices: ≥ 98 % of the predictions agree, accuracy within 1 point", arguments: NIRFixtures.trained)
    func ideal(_ fixture: String) throws {
        let learner = try Self.learner(preset: "ideal", model: NIRFixtures.model(fixture))
        let expected = try NIRFixtures.digitsPredictions(fixture)
        let samples = try BundledDataset.digits.load(channels: nil)
        #expect(samples.count == expected.count)
        var agree = 0, correct = 0, spikes = 0
        for (s, e) in zip(samples, expected) {
            let o = try learner.process(s, learn: true)
            agree += o.prediction == e ? 1 : 0
            correct += o.correct == true ? 1 : 0
            spikes += o.spikes
        }
        let reference = try NIRFixtures.digitsReference(fixture)
        let n = Double(samples.count)
        #expect(Double(agree) / n >= 0.98)
        #expect(abs(Double(correct) / n - (reference["accuracy"] as! Double)) <= 0.01)
        // The hidden layer fires as in the framework (a few flips at threshold at most).
        let snnTorchSpikes = reference["hiddenSpikesPerSample"] as! Double
        #expect(abs(Double(spikes) / n - snnTorchSpikes) <= 0.005 * snnTorchSpikes)
        #expect(learner.totals.pulses == 0)
    }
}

import AppTestSupport
import Datasets
import NIR
import Runtime
import Settings
import SpikingKit
import Testing

/// The offline-trained 64-128-10 fixture on the digits stream with ideal devices and
/// learning off: Spikebar predicts what the discretised network predicted offline
/// (tools/make-nir-fixtures.py; same dt, same equations, float32 on both sides — only the
/// order of the sums differs, so a spike right at threshold may flip).
@Suite("NIR import: the trained fixture predicts as offline")
struct NIRPredictionTests {
    static func learner(preset: String) throws -> OnlineLearner {
        var config = try Repo.loader.resolve(file: nil, sets: [
            "network.model=\(NIRFixtures.digits)", "encoder.scaling=none", "encoder.gain=1",
        ], preset: preset)
        try config.run.engine.network.importModel(exactWindows: preset == "ideal")
        return RunSession.makeLearner(config: config, width: 64, classes: 10)
    }

    @Test("ideal devices: ≥ 98 % of the predictions agree, accuracy within 1 point")
    func ideal() throws {
        let learner = try Self.learner(preset: "ideal")
        let expected = try NIRFixtures.digitsPredictions()
        let samples = try BundledDataset.digits.load(channels: nil)
        #expect(samples.count == expected.count)
        var agree = 0, correct = 0
        for (s, e) in zip(samples, expected) {
            let o = try learner.process(s, learn: false)
            agree += o.prediction == e ? 1 : 0
            correct += o.correct == true ? 1 : 0
        }
        let reference = try NIRFixtures.digitsReference()["accuracy"] as! Double
        let n = Double(samples.count)
        #expect(Double(agree) / n >= 0.98)
        #expect(abs(Double(correct) / n - reference) <= 0.01)
        #expect(learner.totals.pulses == 0)
    }
}

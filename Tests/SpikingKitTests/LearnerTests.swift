import CrossbarKit
import DeviceKit
import KitSupport
import SpikingKit
import Testing

/// Synthetic, linearly separable static samples (two Gaussian blobs per class).
func blobs(count: Int, features: Int = 8, classes: Int = 3, seed: UInt64 = 5) -> [Sample] {
    var g = SeededGenerator(seed: seed)
    return (0..<count).map { k in
        let label = k % classes
        let x = (0..<features).map { f in Float((f % classes) == label ? 1 : 0) + 0.3 * g.nextGaussian() }
        return Sample(features: x, label: label)
    }
}

func noisyHardware() -> HardwareConfig {
    var hw = HardwareConfig()
    hw.preset.device.model = .constantStep
    hw.preset.device.dwMin = 0.01
    hw.preset.device.dwMinStd = 0.5
    hw.preset.device.dwMinDtod = 0.2
    hw.preset.electrical.readNoiseStd = 0.02
    hw.crossbar.adcBits = 8
    return hw
}

func engineConfig(classes: Int = 3) -> EngineConfig {
    var e = EngineConfig()
    e.network.layers = [0, 16, classes]
    e.network.timesteps = 8
    return e
}

@Suite("Online learner")
struct LearnerTests {
    @Test("the same seed and input give the same state digest; another seed does not")
    func reproducible() throws {
        func digest(_ seed: UInt64) throws -> String {
            let l = OnlineLearner(config: engineConfig(), hardware: noisyHardware(), seed: seed, inputWidth: 8)
            for s in blobs(count: 60) { _ = try l.process(s, learn: true) }
            return l.stateDigest
        }
        #expect(try digest(4) == digest(4))
        #expect(try digest(4) != digest(5))
    }

    @Test("restoring a saved state continues the run bit for bit")
    func restore() throws {
        let data = blobs(count: 80)
        let a = OnlineLearner(config: engineConfig(), hardware: noisyHardware(), seed: 9, inputWidth: 8)
        for s in data { _ = try a.process(s, learn: true) }
        let b = OnlineLearner(config: engineConfig(), hardware: noisyHardware(), seed: 9, inputWidth: 8)
        for s in data.prefix(35) { _ = try b.process(s, learn: true) }
        let saved = b.stateBytes()
        let c = OnlineLearner(config: engineConfig(), hardware: noisyHardware(), seed: 9, inputWidth: 8)
        try c.restore(saved)
        for s in data.dropFirst(35) { _ = try c.process(s, learn: true) }
        #expect(c.stateDigest == a.stateDigest)
    }

    @Test("a blob from another network shape is rejected")
    func restoreMismatch() {
        let a = OnlineLearner(config: engineConfig(), hardware: noisyHardware(), seed: 9, inputWidth: 8)
        let b = OnlineLearner(config: engineConfig(), hardware: noisyHardware(), seed: 9, inputWidth: 6)
        #expect(throws: StateError.self) { try b.restore(a.stateBytes()) }
    }

    @Test("it learns a separable stream on noisy devices, and learning off changes nothing")
    func learns() throws {
        let l = OnlineLearner(config: engineConfig(), hardware: noisyHardware(), seed: 2, inputWidth: 8)
        var m = PrequentialAccuracy(window: 100)
        for s in blobs(count: 600) { if let c = try l.process(s, learn: true).correct { m.record(correct: c) } }
        #expect(m.windowAccuracy > 0.9)
        let pulses = l.totals.pulses
        let weights = l.network.layers.map(\.weights)
        let scaler = l.encoder.scaler
        let statsBefore = (0..<8).map { scaler.scale($0, 1) }
        for s in blobs(count: 20, seed: 77) { _ = try l.process(s, learn: false) }
        #expect(l.totals.pulses == pulses)
        #expect(l.network.layers.map(\.weights) == weights)
        #expect((0..<8).map { scaler.scale($0, 1) } == statsBefore)
    }

    @Test("bad samples are rejected before they touch any state")
    func badSamples() throws {
        let l = OnlineLearner(config: engineConfig(), hardware: noisyHardware(), seed: 2, inputWidth: 8)
        let before = l.stateDigest
        #expect(throws: SampleError.badDimension(expected: 8, got: 7)) { try l.process(Sample(features: [Float](repeating: 0, count: 7), label: 0), learn: true) }
        #expect(throws: SampleError.labelOutOfRange(label: 3, classes: 3)) { try l.process(Sample(features: [Float](repeating: 0, count: 8), label: 3), learn: true) }
        var bad = [Float](repeating: 0, count: 8)
        bad[2] = .nan
        #expect(throws: SampleError.notFinite(index: 2)) { try l.process(Sample(features: bad, label: 0), learn: true) }
        #expect(l.stateDigest == before)
    }

    @Test("the confidence gate skips writes of confident correct samples")
    func gate() throws {
        var cfg = engineConfig()
        cfg.learning.skipWhenConfidentAbove = 0.36  // just above chance (1/3)
        let gated = OnlineLearner(config: cfg, hardware: noisyHardware(), seed: 2, inputWidth: 8)
        let open = OnlineLearner(config: engineConfig(), hardware: noisyHardware(), seed: 2, inputWidth: 8)
        for s in blobs(count: 300) {
            _ = try gated.process(s, learn: true)
            _ = try open.process(s, learn: true)
        }
        #expect(gated.samplesLearned < open.samplesLearned)
        #expect(gated.totals.pulses < open.totals.pulses)
    }
}

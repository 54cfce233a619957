import CrossbarKit
import Foundation
import DeviceKit
import KitSupport
import SpikingKit
import Testing

@Suite("Readout over time: every step, the sequence mean, the last steps")
struct ReadoutWindowTests {
    /// A small network on noiseless ideal devices (the default hardware), bias on.
    func learner(mode: ReadoutMode, window: Int = 1, hiddenRate: Float = 0, width: Int = 2,
                 timesteps: Int = 6) -> OnlineLearner {
        var engine = EngineConfig()
        engine.network.layers = [0, 8, 3]
        engine.network.bias = true
        engine.network.timesteps = timesteps
        engine.network.readoutMode = mode
        engine.network.readoutWindowSteps = window
        engine.network.initGains = [2, 0.5]
        engine.learning.learningRate = hiddenRate
        var hw = HardwareConfig()
        hw.preset.electrical.readNoiseStd = 0
        return OnlineLearner(config: engine, hardware: hw, seed: 5, inputWidth: width)
    }

    let series = Sample(frames: [[0.5, -1], [1.5, 0.2], [-0.3, 0.9], [2, -2], [0.1, 0.4], [1, 1], [-1, 0.3]], label: 2)

    /// Runs one sample with a target and returns the prediction, leaving the gradients in place.
    func gradients(_ l: OnlineLearner, _ s: Sample) -> Prediction {
        var counts = OperationCounts()
        l.encoder.begin(s, learn: true)
        return l.network.run(s, encoder: l.encoder, target: s.label, random: &l.random, counts: &counts)
    }

    func softmax(_ z: [Float]) -> [Float] {
        let m = z.max()!
        let e = z.map { exp($0 - m) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    @Test("mean mode: x = spike rates (bias line 1), one read ȳ = W·x, G = (softmax(ȳ) − onehot) ⊗ x (recomputed)")
    func meanReadout() {
        let l = learner(mode: .mean)
        let weights = l.network.layers[1].weights   // 9 rows × 3 classes, row-major
        let p = gradients(l, series)
        let T = Float(series.frameCount), rows = 9, classes = 3
        let counts = (0..<rows).map { l.network.readout.inputTraceSum[$0] }
        #expect(Int(counts[0..<8].reduce(0, +)) == p.spikes, "the counters saw every hidden spike")
        let x = (0..<rows).map { l.network.readout.features[$0] }
        #expect(x[8] == 1)
        for r in 0..<8 { #expect(x[r] == counts[r] / T) }   // first sample: no statistics yet
        let y = (0..<classes).map { k in (0..<rows).reduce(Float(0)) { $0 + weights[$1 * classes + k] * x[$1] } }
        let e = softmax(y).enumerated().map { $0.element - ($0.offset == 2 ? 1 : 0) }
        for r in 0..<rows {
            for k in 0..<classes { #expect(abs(l.network.readout.gradient[r * classes + k] - e[k] * x[r]) < 1e-5) }
        }
        #expect(p.label == y.indices.max(by: { y[$0] < y[$1] })!)
    }

    @Test("standardisation: μ and σ are the running mean and population sd of the rates; x = (r − μ)/σ")
    func standardisation() throws {
        let l = learner(mode: .mean)
        var rates: [[Float]] = []
        let samples = (0..<4).map { k in Sample(frames: series.frames(shiftedBy: Float(k) * 0.7), label: k % 3) }
        for s in samples {
            _ = try l.process(s, learn: true)
            rates.append((0..<8).map { l.network.readout.inputTraceSum[$0] / Float(s.frameCount) })
        }
        for r in 0..<8 {
            let v = rates.map { $0[r] }
            let mean = v.reduce(0, +) / 4
            let sd = (v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4).squareRoot()
            #expect(abs(l.network.readout.featureMean[r] - mean) < 1e-5)
            let inv = l.network.readout.invSigma[r]
            #expect(sd > 1e-6 ? abs(inv - 1 / sd) < 1e-3 * inv : inv == 0)
        }
        // The next sample is read with those statistics (before they include it).
        let mu = (0..<8).map { l.network.readout.featureMean[$0] }, inv = (0..<8).map { l.network.readout.invSigma[$0] }
        _ = try l.process(series, learn: false)
        for r in 0..<8 {
            let rate = l.network.readout.inputTraceSum[r] / Float(series.frameCount)
            #expect(abs(l.network.readout.features[r] - (rate - mu[r]) * inv[r]) < 1e-5)
        }
    }

    @Test("last with a window longer than the sample equals mean; last-1 reads the final step's spikes")
    func lastWindow() {
        let mean = learner(mode: .mean, hiddenRate: 0.01), long = learner(mode: .last, window: 100, hiddenRate: 0.01)
        #expect(gradients(mean, series) == gradients(long, series))
        for (ga, gb) in zip(mean.network.gradientBuffers, long.network.gradientBuffers) { #expect(ga.array == gb.array) }
        // last-1: the features are the spikes of the final step.
        let last = learner(mode: .last, window: 1)
        _ = gradients(last, series)
        for r in 0..<8 { #expect(last.network.readout.features[r] == last.network.hidden[0].output[r]) }
    }

    @Test("a fixed hidden layer (η = 0) computes no hidden traces and writes nothing there")
    func fixedHidden() throws {
        let l = learner(mode: .mean)
        let before = l.network.layers[0].stateDigestParts()
        let c = try l.process(series, learn: true).counts
        // No ψ, no hidden eligibility: only the 9 readout features and their statistics.
        #expect(c.traceUpdates == Double(4 * 9))
        #expect(l.network.layers[0].stateDigestParts() == before)
        #expect(c.updateScalings == Double(9 * 3))
    }

    @Test("a checkpoint carries the feature statistics: a restored learner continues bit for bit")
    func restoreContinues() throws {
        let a = learner(mode: .mean)
        for k in 0..<3 { _ = try a.process(Sample(frames: series.frames(shiftedBy: Float(k)), label: k % 3), learn: true) }
        let b = learner(mode: .mean)
        try b.restore(a.stateBytes())
        #expect(b.network.readout.featureSamples == 3)
        let next = Sample(frames: series.frames(shiftedBy: 5), label: 1)
        #expect(try a.process(next, learn: true) == b.process(next, learn: true))
        #expect(a.stateDigest == b.stateDigest)
    }

    @Test("variable length: a NaN-padded row runs its true length and ends in the same state as the unpadded one")
    func paddedSeries() throws {
        let unpadded: [Float] = [0.5, 1.5, -0.3, 2, 0.1, -1, 0.2, 0.9, -2, 0.4]
        let padded: [Float] = [0.5, 1.5, -0.3, 2, 0.1, .nan, .nan, -1, 0.2, 0.9, -2, 0.4, .nan, .nan]
        let a = Sample(channelMajor: unpadded, channels: 2, label: 0)!
        let b = Sample(channelMajor: padded, channels: 2, label: 0)!
        #expect(b.frameCount == 5)
        for mode in [ReadoutMode.last, .mean] {
            let la = learner(mode: mode, window: 2), lb = learner(mode: mode, window: 2)
            let oa = try la.process(a, learn: true), ob = try lb.process(b, learn: true)
            #expect(oa == ob && oa.timesteps == 5)
            #expect(la.stateDigest == lb.stateDigest)
        }
    }
}

extension Sample {
    /// The frames of a temporal sample, every value plus `shift` (a different series).
    func frames(shiftedBy shift: Float) -> [[Float]] {
        (0..<frameCount).map { t in (0..<channels).map { values[t * channels + $0] + shift * Float(($0 + t) % 3) } }
    }
}

extension CrossbarLayer {
    /// Every device's conductance state, for "nothing was written" checks.
    func stateDigestParts() -> [UInt8] {
        var w = StateWriter()
        writeState(to: &w)
        return w.bytes
    }
}

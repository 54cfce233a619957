import CrossbarKit
import DeviceKit
import KitSupport
import SpikingKit
import Testing

@Suite("LIF neurons")
struct LIFTests {
    func step(_ layer: LIFLayer, _ currents: [Float], reset: ResetMechanism, leak: Float = 0.9, threshold: Float = 1,
              bits: Int = 0) -> [Float] {
        for (k, c) in currents.enumerated() { layer.current[k] = c }
        _ = layer.step(leak: leak, threshold: threshold, reset: reset, membraneBits: bits, pseudoGain: 0.3, learning: true)
        return (0..<layer.size).map { layer.potential[$0] }
    }

    @Test("soft reset: U[t] = λU[t−1] + I[t] − θ·o[t−1], by hand")
    func softReset() {
        let l = LIFLayer(size: 2, inputRows: 1, bias: false)
        l.resetSample()
        #expect(step(l, [0.6, 1.2], reset: .soft) == [0.6, 1.2])
        #expect(l.output.array == [0, 1])
        // U = 0.9·0.6 + 0.6 = 1.14 → spike; second: 0.9·1.2 + 0.5 − 1 = 0.58.
        let u = step(l, [0.6, 0.5], reset: .soft)
        #expect(abs(u[0] - 1.14) < 1e-6 && abs(u[1] - 0.58) < 1e-6)
        #expect(l.output.array == [1, 0])
        #expect(l.spikeCount == 1 && l.spikeList[0] == 0)
    }

    @Test("hard reset: U[t] = λU[t−1](1 − o[t−1]) + I[t]")
    func hardReset() {
        let l = LIFLayer(size: 1, inputRows: 1, bias: false)
        l.resetSample()
        _ = step(l, [1.5], reset: .hard)
        #expect(l.output[0] == 1)
        #expect(abs(step(l, [0.3], reset: .hard)[0] - 0.3) < 1e-7)
    }

    @Test("pseudo-derivative ψ = γ·max(0, 1 − |U − θ|/θ)")
    func pseudoDerivative() {
        let l = LIFLayer(size: 3, inputRows: 1, bias: false)
        l.resetSample()
        _ = step(l, [1, 0.5, 2.5], reset: .soft)
        #expect(abs(l.pseudo[0] - 0.3) < 1e-7)
        #expect(abs(l.pseudo[1] - 0.15) < 1e-7)
        #expect(l.pseudo[2] == 0)
    }

    @Test("membrane quantization rounds U to 2^bits levels on ±2θ")
    func membraneBits() {
        let l = LIFLayer(size: 1, inputRows: 1, bias: false)
        l.resetSample()
        let u = step(l, [0.3], reset: .soft, bits: 4)   // lsb = 4/16 = 0.25
        #expect(u[0] == 0.25)
    }
}

@Suite("Encoders and scaling")
struct EncoderTests {
    func encode(_ cfg: EncoderConfig, _ s: Sample, steps: Int) -> [[Float]] {
        let e = InputEncoder(config: cfg, width: s.width)
        e.begin(s, learn: true)
        var rng = SeededGenerator(seed: 1)
        var out = [Float](repeating: 0, count: e.lines)
        return (0..<steps).map { t in
            out.withUnsafeMutableBufferPointer { e.encode(step: t, into: $0.baseAddress!, rng: &rng) }
            return out
        }
    }

    @Test("direct encoding repeats the scaled static sample every step")
    func direct() {
        var cfg = EncoderConfig()
        cfg.scaling = .fixedRange; cfg.rangeMin = 0; cfg.rangeMax = 16; cfg.gain = 1
        let frames = encode(cfg, Sample(features: [0, 8, 16]), steps: 3)
        #expect(frames.allSatisfy { $0 == [0, 0.5, 1] })
    }

    @Test("rate encoding fires with probability equal to the scaled value")
    func rate() {
        var cfg = EncoderConfig()
        cfg.encoding = .rate; cfg.scaling = .none; cfg.gain = 1
        let frames = encode(cfg, Sample(features: [0, 0.25, 0.9, 1.5]), steps: 20_000)
        let rates = (0..<4).map { c in Double(frames.reduce(0) { $0 + $1[c] }) / 20_000 }
        #expect(rates[0] == 0)
        #expect(abs(rates[1] - 0.25) < 0.015)
        #expect(abs(rates[2] - 0.9) < 0.01)
        #expect(rates[3] == 1)  // probability clipped to 1
    }

    @Test("delta encoding: ON when the value rose by δ since the last spike, OFF when it fell")
    func delta() {
        var cfg = EncoderConfig()
        cfg.encoding = .delta; cfg.scaling = .none; cfg.gain = 1; cfg.deltaThreshold = 0.5
        let s = Sample(frames: [[0], [0.3], [0.6], [0.7], [0.05], [-0.5]])
        let out = encode(cfg, s, steps: 6)
        #expect(out.map { $0[0] } == [0, 0, 1, 0, 0, 0])  // ON at 0.6 (rose 0.6 from 0)
        #expect(out.map { $0[1] } == [0, 0, 0, 0, 1, 1])  // OFF at 0.05 (fell 0.55) and at −0.5
    }

    @Test("running z-score matches the sample statistics, per channel for temporal samples")
    func zScore() {
        var cfg = EncoderConfig()
        cfg.scaling = .runningZScore; cfg.gain = 1
        let e = InputEncoder(config: cfg, width: 2)
        e.begin(Sample(frames: [[1, 10], [3, 10], [5, 40]]), learn: true)
        // Channel 0: mean 3, population sd √(8/3); channel 1: mean 20, sd √200.
        #expect(abs(e.scaler.scale(0, 5) - 2 / (8.0 / 3).squareRoot()) < 1e-5)
        #expect(abs(e.scaler.scale(1, 10) + 10 / Float(200).squareRoot()) < 1e-5)
    }

    @Test("running min-max maps the seen range onto [0, 1]")
    func minMax() {
        var cfg = EncoderConfig()
        cfg.scaling = .runningMinMax; cfg.gain = 1
        let e = InputEncoder(config: cfg, width: 1)
        e.begin(Sample(features: [2]), learn: true)
        e.begin(Sample(features: [6]), learn: true)
        #expect(e.scaler.scale(0, 3) == 0.25)
    }

    @Test("channel-major rows become frames; trailing NaN padding is dropped")
    func channelMajor() {
        let row: [Float] = [1, 2, 3, .nan, 10, 20, 30, .nan]
        let s = Sample(channelMajor: row, channels: 2)!
        #expect(s.frameCount == 3 && s.channels == 2)
        #expect(s.values == [1, 10, 2, 20, 3, 30])
    }
}

@Suite("Prequential accuracy")
struct PrequentialTests {
    @Test("cumulative and sliding-window accuracy, and restoring from saved outcomes")
    func window() {
        var m = PrequentialAccuracy(window: 3)
        for c in [true, false, true, true, false] { m.record(correct: c) }
        #expect(m.accuracy == 0.6)
        #expect(abs(m.windowAccuracy - 2.0 / 3) < 1e-12)
        #expect(m.windowOutcomes == [true, true, false])
        let r = PrequentialAccuracy(window: 3, samples: m.samples, correct: m.correct, windowOutcomes: m.windowOutcomes)
        #expect(r == m || (r.accuracy == m.accuracy && r.windowAccuracy == m.windowAccuracy))
    }
}

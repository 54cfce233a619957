import CrossbarKit
import DeviceKit
import KitSupport
import SpikingKit
import Testing

@Suite("Temporal inputs: delay line and per-series normalisation")
struct TemporalEncoderTests {
    func encode(_ cfg: EncoderConfig, _ s: Sample) -> [[Float]] {
        let e = InputEncoder(config: cfg, width: s.width)
        e.begin(s, learn: true)
        var rng = SeededGenerator(seed: 1)
        var out = [Float](repeating: -99, count: e.lines)
        return (0..<s.frameCount).map { t in
            out.withUnsafeMutableBufferPointer { e.encode(step: t, into: $0.baseAddress!, rng: &rng) }
            return out
        }
    }

    func plain(taps: Int, dilations: [Int]) -> EncoderConfig {
        var cfg = EncoderConfig()
        cfg.scaling = .none; cfg.gain = 1
        cfg.delayLine.taps = taps; cfg.delayLine.dilations = dilations
        return cfg
    }

    @Test("delay line rows are x[t], then x[t − d·k] per dilation d and tap k, 0 before the start (by hand)")
    func delayLineContents() {
        let cfg = plain(taps: 3, dilations: [1, 2])
        #expect(cfg.delayLine.rowsPerLine == 5 && cfg.delayLine.depth == 4)
        let rows = encode(cfg, Sample(frames: [[1], [2], [3], [4], [5]]))
        #expect(rows[0] == [1, 0, 0, 0, 0])
        #expect(rows[1] == [2, 1, 0, 0, 0])
        #expect(rows[2] == [3, 2, 1, 1, 0])
        // t = 4: x4; d=1: x3, x2; d=2: x2, x0.
        #expect(rows[4] == [5, 4, 3, 3, 1])
    }

    @Test("delay line with two channels: R rows per channel, channel-major blocks")
    func delayLineChannels() {
        let cfg = plain(taps: 2, dilations: [2])
        let rows = encode(cfg, Sample(frames: [[1, 10], [2, 20], [3, 30]]))
        #expect(rows.map(\.count) == [4, 4, 4])
        #expect(rows[2] == [3, 1, 30, 10])
        #expect(rows[1] == [2, 0, 20, 0])
    }

    @Test("a delay line that is off (taps ≤ 1) leaves the direct encoding unchanged")
    func delayLineOff() {
        let s = Sample(frames: [[1, 2], [3, 4]])
        #expect(encode(plain(taps: 1, dilations: [4]), s) == encode(plain(taps: 0, dilations: [1]), s))
        #expect(encode(plain(taps: 0, dilations: [1]), s) == [[1, 2], [3, 4]])
    }

    @Test("series scaling: each channel z-scored over its own frames, times the gain; a flat channel gives 0")
    func seriesNormalisation() {
        var cfg = EncoderConfig()
        cfg.scaling = .series; cfg.gain = 0.5
        let rows = encode(cfg, Sample(frames: [[1, 7], [2, 7], [3, 7], [4, 7]]))
        let sigma = Float(1.25).squareRoot()   // population sd of 1,2,3,4 around 2.5
        for (t, x) in [Float(1), 2, 3, 4].enumerated() {
            #expect(abs(rows[t][0] - 0.5 * (x - 2.5) / sigma) < 1e-6)
            #expect(rows[t][1] == 0)
        }
        // Independent of the series' offset and scale: a·x + b gives the same rows.
        let shifted = encode(cfg, Sample(frames: [[13, 7], [16, 7], [19, 7], [22, 7]]))
        for t in 0..<4 { #expect(abs(shifted[t][0] - rows[t][0]) < 1e-5) }
    }

    @Test("bad delay-line settings are errors naming the key")
    func badConfig() {
        var cfg = plain(taps: 9, dilations: [1, 0])
        #expect(throws: ConfigError.self) { try cfg.validateAll(at: "encoder") }
        do { try cfg.validateAll(at: "encoder") } catch { #expect("\(error)".contains("encoder.delayLine.dilations")) }
        cfg.delayLine.dilations = [1]
        cfg.encoding = .delta
        do { try cfg.validateAll(at: "encoder"); Issue.record("delta + delay line accepted") } catch {
            #expect("\(error)".contains("encoder.delayLine.taps"))
        }
        cfg.encoding = .direct
        cfg.delayLine.taps = -1
        do { try cfg.validateAll(at: "encoder"); Issue.record("negative taps accepted") } catch {
            #expect("\(error)".contains("encoder.delayLine.taps"))
        }
    }
}

@Suite("Temporal inputs: the delay line's cost")
struct DelayLineCostTests {
    @Test("a sample counts W·(1 + R) register words per step: one write per channel, one read per driven row")
    func accessesPerStep() throws {
        var engine = EngineConfig()
        engine.network.layers = [0, 8, 2]
        engine.network.readoutMode = .mean
        engine.encoder.delayLine.taps = 3
        engine.encoder.delayLine.dilations = [1, 4]
        let l = OnlineLearner(config: engine, hardware: HardwareConfig(), seed: 2, inputWidth: 2)
        #expect(l.network.inputLines == 2 * 5)
        let s = Sample(frames: (0..<7).map { [Float($0), -Float($0)] }, label: 1)
        let c = try l.process(s, learn: true).counts
        #expect(c.delayLineAccesses == Double(7 * 2 * (1 + 5)))
        var plain = engine
        plain.encoder.delayLine.taps = 0
        let p = OnlineLearner(config: plain, hardware: HardwareConfig(), seed: 2, inputWidth: 2)
        #expect(try p.process(s, learn: true).counts.delayLineAccesses == 0)
    }
}

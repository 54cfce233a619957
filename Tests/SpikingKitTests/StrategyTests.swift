import CrossbarKit
import DeviceKit
import KitSupport
import SpikingKit
import Testing

/// Samples 0, 1, 2, … with one feature equal to their index (so the buffer's contents name
/// which samples it kept).
func numbered(_ n: Int, classes: Int = 2) -> [Sample] {
    (0..<n).map { Sample(features: [Float($0)], label: $0 % classes) }
}

@Suite("Replay buffer")
struct ReplayBufferTests {
    @Test("reservoir: the first N samples fill the slots in order")
    func fills() {
        var b = ReplayBuffer(capacity: 3, classBalanced: false, seed: 1)
        for s in numbered(3) { let stored = b.offer(s); #expect(stored) }
        #expect(b.all.map { Int($0.values[0]) } == [0, 1, 2])
    }

    @Test("reservoir after N: sample n replaces slot j = uniform(0…n) when j < N (algorithm R, recomputed)")
    func algorithmR() {
        var b = ReplayBuffer(capacity: 3, classBalanced: false, seed: 7)
        // Independent recomputation from the same stream.
        var rng = SeededGenerator(seed: 7, stream: .replay)
        var expected = [0, 1, 2]
        for n in 3..<20 {
            let j = Int.random(in: 0...n, using: &rng)
            if j < 3 { expected[j] = n }
        }
        for s in numbered(20) { b.offer(s) }
        #expect(b.all.map { Int($0.values[0]) } == expected)
        #expect(b.count == 3 && b.offered == 20)
    }

    @Test("reservoir: every sample of a long stream is kept with probability N/n (±4σ over many seeds)")
    func uniform() {
        let n = 40, cap = 10, seeds = 2000
        var hits = [Int](repeating: 0, count: n)
        for seed in 0..<seeds {
            var b = ReplayBuffer(capacity: cap, classBalanced: false, seed: UInt64(seed))
            for s in numbered(n) { b.offer(s) }
            for s in b.all { hits[Int(s.values[0])] += 1 }
        }
        let p = Double(cap) / Double(n), sigma = (Double(seeds) * p * (1 - p)).squareRoot()
        for h in hits { #expect(abs(Double(h) - Double(seeds) * p) < 4 * sigma) }
    }

    @Test("class-balanced: a new class halves the quota; each class keeps ⌊N/classes⌋ samples")
    func classBalanced() {
        var b = ReplayBuffer(capacity: 4, classBalanced: true, seed: 3)
        for k in 0..<4 { b.offer(Sample(features: [Float(k)], label: 0)) }
        #expect(b.all.map { Int($0.values[0]) } == [0, 1, 2, 3])
        b.offer(Sample(features: [10], label: 1))     // quota 2: class 0 keeps its first two slots
        #expect(b.all.map { Int($0.values[0]) } == [0, 1, 10])
        b.offer(Sample(features: [11], label: 1))
        #expect(b.all.map { $0.label } == [0, 0, 1, 1])
    }

    @Test("bytes: a raw sample costs 4 bytes per value plus a 4-byte header")
    func bytes() {
        #expect(ReplayBuffer.bytes(of: Sample(features: [1, 2, 3], label: 0)) == 16)
        #expect(ReplayBuffer(capacity: 200, classBalanced: false, seed: 1).capacityBytes(sampleValues: 64) == 200 * 260)
    }
}

@Suite("Metaplastic write gate")
struct WriteGateTests {
    @Test("importance: ω accumulates Δ²/η; consolidation moves it into Ω and sets s = 1/(1 + m·Ω/mean Ω)")
    func accumulation() {
        let g = WriteGate(layerSizes: [2], gated: [true], metaplasticity: 1, freezeAbove: 0)
        var counts = OperationCounts()
        var d: [Float] = [0.2, 0.1]
        d.withUnsafeMutableBufferPointer { g.apply(layer: 0, delta: $0.baseAddress!, rate: 0.5, counts: &counts) }
        #expect(d == [0.2, 0.1])                              // nothing consolidated yet: s = 1
        #expect(abs(g.running[0][0] - 0.08) < 1e-7)           // 0.2²/0.5
        #expect(abs(g.running[0][1] - 0.02) < 1e-7)           // 0.1²/0.5
        g.consolidate()
        #expect(g.running[0][0] == 0 && abs(g.consolidated[0][0] - 0.08) < 1e-7)
        // mean Ω = 0.05: Ω̂ = 1.6 and 0.4, s = 1/2.6 and 1/1.4.
        #expect(abs(g.scale[0][0] - 1 / 2.6) < 1e-6 && abs(g.scale[0][1] - 1 / 1.4) < 1e-6)
        d = [1, 1]
        d.withUnsafeMutableBufferPointer { g.apply(layer: 0, delta: $0.baseAddress!, rate: 0.5, counts: &counts) }
        #expect(abs(d[0] - 1 / 2.6) < 1e-6 && abs(d[1] - 1 / 1.4) < 1e-6)
        #expect(counts.learningMacs == 4 && counts.updateScalings == 4)
    }

    @Test("freezing: Ω̂ ≥ freezeAbove gives s = 0; ungated layers are left alone")
    func freezing() {
        let g = WriteGate(layerSizes: [2, 1], gated: [true, false], metaplasticity: 1, freezeAbove: 1.5)
        var counts = OperationCounts()
        var d: [Float] = [0.3, 0.1]
        d.withUnsafeMutableBufferPointer { g.apply(layer: 0, delta: $0.baseAddress!, rate: 1, counts: &counts) }
        g.consolidate()                                       // Ω = 0.09, 0.01; Ω̂ = 1.8, 0.2
        #expect(g.scale[0][0] == 0 && g.frozenSynapses == 1)
        var e: [Float] = [5]
        e.withUnsafeMutableBufferPointer { g.apply(layer: 1, delta: $0.baseAddress!, rate: 1, counts: &counts) }
        #expect(e == [5])
    }

    @Test("a frozen synapse sends no pulse, the others still learn (accumulate scheme, real learner)")
    func gatedSynapseSendsNoPulse() throws {
        var cfg = engineConfig(classes: 2)
        cfg.continual.strategy = "metaplasticity"
        cfg.continual.freezeAbove = 1e-9                      // every synapse with any importance freezes
        cfg.continual.gateLayers = .readout
        let l = OnlineLearner(config: cfg, hardware: noisyHardware(), seed: 4, inputWidth: 8)
        let data = blobs(count: 60, classes: 2)
        for s in data.prefix(30) { var x = s; x.task = 0; _ = try l.process(x, learn: true) }
        let readout = l.network.layers.last!
        let frozen = (0..<(readout.rows * readout.cols)).filter { l.continual!.gate!.scale[1][$0] == 0 }
        #expect(frozen.isEmpty)                               // no task change yet
        var x = data[30]; x.task = 1
        _ = try l.process(x, learn: true)                     // task change: consolidate
        let gate = l.continual!.gate!
        let frozenNow = (0..<(readout.rows * readout.cols)).filter { gate.scale[1][$0] == 0 }
        #expect(!frozenNow.isEmpty)
        let before = frozenNow.map { readout.plus.pulses($0) + readout.minus.pulses($0) }
        for s in data.suffix(29) { var y = s; y.task = 1; _ = try l.process(y, learn: true) }
        let after = frozenNow.map { readout.plus.pulses($0) + readout.minus.pulses($0) }
        #expect(before == after)
    }
}

@Suite("Masked readout")
struct MaskedReadoutTests {
    @Test("masked softmax equals the softmax over the unmasked classes alone")
    func renormalized() {
        var p: [Float] = [0.5, 0.3, 0.2]
        let mask: [Float] = [0, 1, 1]
        p.withUnsafeMutableBufferPointer { pp in mask.withUnsafeBufferPointer { renormalize(pp.baseAddress!, mask: $0.baseAddress!, count: 3) } }
        #expect(p[0] == 0 && abs(p[1] - 0.6) < 1e-6 && abs(p[2] - 0.4) < 1e-6)
    }

    @Test("norm correction: g_k = mean seen norm / ‖w_k‖; unseen or zero columns keep 1")
    func gains() {
        // 2 rows × 4 classes; column norms 5, 1, 0, 2.
        let w: [Float] = [3, 1, 0, 2,
                          4, 0, 0, 0]
        let norms = ReadoutNorms.columnNorms(w, rows: 2, cols: 4)
        #expect(norms == [5, 1, 0, 2])
        let out = Buffer<Float>(repeating: 0, count: 4)
        ReadoutNorms.gains(norms: norms, seen: [true, true, true, false], into: out)
        #expect(out[0] == 0.6 && out[1] == 3 && out[2] == 1 && out[3] == 1)   // mean of 5 and 1 = 3
    }

    @Test("masked training never writes the readout columns of classes outside the task")
    func maskedColumnsUntouched() throws {
        var cfg = engineConfig(classes: 3)
        cfg.continual.strategy = "maskedReadout"
        cfg.network.initGains = [1, 0]
        let l = OnlineLearner(config: cfg, hardware: noisyHardware(), seed: 4, inputWidth: 8)
        let readout = l.network.layers.last!
        for s in blobs(count: 60, classes: 3) where s.label != 2 { var x = s; x.task = 0; _ = try l.process(x, learn: true) }
        let column2 = (0..<readout.rows).map { readout.plus.pulses($0 * readout.cols + 2) + readout.minus.pulses($0 * readout.cols + 2) }
        let column0 = (0..<readout.rows).map { readout.plus.pulses($0 * readout.cols) }
        #expect(column2.allSatisfy { $0 == 0 })
        #expect(column0.contains { $0 > 0 })
    }
}

@Suite("Strategy configuration")
struct StrategyConfigTests {
    @Test("an unknown strategy name is one error naming the key")
    func unknownName() {
        var c = EngineConfig()
        c.continual.strategy = "replay+ewc"
        #expect(throws: ConfigError.self) { try c.validate(at: "") }
        do { try c.validate(at: "") } catch { #expect("\(error)".contains("'strategy'")) }
    }

    @Test("replay with an empty buffer is an error naming continual.bufferSamples")
    func emptyBuffer() {
        var c = EngineConfig()
        c.continual.strategy = "replay"
        c.continual.bufferSamples = 0
        do { try c.validate(at: ""); Issue.record("no error") } catch { #expect("\(error)".contains("'continual.bufferSamples'")) }
    }

    @Test("naive leaves the learner exactly as before: no strategy state, the same digest as a default config")
    func naiveUnchanged() throws {
        var named = engineConfig()
        named.continual.strategy = "naive"
        let a = OnlineLearner(config: engineConfig(), hardware: noisyHardware(), seed: 3, inputWidth: 8)
        let b = OnlineLearner(config: named, hardware: noisyHardware(), seed: 3, inputWidth: 8)
        for s in blobs(count: 20) { _ = try a.process(s, learn: true); _ = try b.process(s, learn: true) }
        #expect(b.continual == nil && a.stateDigest == b.stateDigest)
    }

    @Test("a strategy's state round-trips through the learner's state bytes")
    func stateRoundTrip() throws {
        var cfg = engineConfig()
        cfg.continual.strategy = "replay+metaplasticity+maskedReadout"
        cfg.continual.bufferSamples = 5
        let a = OnlineLearner(config: cfg, hardware: noisyHardware(), seed: 3, inputWidth: 8)
        for (k, s) in blobs(count: 30).enumerated() { var x = s; x.task = k / 10; _ = try a.process(x, learn: true) }
        let b = OnlineLearner(config: cfg, hardware: noisyHardware(), seed: 3, inputWidth: 8)
        try b.restore(a.stateBytes())
        #expect(b.stateDigest == a.stateDigest)
        #expect(b.continual!.buffer! == a.continual!.buffer!)
        let s = blobs(count: 31).last!
        #expect(try a.process(s, learn: true) == b.process(s, learn: true))
        #expect(a.stateDigest == b.stateDigest)
    }

    @Test("replay runs replayRatio extra passes per learned sample and counts the buffer's bytes")
    func replayCounts() throws {
        var cfg = engineConfig()
        cfg.continual.strategy = "replay"
        cfg.continual.bufferSamples = 4
        cfg.continual.replayRatio = 0.5
        let l = OnlineLearner(config: cfg, hardware: noisyHardware(), seed: 3, inputWidth: 8)
        for s in blobs(count: 10) { _ = try l.process(s, learn: true) }
        let c = l.continual!.counts
        // Sample 1 finds the buffer holding sample 0; credit reaches 1 at samples 1, 3, 5, 7, 9.
        #expect(c.replayPasses == 5)
        #expect(c.bufferReadBytes == 5 * 36)                  // 8 values · 4 B + 4 B
        #expect(c.bufferWriteBytes >= 4 * 36)                 // at least the first four fills
    }
}

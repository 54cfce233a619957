import CrossbarKit
import DeviceKit
import KitSupport
import Testing

/// Per-device iterative program-and-verify (CrossbarLayer.programVerify): stops within the
/// tolerance or at the budget, counts every pulse and verify read, ideal devices exact.
@Suite("Programming: per-device program-and-verify")
struct ProgramVerifyTests {
    /// Targets spread over ±0.6 of the window, some exactly 0.
    static func targets(_ n: Int) -> [Float] {
        (0..<n).map { i -> Float in
            let k = (i * 37) % 97 - 48
            return i % 5 == 0 ? 0 : Float(k) / 80
        }
    }

    func program(_ layer: CrossbarLayer, _ targets: [Float], seed: UInt64 = 3) -> (ProgramVerifyTally, OperationCounts) {
        var write = SeededGenerator(seed: seed, stream: .writeNoise)
        var read = SeededGenerator(seed: seed, stream: .programmingReads)
        var counts = OperationCounts()
        let t = layer.programVerify(targets, timeSeconds: 0, writeRNG: &write, readRNG: &read, counts: &counts)
        return (t, counts)
    }

    func pairPulses(_ layer: CrossbarLayer, _ i: Int) -> Int { Int(layer.plus.pulses(i) + layer.minus.pulses(i)) }

    @Test("ideal devices: every weight exact, one pulse per non-zero target, one read before and one after it")
    func ideal() {
        var p = DevicePreset()
        p.device.model = .ideal
        let layer = makeLayer(rows: 6, cols: 7, preset: p, scale: 0.5)
        let targets = Self.targets(42)
        let (t, c) = program(layer, targets)
        let written = targets.filter { $0 != 0 }.count
        #expect(layer.weights == targets)
        #expect(c.pulses == Double(written))
        #expect(c.verifyReads == Double(42 + written))
        #expect(t.converged == 42 && t.exhausted == 0 && t.iterations == 42 + written)
    }

    @Test("noisy pulses (σ = 4.7 steps), no read noise: each pair ends within ±τ·s or used its whole budget; every pulse and read counted")
    func noisyPulses() {
        var p = exactConstantStep(step: 1.0 / 64)
        p.device.dwMinStd = 4.7
        p.verify.programToleranceSteps = 1
        p.verify.programMaxPulses = 60
        p.verify.programReadsPerVerify = 3
        let layer = makeLayer(rows: 8, cols: 8, preset: p)
        let targets = Self.targets(64)
        let (t, c) = program(layer, targets)
        var exhausted = 0, total = 0, most = 0
        for i in 0..<64 {
            let n = pairPulses(layer, i)
            total += n
            most = max(most, n)
            let within = abs(layer.weights[i] - targets[i]) <= 1.0 / 64 + 1e-6
            #expect(within || n == 60, "pair \(i): error \(layer.weights[i] - targets[i]) after \(n) pulses")
            #expect(n <= 60)
            if !within { exhausted += 1 }
        }
        #expect(t.converged + t.exhausted == 64)
        #expect(t.exhausted == exhausted)
        #expect(t.converged > 48)  // a random walk with drift revisits the band well within 60 pulses
        #expect(c.pulses == Double(total))
        #expect(c.setPulses + c.resetPulses == c.pulses)
        #expect(t.maxPulsesPerPair == most)
        #expect(c.verifyReads == 3 * Double(t.iterations))
        // One check per burst, plus the final one per pair (cap 1: one pulse per burst).
        #expect(t.iterations == total + 64)
    }

    @Test("a zero budget sends no pulse: pairs off target stop exhausted after one check")
    func zeroBudget() {
        var p = exactConstantStep(step: 1.0 / 64)
        p.verify.programMaxPulses = 0
        let layer = makeLayer(rows: 3, cols: 5, preset: p)
        let targets = Self.targets(15)
        let (t, c) = program(layer, targets)
        #expect(c.pulses == 0)
        #expect(t.exhausted == targets.filter { abs($0) > 1.0 / 64 }.count)
        #expect(c.verifyReads == Double(15 * p.verify.programReadsPerVerify))
    }

    @Test("a burst cap c sends at most c pulses between checks; noiseless, the pair lands within the tolerance")
    func burstCap() {
        var p = exactConstantStep(step: 1.0 / 64)
        p.verify.programMaxPulsesPerIteration = 4
        p.verify.programReadsPerVerify = 1
        let layer = makeLayer(rows: 1, cols: 1, preset: p)
        let (t, c) = program(layer, [Float(10) / 64])
        #expect(c.pulses == 10)
        #expect(t.iterations == 4)   // 4 + 4 + 2 pulses, then the check that stops
        #expect(abs(layer.weights[0] - 10.0 / 64) <= 1e-6)
    }
}

import CrossbarKit
import DeviceKit
import KitSupport
import Testing

/// Online writes through program-and-verify (`hardware.verify.onlineProgramVerify`,
/// CrossbarLayer.verifiedWrite): the change lands within the tolerance of read + n·s, single
/// pulses, every read counted; without the generator the write path is the open-loop one.
@Suite("Online writes through program-and-verify")
struct OnlineVerifyTests {
    /// Noisy pulses (σ = 4.7 steps, rram's), no read noise, constant steps of 1/64.
    static func preset(budget: Int = 400, reads: Int = 2) -> DevicePreset {
        var p = exactConstantStep(step: 1.0 / 64)
        p.device.dwMinStd = 4.7
        p.electrical.readNoiseStd = 0
        p.verify.programMaxPulses = budget
        p.verify.programReadsPerVerify = reads
        p.verify.onlineProgramVerify = true
        return p
    }

    static let initial: [Float] = (0..<48).map { Float(($0 * 29) % 41 - 20) / 64 }
    /// Signed pulse counts the update asks for (some zero).
    static let steps: [Int] = (0..<48).map { ($0 * 7) % 13 - 6 }

    /// Writes `steps[i]` nominal steps to every pair with the round scheme.
    func write(_ layer: CrossbarLayer, seed: UInt64 = 4) -> OperationCounts {
        let delta = Buffer<Float>(repeating: 0, count: 48)
        for i in 0..<48 { delta[i] = Float(Self.steps[i]) / 64 }
        var rng = SeededGenerator(seed: seed, stream: .writeNoise)
        var rounding = SeededGenerator(seed: seed, stream: .pulseRounding)
        var counts = OperationCounts()
        layer.applyUpdate(delta.pointer, timeSeconds: 0, rng: &rng, roundingRNG: &rounding, counts: &counts, scheme: .round)
        return counts
    }

    func layer(_ p: DevicePreset, verified: Bool) -> CrossbarLayer {
        let l = makeLayer(rows: 6, cols: 8, preset: p, initial: Self.initial)
        if verified { l.onlineVerifyReads = SeededGenerator(seed: 1, stream: .onlineVerifyReads) }
        return l
    }

    @Test("with noisy pulses and exact reads every written pair ends within τ·s of its weight before plus n·s; open loop does not")
    func landsWithinTolerance() {
        let p = Self.preset()
        let verified = layer(p, verified: true)
        let before = verified.weights
        let c = write(verified)
        let s: Float = 1.0 / 64
        var openErrors: Float = 0
        let open = layer(p, verified: false)
        _ = write(open)
        for i in 0..<48 {
            let target = before[i] + Float(Self.steps[i]) * s
            if Self.steps[i] == 0 {
                #expect(verified.weights[i] == before[i])
                continue
            }
            let error = abs(verified.weights[i] - target)
            #expect(error <= 0.5 * s + 1e-6, "pair \(i): \(error / s) steps off")
            openErrors = max(openErrors, abs(open.weights[i] - target))
        }
        // rram's pulse noise leaves open-loop writes several steps off.
        #expect(openErrors > 2 * s)
        let written = Self.steps.filter { $0 != 0 }.count
        #expect(c.synapseWrites == Double(written))
        // One read (k = 2) before and at least one check after each write, every read counted.
        #expect(c.verifyReads >= Double(2 * 2 * written))
        #expect(c.verifyReads.truncatingRemainder(dividingBy: 2) == 0)
        let pulses = (0..<48).reduce(0) { $0 + Int(verified.plus.pulses($1) + verified.minus.pulses($1)) }
        #expect(c.pulses == Double(pulses))
    }

    @Test("noiseless pulses and reads: a verified write sends exactly |n| single pulses, reads k per check")
    func noiselessIsExact() {
        var p = Self.preset(reads: 3)
        p.device.dwMinStd = 0
        let l = layer(p, verified: true)
        let before = l.weights
        let c = write(l)
        let total = Self.steps.reduce(0) { $0 + abs($1) }
        #expect(c.pulses == Double(total))
        // Per pair: the read before, then one check after each single pulse.
        #expect(c.verifyReads == Double(3 * Self.steps.reduce(0) { $0 + ($1 == 0 ? 0 : abs($1) + 1) }))
        for i in 0..<48 { #expect(abs(l.weights[i] - (before[i] + Float(Self.steps[i]) / 64)) <= 1e-6) }
    }

    @Test("a pulse budget B stops a pair after B pulses")
    func budget() {
        let l = layer(Self.preset(budget: 2), verified: true)
        _ = write(l)
        for i in 0..<48 { #expect(l.plus.pulses(i) + l.minus.pulses(i) <= 2) }
    }

    @Test("the preset key alone changes nothing: without the layer's generator the write is open loop, bit for bit")
    func keyWithoutGenerator() {
        var off = Self.preset()
        off.verify.onlineProgramVerify = false
        let a = layer(Self.preset(), verified: false), b = layer(off, verified: false)
        let ca = write(a), cb = write(b)
        #expect(a.weights == b.weights)
        #expect(ca.pulses == cb.pulses && ca.verifyReads == 0 && cb.verifyReads == 0)
    }
}

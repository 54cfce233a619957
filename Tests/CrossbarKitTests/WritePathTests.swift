import CrossbarKit
import DeviceKit
import KitSupport
import Testing

@Suite("Crossbar write path")
struct WritePathTests {
    func apply(_ layer: CrossbarLayer, _ delta: [Float], seed: UInt64 = 1) -> OperationCounts {
        var d = delta
        var rng = SeededGenerator(seed: seed), rounding = SeededGenerator(seed: seed + 1)
        var counts = OperationCounts()
        d.withUnsafeMutableBufferPointer {
            layer.applyUpdate($0.baseAddress!, timeSeconds: 0, rng: &rng, roundingRNG: &rounding, counts: &counts)
        }
        return counts
    }

    @Test("round: n = round(ΔW/Δw_min); updates below half a step are lost")
    func roundScheme() {
        let step: Float = 0x1p-8
        let layer = makeLayer(rows: 1, cols: 3, preset: exactConstantStep(step: step)) { _ in } writePath: { $0.scheme = .round }
        let counts = apply(layer, [0.4 * step, 2.6 * step, -1.5 * step])
        #expect(layer.weights == [0, 3 * step, -2 * step])
        #expect(counts.setPulses == 3)
        #expect(counts.resetPulses == 2)
        for _ in 0..<10 { _ = apply(layer, [0.4 * step, 0, 0]) }
        #expect(layer.weights[0] == 0)  // ten sub-half-step updates, all lost
    }

    @Test("stochastic rounding is unbiased")
    func stochasticScheme() {
        let step: Float = 0x1p-10
        let layer = makeLayer(rows: 1, cols: 1, preset: exactConstantStep(step: step)) { _ in } writePath: { $0.scheme = .stochastic }
        for k in 0..<2000 { _ = apply(layer, [0.3 * step], seed: UInt64(k)) }
        // Expected 600 pulses; binomial sd √(2000·0.3·0.7) ≈ 20.5.
        let pulses = layer.weights[0] / step
        #expect(abs(pulses - 600) < 80)
    }

    @Test("accumulate: χ keeps what the pulses did not deliver; nothing is lost")
    func accumulateScheme() {
        let step: Float = 0x1p-8
        let layer = makeLayer(rows: 1, cols: 1, preset: exactConstantStep(step: step)) { _ in } writePath: { $0.scheme = .accumulate }
        var total: Float = 0
        for _ in 0..<10 { _ = apply(layer, [0.3 * step]); total += 0.3 }
        let delivered = layer.weights[0] / step
        #expect(delivered == 3)
        #expect(abs(layer.accumulator[0] - (total - delivered)) < 1e-5)
    }

    @Test("accumulate with ε = k steps writes only once k steps are held")
    func accumulateThreshold() {
        let step: Float = 0x1p-8
        let layer = makeLayer(rows: 1, cols: 1, preset: exactConstantStep(step: step)) { _ in } writePath: {
            $0.scheme = .accumulate; $0.accumulateThresholdSteps = 4
        }
        var writes = 0.0
        for _ in 0..<9 { writes += apply(layer, [step]).synapseWrites }
        #expect(writes == 2)                 // at 4 and at 8 steps held
        #expect(layer.weights[0] == 8 * step)
        #expect(layer.accumulator[0] == 1)
    }

    @Test("write latency is Σ over rows of the largest pulse count, SET and RESET separately")
    func rowByRowLatency() {
        let step: Float = 0x1p-8
        var preset = exactConstantStep(step: step)
        preset.electrical.setPulseSeconds = 10e-9
        preset.electrical.resetPulseSeconds = 100e-9
        let layer = makeLayer(rows: 2, cols: 3, preset: preset) { _ in } writePath: { $0.scheme = .round }
        let counts = apply(layer, [3 * step, 1 * step, -1 * step, 0, -2 * step, 2 * step])
        // Row 0: SET max 3, RESET max 1; row 1: SET max 2, RESET max 2.
        let expected = (3.0 + 2.0) * 10e-9 + (1.0 + 2.0) * 100e-9
        #expect(abs(counts.writeLatencySeconds - expected) < 1e-6 * expected)  // pulse widths are Float
    }

    @Test("potentiate-only pairs use SET pulses only and refresh near saturation, counting wear")
    func potentiateOnlyRefresh() {
        var preset = exactConstantStep(step: 1.0 / 16)
        preset.device.wMin = 0
        preset.device.wMax = 1
        preset.pairPolicy = .potentiateOnly
        preset.refreshMargin = 0.1
        let layer = makeLayer(rows: 1, cols: 1, preset: preset) { _ in } writePath: { $0.scheme = .round }
        var counts = OperationCounts()
        // Twelve rounds of +2 steps then −1 step: G⁺ saturates long before the net +12 steps.
        for _ in 0..<12 { counts += apply(layer, [2.0 / 16]); counts += apply(layer, [-1.0 / 16]) }
        #expect(counts.refreshPulses > 0)
        #expect(layer.plus.resetPulses[0] > 0)    // abrupt RESETs happen only in refresh
        #expect(layer.minus.resetPulses[0] > 0)
        #expect(layer.minus.setPulses[0] > 0)     // negative updates SET G⁻
        #expect(abs(layer.weights[0] - 12.0 / 16) <= 1.0 / 16)  // the net change survives refresh
    }

    @Test("write-verify re-pulses until within tolerance and counts its reads")
    func writeVerify() {
        var preset = exactConstantStep(step: 1.0 / 64)
        preset.device.dwMinStd = 1.5
        preset.verify.enabled = true
        preset.verify.toleranceSteps = 0.5
        preset.verify.maxRetries = 20
        let layer = makeLayer(rows: 1, cols: 1, preset: preset) { _ in } writePath: { $0.scheme = .round }
        let counts = apply(layer, [10.0 / 64])
        #expect(counts.verifyReads >= 1)
        #expect(abs(layer.weights[0] - 10.0 / 64) <= 0.5 / 64 + 1e-6)
    }

    @Test("a layer's state written and read back restores every device and accumulator")
    func stateRoundTrip() throws {
        var preset = exactConstantStep(step: 1.0 / 64)
        preset.device.dwMinStd = 0.5
        let a = makeLayer(rows: 3, cols: 4, preset: preset) { _ in } writePath: { $0.scheme = .accumulate }
        _ = apply(a, (0..<12).map { Float($0 - 6) / 50 })
        var w = StateWriter()
        a.writeState(to: &w)
        let b = makeLayer(rows: 3, cols: 4, preset: preset) { _ in } writePath: { $0.scheme = .accumulate }
        var r = StateReader(w.bytes)
        try b.readState(from: &r, timeSeconds: 0)
        #expect(b.weights == a.weights)
        #expect(b.accumulator.array == a.accumulator.array)
        #expect(b.plus.setPulses.array == a.plus.setPulses.array)
    }
}

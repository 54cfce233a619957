import CrossbarKit
import DeviceKit
import KitSupport
import Testing

@Suite("Crossbar outer-product writes")
struct OuterUpdateTests {
    /// A device with cycle-to-cycle noise and read noise, so pulses and refreshes draw and round.
    func noisyPreset() -> DevicePreset {
        var p = noisyReadPreset(sigma: 0.02)
        p.device.dwMinStd = 2
        return p
    }

    func layers(rows: Int, cols: Int, threshold: Float, cap: Int = 0) -> (CrossbarLayer, CrossbarLayer) {
        var init0 = SeededGenerator(seed: 5)
        let initial = (0..<(rows * cols)).map { _ in 0.05 * init0.nextGaussian() }
        func make() -> CrossbarLayer {
            makeLayer(rows: rows, cols: cols, preset: noisyPreset(), initial: initial, scale: 0.25) { _ in } writePath: {
                $0.scheme = .accumulate
                $0.accumulateThresholdSteps = threshold
                $0.maxPulsesPerUpdate = cap
            }
        }
        return (make(), make())
    }

    @Test("folding x ⊗ v into χ equals forming ΔW = s·(x ⊗ v) and applying it, bit for bit",
          arguments: [(33, 21, Float(1), Float(-0.8), 0), (17, 64, 6, -0.8, 0), (9, 10, 0.3, -0.8, 0),
                      // χ driven past ±10⁶ (the clip), pulses capped so the excess stays in χ.
                      (12, 27, 1, -3e7, 3)])
    func matchesFormedUpdate(rows: Int, cols: Int, threshold: Float, s: Float, cap: Int) {
        let (fused, formed) = layers(rows: rows, cols: cols, threshold: threshold, cap: cap)
        var data = SeededGenerator(seed: 11)
        var rngA = SeededGenerator(seed: 1), roundA = SeededGenerator(seed: 2)
        var rngB = SeededGenerator(seed: 1), roundB = SeededGenerator(seed: 2)
        var countsA = OperationCounts(), countsB = OperationCounts()
        for _ in 0..<12 {
            // Inputs with exact zeros (skipped rows) and column factors of both signs.
            let x = (0..<rows).map { _ in data.nextUnitFloat() < 0.3 ? 0 : data.nextGaussian() }
            let v = (0..<cols).map { _ in 0.6 * data.nextGaussian() }
            x.withUnsafeBufferPointer { xp in
                v.withUnsafeBufferPointer { vp in
                    fused.applyOuterUpdate(rowFactor: xp.baseAddress!, columnFactor: vp.baseAddress!, scale: s,
                                           timeSeconds: 0, rng: &rngA, roundingRNG: &roundA, counts: &countsA)
                }
            }
            // The reference: the formed gradient (0 + x·v, as the learner accumulates it), scaled.
            var delta = [Float](repeating: 0, count: rows * cols)
            for r in 0..<rows where x[r] != 0 { for c in 0..<cols { delta[r * cols + c] += x[r] * v[c] } }
            for i in delta.indices { delta[i] *= s }
            delta.withUnsafeMutableBufferPointer {
                formed.applyUpdate($0.baseAddress!, timeSeconds: 0, rng: &rngB, roundingRNG: &roundB, counts: &countsB)
            }
        }
        expectSameWrites(fused, formed, countsA, countsB, rngA, rngB)
        // χ was clipped to ±10⁶, then at most `cap` steps were sent out of it.
        if cap > 0 { #expect(fused.accumulator.array.contains { abs($0) >= 1e6 - Float(cap) }, "the case must reach the clip") }
    }
}

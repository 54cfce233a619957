import CrossbarKit
import DeviceKit
import KitSupport
import Testing

@Suite("Crossbar read path, register-blocked tile kernels")
struct TileKernelTests {
    /// The blocked kernels keep each column's row order, so a read equals, bit for bit, the
    /// plain per-row sums `Σ_r x_r·w_rc` and `σ_c = noiseFactor·√(Σ_r x_r²·(g⁺² + g⁻²))` per
    /// row-tile, then `out_c = Σ_tiles (μ_c + σ_c·z_c)` (no ADC), with the deviates from a copy
    /// of the generator. 37 columns: two blocks of sixteen, one of eight, padding; three
    /// row-tiles, one of them without an active row.
    @Test("graded and binary reads, with and without read noise, equal the plain sums bit for bit",
          arguments: [(false, Float(0)), (false, 0.1), (true, 0), (true, 0.1)])
    func blockedEqualsPlain(binary: Bool, sigma: Float) {
        let rows = 48, cols = 37, tileRows = 16
        let initial: [Float] = (0..<(rows * cols)).map { Float(($0 * 37) % 23 - 11) / 13 }
        let layer = makeLayer(rows: rows, cols: cols, preset: noisyReadPreset(sigma: sigma), initial: initial) {
            $0.tileRows = tileRows; $0.adcBits = 0
        }
        // Rows 16..<32 (the second tile) are all zero; elsewhere every third row is zero.
        let x: [Float] = (0..<rows).map { r in
            if (16..<32).contains(r) || r % 3 == 0 { return 0 }
            return binary ? 1 : Float(r % 7) / 3 - 0.9
        }
        var rng = LaneNormalGenerator(seed: 12, stream: .readNoise)
        var copy = rng
        var out = [Float](repeating: .nan, count: cols)
        var counts = OperationCounts()
        x.withUnsafeBufferPointer { xp in
            out.withUnsafeMutableBufferPointer {
                layer.read(xp.baseAddress!, graded: !binary, into: $0.baseAddress!, rng: &rng, counts: &counts)
            }
        }
        let p = layer.preset
        let unitsPerG = (p.device.wMax - p.device.wMin) / (1 - 1 / p.electrical.onOffRatio)
        let noiseFactor = layer.weightScale * unitsPerG * p.electrical.readNoiseStd
        var expected = [Float](repeating: 0, count: cols)
        var z = [Float](repeating: 0, count: cols)
        for t in 0..<(rows / tileRows) {
            let tileRowsActive = (t * tileRows..<(t + 1) * tileRows).filter { x[$0] != 0 }
            guard !tileRowsActive.isEmpty else { continue }
            if sigma > 0 { z.withUnsafeMutableBufferPointer { copy.fillGaussians($0.baseAddress!, count: cols) } }
            for c in 0..<cols {
                var mean: Float = 0, variance: Float = 0
                for r in tileRowsActive {
                    let w = layer.readWeights[r * layer.stride + c], g2 = layer.noiseWeights[r * layer.stride + c]
                    if binary { mean += w; variance += g2 } else { mean += x[r] * w; variance += (x[r] * x[r]) * g2 }
                }
                expected[c] += sigma > 0 ? mean + (noiseFactor * variance.squareRoot()) * z[c] : mean
            }
        }
        #expect(out.map(\.bitPattern) == expected.map(\.bitPattern))
        #expect(rng == copy, "one deviate per column of each active tile")
        #expect(counts.adcConversions == Double(2 * cols))
    }
}

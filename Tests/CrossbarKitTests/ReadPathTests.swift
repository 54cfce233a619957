import CrossbarKit
import DeviceKit
import KitSupport
import Testing

@Suite("Crossbar read path")
struct ReadPathTests {
    @Test("noiseless read is the matrix-vector product, summed over row-tiles")
    func exactProduct() {
        let rows = 10, cols = 3
        let w: [Float] = (0..<(rows * cols)).map { Float(($0 % 7) - 3) / 8 }
        let layer = makeLayer(rows: rows, cols: cols, preset: exactConstantStep(), initial: w) { $0.tileRows = 4; $0.tileCols = 2 }
        let x: [Float] = [1, 0, 0.5, 0, 0, 0, 2, 0, 1, 0]
        var out = [Float](repeating: 0, count: cols)
        var rng = LaneNormalGenerator(seed: 1, stream: .readNoise)
        var counts = OperationCounts()
        x.withUnsafeBufferPointer { xp in
            out.withUnsafeMutableBufferPointer { layer.read(xp.baseAddress!, graded: true, into: $0.baseAddress!, rng: &rng, counts: &counts) }
        }
        for c in 0..<cols {
            var expected: Float = 0
            for r in 0..<rows { expected += x[r] * w[r * cols + c] }
            #expect(abs(out[c] - expected) < 1e-5)
        }
        // Event-driven: 4 active rows in 3 row-tiles; every tile has one; 3 tiles × 3 columns converted.
        #expect(counts.activeRows == 4)
        #expect(counts.adcConversions == 9)
        #expect(counts.macs == 12)
    }

    @Test("a tile with no active row costs no conversion")
    func eventDriven() {
        let layer = makeLayer(rows: 8, cols: 2, preset: exactConstantStep()) { $0.tileRows = 4 }
        var x = [Float](repeating: 0, count: 8)
        x[1] = 1
        var out = [Float](repeating: 0, count: 2)
        var rng = LaneNormalGenerator(seed: 1, stream: .readNoise)
        var counts = OperationCounts()
        x.withUnsafeBufferPointer { xp in
            out.withUnsafeMutableBufferPointer { layer.read(xp.baseAddress!, graded: false, into: $0.baseAddress!, rng: &rng, counts: &counts) }
        }
        #expect(counts.adcConversions == 2)
        #expect(counts.tileActivations == 1)
        x[1] = 0
        var none = OperationCounts()
        x.withUnsafeBufferPointer { xp in
            out.withUnsafeMutableBufferPointer { layer.read(xp.baseAddress!, graded: false, into: $0.baseAddress!, rng: &rng, counts: &none) }
        }
        #expect(none.adcConversions == 0)
        #expect(out == [0, 0])
    }

    @Test("the ADC clips to full scale and rounds to 2^bits − 1 levels")
    func adc() {
        let w: [Float] = [0.3, -0.7, 0.05, 0.9]
        let layer = makeLayer(rows: 1, cols: 4, preset: exactConstantStep(), initial: w) {
            $0.adcBits = 4; $0.adcFullScaleRows = 0.5
        }
        var out = [Float](repeating: 0, count: 4)
        var rng = LaneNormalGenerator(seed: 1, stream: .readNoise)
        var counts = OperationCounts()
        let x: [Float] = [1]
        x.withUnsafeBufferPointer { xp in
            out.withUnsafeMutableBufferPointer { layer.read(xp.baseAddress!, graded: false, into: $0.baseAddress!, rng: &rng, counts: &counts) }
        }
        // Full scale 0.5 (× max pair weight 1), 7 positive codes: lsb = 0.5/7.
        let lsb: Float = 0.5 / 7
        #expect(abs(out[0] - 4 * lsb) < 1e-6)   // 0.3/lsb = 4.2 → 4
        #expect(abs(out[1] + 7 * lsb) < 1e-6)   // clipped at −full scale
        #expect(abs(out[2] - 1 * lsb) < 1e-6)   // 0.7 → 1
        #expect(abs(out[3] - 7 * lsb) < 1e-6)   // clipped
    }

    /// DESIGN §3.2: the exact distribution of I_c from one Gaussian per column.
    @Test("column-aggregated read noise has the mean and variance of per-device noise")
    func aggregatedNoise() {
        let rows = 12, cols = 2, sigma: Float = 0.05
        let initial: [Float] = (0..<(rows * cols)).map { Float(($0 * 37) % 11 - 5) / 12 }
        let layer = makeLayer(rows: rows, cols: cols, preset: noisyReadPreset(sigma: sigma), initial: initial) { $0.tileRows = 5 }
        let x: [Float] = (0..<rows).map { $0 % 3 == 0 ? 0 : Float($0 % 4) / 2 }
        let trials = 60_000
        var rng = LaneNormalGenerator(seed: 17, stream: .readNoise)
        var out = [Float](repeating: 0, count: cols)
        var sum = [Double](repeating: 0, count: cols), sumSq = sum
        x.withUnsafeBufferPointer { xp in
            _ = layer.accumulate(xp.baseAddress!, graded: true)
            for _ in 0..<trials {
                out.withUnsafeMutableBufferPointer { _ = layer.convert(into: $0.baseAddress!, rng: &rng) }
                for c in 0..<cols { sum[c] += Double(out[c]); sumSq[c] += Double(out[c]) * Double(out[c]) }
            }
        }
        // Per-device form: every device read as G·(1 + σξ), then mapped back to weight units.
        let gMin = 1 / Double(layer.preset.electrical.onOffRatio)
        let unitsPerG = 2 / (1 - gMin)
        var pd = SeededGenerator(seed: 18)
        var sum2 = [Double](repeating: 0, count: cols), sumSq2 = sum2
        for _ in 0..<trials {
            for c in 0..<cols {
                var i = 0.0
                for r in 0..<rows where x[r] != 0 {
                    let k = r * cols + c
                    let gp = Double(layer.plus.normalizedConductance(k, w: layer.plus.apparent[k]))
                    let gm = Double(layer.minus.normalizedConductance(k, w: layer.minus.apparent[k]))
                    let noisy = unitsPerG * (gp * (1 + Double(sigma * pd.nextGaussian())) - gm * (1 + Double(sigma * pd.nextGaussian())))
                    i += Double(x[r]) * noisy
                }
                sum2[c] += i; sumSq2[c] += i * i
            }
        }
        for c in 0..<cols {
            let m1 = sum[c] / Double(trials), v1 = sumSq[c] / Double(trials) - m1 * m1
            let m2 = sum2[c] / Double(trials), v2 = sumSq2[c] / Double(trials) - m2 * m2
            #expect(abs(m1 - m2) < 0.004, "column \(c) mean")
            #expect(abs(v1 / v2 - 1) < 0.03, "column \(c) variance \(v1) vs \(v2)")
            #expect(v1 > 0)
        }
    }
}

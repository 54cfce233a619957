import CrossbarKit
import DeviceKit
import KitSupport
import Testing

@Suite("Crossbar read path, vector kernels")
struct ReadVectorTests {
    /// The noisy ADC conversion runs eight columns at a time; recompute it column by column
    /// from the same deviates (a copy of the generator `convert` draws from) and the
    /// scalar formula `clip(round((μ_c + σ_c·z_c)/LSB), ±maxCode)·LSB`.
    @Test("noisy ADC conversion, vectors and tail, equals the scalar formula with the same deviates")
    func noisyADC() {
        let rows = 9, cols = 21, sigma: Float = 0.2
        let initial: [Float] = (0..<(rows * cols)).map { Float(($0 * 29) % 13 - 6) / 7 }
        let adcBits = 5, fullScaleRows: Float = 2
        let layer = makeLayer(rows: rows, cols: cols, preset: noisyReadPreset(sigma: sigma), initial: initial) {
            $0.tileRows = 16; $0.adcBits = adcBits; $0.adcFullScaleRows = fullScaleRows
        }
        let x: [Float] = (0..<rows).map { $0 % 4 == 0 ? 0 : Float($0) / 4 }
        var rng = LaneNormalGenerator(seed: 5, stream: .readNoise)
        var copy = rng
        var out = [Float](repeating: 0, count: cols)
        x.withUnsafeBufferPointer { xp in
            _ = layer.accumulate(xp.baseAddress!, graded: true)
            out.withUnsafeMutableBufferPointer { _ = layer.convert(into: $0.baseAddress!, rng: &rng) }
        }
        var z = [Float](repeating: 0, count: cols)
        z.withUnsafeMutableBufferPointer { copy.fillGaussians($0.baseAddress!, count: cols) }
        let p = layer.preset
        let unitsPerG = (p.device.wMax - p.device.wMin) / (1 - 1 / p.electrical.onOffRatio)
        let noiseFactor = layer.weightScale * unitsPerG * sigma
        let maxCode = Float((1 << (adcBits - 1)) - 1)
        let lsb = fullScaleRows * layer.maxWeight / maxCode
        let w = layer.weights
        var clipped = 0
        for c in 0..<cols {
            var mean: Float = 0, variance: Float = 0
            for r in 0..<rows where x[r] != 0 {
                mean += x[r] * w[r * cols + c]
                variance += x[r] * x[r] * layer.noiseWeights[r * layer.stride + c]
            }
            let current = mean + noiseFactor * variance.squareRoot() * z[c]
            let code = min(max((current / lsb).rounded(), -maxCode), maxCode)
            if abs(code) == maxCode { clipped += 1 }
            #expect(abs(out[c] - code * lsb) <= 1e-5, "column \(c): \(out[c]) vs \(code * lsb)")
        }
        #expect(clipped > 0 && clipped < cols, "some columns clip, some do not (\(clipped))")
    }
}

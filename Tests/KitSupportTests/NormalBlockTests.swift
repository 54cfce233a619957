import KitSupport
import RealModule
import Testing

@Suite("Block normal generator")
struct NormalBlockTests {
    @Test("the SIMD logarithm is within 2·10⁻⁷ (relative, or absolute near 1) of Float.log")
    func logarithm() {
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<2000 {
            var v = SIMD8<Float>()
            for l in 0..<8 { v[l] = Float.exp(40 * (rng.nextUnitFloat() - 0.9)) }
            let got = VectorMath.log(v)
            for l in 0..<8 {
                let want = Double.log(Double(v[l]))
                #expect(abs(Double(got[l]) - want) <= 2e-7 * max(1, abs(want)), "log(\(v[l]))")
            }
        }
    }

    @Test("sin and cos of 2πt are within 10⁻⁶ of the library's over the whole turn")
    func sineCosine() {
        for k in 0..<1024 {
            var t = SIMD8<Float>()
            for l in 0..<8 { t[l] = Float(k * 8 + l) / 8192 }
            let (s, c) = VectorMath.sinCosTurns(t)
            for l in 0..<8 {
                let a = 2 * Double.pi * Double(t[l])
                #expect(abs(Double(s[l]) - Double.sin(a)) < 1e-6 && abs(Double(c[l]) - Double.cos(a)) < 1e-6, "t = \(t[l])")
            }
        }
    }

    @Test("deviates have mean 0, variance 1, normal tail fractions, and the same draws for the same seed")
    func moments() {
        var seedA = SeededGenerator(seed: 7), seedB = SeededGenerator(seed: 7)
        var g = NormalBlockGenerator(seededFrom: &seedA)
        var h = NormalBlockGenerator(seededFrom: &seedB)
        let n = 400_000
        var z = [Float](repeating: 0, count: n), w = [Float](repeating: 0, count: 37)
        z.withUnsafeMutableBufferPointer { g.fill($0.baseAddress!, count: n) }
        w.withUnsafeMutableBufferPointer { h.fill($0.baseAddress!, count: 37) }
        #expect(Array(z[0..<37]) == w, "same seed, same deviates; a short fill is a prefix")
        let mean = z.reduce(0.0) { $0 + Double($1) } / Double(n)
        let variance = z.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(n - 1)
        #expect(abs(mean) < 0.01)           // sd of the mean: 0.0016
        #expect(abs(variance - 1) < 0.01)   // sd of the variance: 0.0022
        // P(|Z| > 1) = 0.3173, P(|Z| > 2) = 0.0455, P(|Z| > 3) = 0.0027.
        for (k, p) in [(1.0, 0.3173), (2.0, 0.0455), (3.0, 0.0027)] {
            let frac = Double(z.filter { abs(Double($0)) > k }.count) / Double(n)
            #expect(abs(frac - p) < 5 * (p * (1 - p) / Double(n)).squareRoot() + 1e-4, "tail beyond \(k)")
        }
        #expect(z.allSatisfy { abs($0) <= 5.8 })
    }
}

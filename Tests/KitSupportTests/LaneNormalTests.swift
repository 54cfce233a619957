import Foundation
@testable import KitSupport
import Testing

@Suite("Lane normal generator (read noise)")
struct LaneNormalTests {
    static func draw(_ g: inout LaneNormalGenerator, _ n: Int) -> [Float] {
        var out = [Float](repeating: .nan, count: n)
        out.withUnsafeMutableBufferPointer { g.fillGaussians($0.baseAddress!, count: n) }
        return out
    }

    @Test("mean 0, variance 1, kurtosis 3 and the normal tail fractions")
    func moments() {
        var g = LaneNormalGenerator(seed: 5, stream: .readNoise)
        let z = Self.draw(&g, 1_000_000).map(Double.init)
        let n = Double(z.count)
        let mean = z.reduce(0, +) / n
        let variance = z.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        let kurtosis = z.reduce(0) { $0 + pow($1 - mean, 4) } / n / (variance * variance)
        // Five standard errors: 0.005, √(2/n)·5 ≈ 0.007, √(24/n)·5 ≈ 0.025.
        #expect(abs(mean) < 0.005)
        #expect(abs(variance - 1) < 0.007)
        #expect(abs(kurtosis - 3) < 0.025)
        for (k, p) in [(1.0, 0.317_310_5), (2.0, 0.045_500_26), (3.0, 0.002_699_796)] {
            let fraction = Double(z.filter { abs($0) > k }.count) / n
            #expect(abs(fraction - p) < 5 * (p * (1 - p) / n).squareRoot(), "P(|z| > \(k)) = \(fraction), normal \(p)")
        }
        #expect(z.allSatisfy { abs($0) < 6.67 })
    }

    @Test("Kolmogorov–Smirnov distance to Φ below the 1 % critical value")
    func kolmogorovSmirnov() {
        var g = LaneNormalGenerator(seed: 11, stream: .readNoise)
        let z = Self.draw(&g, 200_000).map(Double.init).sorted()
        let n = Double(z.count)
        var d = 0.0
        for (i, x) in z.enumerated() {
            let cdf = 0.5 * erfc(-x / 2.0.squareRoot())
            d = max(d, abs(cdf - Double(i) / n), abs(Double(i + 1) / n - cdf))
        }
        #expect(d < 1.628 / n.squareRoot(), "D = \(d)")
    }

    @Test("deviates of one block, of neighbouring lanes and of consecutive blocks are uncorrelated")
    func independence() {
        var g = LaneNormalGenerator(seed: 2, stream: .readNoise)
        let n = 16 * 40_000
        let z = Self.draw(&g, n).map(Double.init)
        func correlation(_ pairs: [(Double, Double)]) -> Double {
            let m = Double(pairs.count)
            let (ma, mb) = (pairs.map(\.0).reduce(0, +) / m, pairs.map(\.1).reduce(0, +) / m)
            var sab = 0.0, saa = 0.0, sbb = 0.0
            for (a, b) in pairs { sab += (a - ma) * (b - mb); saa += (a - ma) * (a - ma); sbb += (b - mb) * (b - mb) }
            return sab / (saa * sbb).squareRoot()
        }
        let blocks = n / 16
        // Five standard errors of a correlation over 40,000 pairs ≈ 0.025.
        func pairs(_ count: Int, _ first: Int, _ second: Int) -> [(Double, Double)] {
            (0..<count).map { (b: Int) -> (Double, Double) in (z[16 * b + first], z[16 * b + second]) }
        }
        let cosSin = pairs(blocks, 0, 8)
        let squares = cosSin.map { (p: (Double, Double)) -> (Double, Double) in (p.0 * p.0, p.1 * p.1) }
        let lanes = pairs(blocks, 3, 4)
        let nextBlock = pairs(blocks - 1, 5, 21)
        for (name, pairs) in [("cos/sin", cosSin), ("squares", squares), ("lanes", lanes), ("blocks", nextBlock)] {
            #expect(abs(correlation(pairs)) < 0.025, "\(name): \(correlation(pairs))")
        }
    }

    @Test("the lane logarithm and sine/cosine agree with libm to float precision")
    func laneMathAccuracy() {
        var worstLog = 0.0, worstTrig = 0.0
        var u = Float(0x1.0p-32)
        while u < 1 {
            let values = SIMD8<Float>((0..<8).map { u * (1 + Float($0) / 8) })
            let logs = LaneMath.naturalLog(values)
            for l in 0..<8 where values[l] <= 1 {
                let exact = Foundation.log(Double(values[l]))
                worstLog = max(worstLog, abs(Double(logs[l]) - exact) / max(abs(exact), 1e-3))
            }
            u *= 1.37
        }
        for k in 0..<4096 {
            let theta = SIMD8<Float>((0..<8).map { Float(Double.pi / 4) * Float(k * 8 + $0) / 32768 })
            let (s, c) = LaneMath.sineCosine(theta)
            for l in 0..<8 {
                worstTrig = max(worstTrig, abs(Double(s[l]) - sin(Double(theta[l]))), abs(Double(c[l]) - cos(Double(theta[l]))))
            }
        }
        #expect(worstLog < 5e-7, "log relative error \(worstLog)")
        #expect(worstTrig < 2e-7, "sin/cos absolute error \(worstTrig)")
    }

    @Test("state words restore the generator mid-stream; a wrong count is refused")
    func stateRoundTrip() throws {
        var g = LaneNormalGenerator(seed: 9, stream: .readNoise)
        _ = Self.draw(&g, 37)
        var h = try LaneNormalGenerator(stateWords: g.stateWords)
        #expect(h == g)
        #expect(Self.draw(&g, 100) == Self.draw(&h, 100))
        #expect(throws: StateError.self) { try LaneNormalGenerator(stateWords: [1, 2, 3, 4]) }
    }

    @Test("a partial block takes the first deviates of a whole one and consumes the block")
    func partialBlocks() {
        var a = LaneNormalGenerator(seed: 4, stream: .readNoise), b = a
        let ten = Self.draw(&a, 10), whole = Self.draw(&b, 16)
        #expect(ten == Array(whole[0..<10]))
        #expect(a == b)
        _ = Self.draw(&a, 0)
        #expect(a == b)
        #expect(Self.draw(&a, 21) == Self.draw(&b, 21))
    }

    @Test("pinned bits: the same seed gives these deviates on every build")
    func goldenBits() {
        var g = LaneNormalGenerator(seed: 1, stream: .readNoise)
        let bits = Self.draw(&g, 64).map(\.bitPattern)
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bits { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
        #expect(hash == 0x7EA6_11B2_C6BB_996D, "FNV-1a of the first 64 deviates' bits: \(String(hash, radix: 16))")
    }
}

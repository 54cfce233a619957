import DeviceKit
import KitSupport
import Testing

@Suite("Seeded random generators")
struct RandomTests {
    @Test("the same seed gives the same sequence; another seed another")
    func reproducible() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let xa = (0..<100).map { _ in a.next() }
        let xb = (0..<100).map { _ in b.next() }
        let xc = (0..<100).map { _ in c.next() }
        #expect(xa == xb)
        #expect(xa != xc)
    }

    @Test("streams derived from one seed differ from each other")
    func streamsAreIndependent() {
        var draws: Set<UInt64> = []
        for s in RandomStream.allCases {
            var g = SeededGenerator(seed: 7, stream: s)
            draws.insert(g.next())
        }
        #expect(draws.count == RandomStream.allCases.count)
    }

    @Test("state words restore the generator exactly, mid-sequence")
    func stateRoundTrip() {
        var g = SeededGenerator(seed: 9)
        for _ in 0..<17 { _ = g.nextGaussian() }
        var h = SeededGenerator(stateWords: g.stateWords)
        #expect((0..<50).map { _ in g.nextGaussian() } == (0..<50).map { _ in h.nextGaussian() })
    }

    @Test("ziggurat deviates have mean 0, variance 1 and normal tails")
    func gaussianMoments() {
        var g = SeededGenerator(seed: 3)
        let n = 400_000
        var buffer = [Float](repeating: 0, count: n)
        buffer.withUnsafeMutableBufferPointer { g.fillGaussians($0.baseAddress!, count: n) }
        let mean = buffer.reduce(0.0) { $0 + Double($1) } / Double(n)
        let variance = buffer.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(n)
        let beyond2 = Double(buffer.filter { abs($0) > 2 }.count) / Double(n)
        let beyond3 = Double(buffer.filter { abs($0) > 3 }.count) / Double(n)
        // Standard errors: mean 1/√n ≈ 0.0016, variance √(2/n) ≈ 0.0022.
        #expect(abs(mean) < 0.008)
        #expect(abs(variance - 1) < 0.012)
        #expect(abs(beyond2 - 0.04550) < 0.002)   // P(|Z| > 2) = 0.0455
        #expect(abs(beyond3 - 0.00270) < 0.0004)  // P(|Z| > 3) = 0.0027
    }

    @Test("single draws follow the same distribution as bulk fills")
    func singleDraws() {
        var g = SeededGenerator(seed: 5)
        let xs = (0..<100_000).map { _ in Double(g.nextGaussian()) }
        let mean = xs.reduce(0, +) / Double(xs.count)
        let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count)
        #expect(abs(mean) < 0.02)
        #expect(abs(variance - 1) < 0.03)
    }

    @Test("uniform floats lie in [0, 1) with mean 1/2")
    func uniform() {
        var g = SeededGenerator(seed: 11)
        let xs = (0..<100_000).map { _ in g.nextUnitFloat() }
        #expect(xs.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = xs.reduce(0.0) { $0 + Double($1) } / Double(xs.count)
        #expect(abs(mean - 0.5) < 0.005)
    }
}

import DeviceKit
import KitSupport
import Testing

/// The regenerated device-to-device parameters: the distributions ``DeviceDraw`` documents,
/// independent across devices, slots and streams, a pure function of (seed, index), and
/// constant over a run except through wear.
@Suite("Counter-based device-to-device parameters")
struct DeviceVariationTests {
    static func moments(_ xs: [Double]) -> (mean: Double, sd: Double, kurtosis: Double) {
        let n = Double(xs.count)
        let m = xs.reduce(0, +) / n
        let v = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / n
        let k = xs.reduce(0) { $0 + Double.pow($1 - m, 4) } / n / (v * v)
        return (m, v.squareRoot(), k)
    }

    static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let (ma, sa, _) = moments(a), (mb, sb, _) = moments(b)
        return zip(a, b).reduce(0) { $0 + ($1.0 - ma) * ($1.1 - mb) } / Double(a.count) / (sa * sb)
    }

    static func rramLike() -> DevicePreset {
        var p = DevicePreset()
        p.device.model = .neurosim
        p.device.neurosim.aLTP = 4040.55; p.device.neurosim.aLTD = -255.66; p.device.neurosim.aDtod = 0.1
        p.device.wMin = -1; p.device.wMax = 1; p.device.wMinDtod = 0.05; p.device.wMaxDtod = 0.05
        p.device.dwMinDtod = 0.3; p.device.upDownDtod = 0.1
        p.endurance.medianPulses = 1e6; p.endurance.spread = 0.5; p.endurance.stuckAtMaxProbability = 0.3
        return p
    }

    @Test("counter deviates are standard normal: moments and ziggurat tail masses, rejections included")
    func counterGaussian() {
        let n = 400_000
        let xs = (0..<n).map { Double(CounterDraw.gaussian(CounterDraw.bits(key: 77, counter: UInt64($0)))) }
        let (m, s, k) = Self.moments(xs)
        let se = 1 / Double(n).squareRoot()
        #expect(abs(m) < 4 * se)
        #expect(abs(s - 1) < 4 * se)
        #expect(abs(k - 3) < 0.05)
        // P(|z| > 2) = 0.04550, P(|z| > 3) = 0.00270 (the tail beyond r = 3.44 is the rejection step).
        let p2 = Double(xs.filter { abs($0) > 2 }.count) / Double(n), p3 = Double(xs.filter { abs($0) > 3 }.count) / Double(n)
        #expect(abs(p2 - 0.04550) < 4 * (0.0455 / Double(n)).squareRoot())
        #expect(abs(p3 - 0.00270) < 4 * (0.0027 / Double(n)).squareRoot())
        #expect(xs.contains { abs($0) > 3.5 })
    }

    @Test("bounds, NeuroSim A± and budgets have the configured means and spreads")
    func distributions() {
        let p = Self.rramLike()
        let v = DeviceVariation(preset: p, seed: 9)
        let n = 40_000
        let se = 4 / Double(n).squareRoot()
        let hi = Self.moments((0..<n).map { Double(v.nominalBounds($0).hi) })
        #expect(abs(hi.mean - 1) < 0.05 * se && abs(hi.sd - 0.05) < 0.05 * se, "\(hi)")
        let lo = Self.moments((0..<n).map { Double(v.nominalBounds($0).lo) })
        #expect(abs(lo.mean + 1) < 0.05 * se && abs(lo.sd - 0.05) < 0.05 * se, "\(lo)")
        let a = Self.moments((0..<n).map { Double(v.draw($0).shapeDown) })
        #expect(abs(a.mean / -255.66 - 1) < 0.1 * se && abs(a.sd / 255.66 - 0.1) < 0.1 * se)
        #expect((0..<100).allSatisfy { v.neurosimCurve($0, up: false) == NeuroSimCurve(a: v.draw($0).shapeDown, pulsesMax: 128, up: false) })
        let logBudget = Self.moments((0..<n).map { Double.log(Double(v.budget($0))) })
        #expect(abs(logBudget.mean - Double.log(1e6)) < 0.5 * se && abs(logBudget.sd - 0.5) < 0.5 * se)
        // The floor below which the pulse path skips wear is below every budget's onset.
        #expect(v.wearFloorPulses > 1000 && (0..<n).allSatisfy { 0.5 * v.budget($0) > v.wearFloorPulses })
        let high = Double((0..<n).filter { v.failsHigh($0) }.count) / Double(n)
        #expect(abs(high - 0.3) < 4 * (0.21 / Double(n)).squareRoot())
        let up = Self.moments((0..<n).map { Double(v.draw($0).stepUp) })
        #expect(abs(up.sd / up.mean - (0.3 * 0.3 + 0.1 * 0.1).squareRoot()) < 0.01)
    }

    @Test("parameters are independent across slots, neighbouring devices, the two keys and other streams")
    func independence() {
        let n = 40_000
        let bound = 4 / Double(n).squareRoot()
        let v = DeviceVariation(preset: Self.rramLike(), seed: 3)
        let w = DeviceVariation(preset: Self.rramLike(), seed: 4)
        let slot = (0..<6).map { s in (0..<n).map { Double(v.gaussian($0, slot: UInt64(s))) } }
        for s in 0..<6 { for t in (s + 1)..<6 { #expect(abs(Self.correlation(slot[s], slot[t])) < bound, "slots \(s), \(t)") } }
        let next = (0..<n).map { Double(v.gaussian($0 + 1, slot: 0)) }
        #expect(abs(Self.correlation(slot[0], next)) < bound)
        #expect(abs(Self.correlation(slot[2], (0..<n).map { Double(w.gaussian($0, slot: 2)) })) < bound)
        #expect(abs(Self.correlation(slot[2], (0..<n).map { Double.log(Double(v.budget($0))) })) < bound)
        var other = SeededGenerator(seed: 3, stream: .deviceVariation)
        #expect(abs(Self.correlation(slot[0], (0..<n).map { _ in Double(other.nextGaussian()) })) < bound)
    }

    @Test("a device's parameters are a pure function of (seed, index), whatever else is drawn")
    func pureFunction() {
        let p = Self.rramLike()
        let a = DeviceVariation(preset: p, seed: 21), b = DeviceVariation(preset: p, seed: 21)
        let c = DeviceVariation(preset: p, seed: 22)
        let forward = (0..<500).map { a.draw($0) }
        let backward = (0..<500).reversed().map { b.draw($0) }.reversed()
        #expect(zip(forward, backward).allSatisfy { $0.lo == $1.lo && $0.hi == $1.hi && $0.stepUp == $1.stepUp && $0.shapeUp == $1.shapeUp })
        #expect(zip(forward, (0..<500).map { c.draw($0) }).filter { $0.hi == $1.hi }.count < 5)
        #expect((0..<500).allSatisfy { a.budget($0) == b.budget($0) && a.failsHigh($0) == b.failsHigh($0) })
    }

    @Test("over a run the drawn parameters never change; the bounds change only through wear")
    func constantExceptWear() throws {
        var p = Self.rramLike()
        p.endurance.medianPulses = 400; p.endurance.spread = 0.3; p.device.dwMinStd = 1
        var rng = SeededGenerator(seed: 5)
        let d = DevicePopulation(count: 64, preset: p, initialWeight: 0, rng: &rng)
        let before = (0..<64).map { d.draw($0) }, budgets = (0..<64).map { d.budget($0) }
        var noise = SeededGenerator(seed: 6)
        for round in 0..<300 {
            for i in 0..<64 { _ = d.pulse(i, count: round % 2 == 0 ? 2 : -2, timeSeconds: Float(round), rng: &noise) }
        }
        for i in 0..<64 {
            let now = d.draw(i)
            #expect(now.lo == before[i].lo && now.hi == before[i].hi && now.shapeUp == before[i].shapeUp && now.shapeDown == before[i].shapeDown)
            #expect(d.budget(i) == budgets[i])
            let b = d.bounds(i), onset = Float(p.endurance.onsetFraction) * budgets[i]
            if d.status[i] == DeviceStatus.healthy.rawValue, Float(d.pulses(i)) <= onset {
                #expect(b.lo == now.lo && b.hi == now.hi)
            } else if d.status[i] == DeviceStatus.healthy.rawValue {
                #expect(b.hi - b.lo < now.hi - now.lo)
            }
        }
        #expect((0..<64).contains { d.status[$0] != DeviceStatus.healthy.rawValue })
        // A restored population (same seed) regenerates the same parameters and, from the
        // stored closure, the same current bounds.
        var w = StateWriter()
        d.writeState(to: &w)
        var rng2 = SeededGenerator(seed: 5)
        let e = DevicePopulation(count: 64, preset: p, initialWeight: 0, rng: &rng2)
        var r = StateReader(w.bytes)
        try e.readState(from: &r)
        #expect((0..<64).allSatisfy { e.bounds($0) == d.bounds($0) && e.weight[$0] == d.weight[$0] })
    }
}

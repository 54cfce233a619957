import CrossbarKit
import DeviceKit
import KitSupport
import RealModule
import SpikingKit
import Testing

/// The lifetime controller of issue #18: its law in closed form, and what it does to a learner.
@Suite("Lifetime controller")
struct LifetimeControllerTests {
    @Test("samples to failure by hand: (N − n)/(Δn/H), 0 when failed, ∞ when unwritten or unbounded")
    func samplesToFailure() {
        // N = 1000, n = 200, 40 pulses over the last 400 samples: 0.1 pulse/sample → 8000 samples.
        #expect(LifetimeLaw.samplesToFailure(pulses: 200, recentPulses: 40, horizonSamples: 400, budget: 1000, failed: false) == 8000)
        #expect(LifetimeLaw.samplesToFailure(pulses: 200, recentPulses: 40, horizonSamples: 400, budget: 1000, failed: true) == 0)
        #expect(LifetimeLaw.samplesToFailure(pulses: 1000, recentPulses: 40, horizonSamples: 400, budget: 1000, failed: false) == 0)
        #expect(LifetimeLaw.samplesToFailure(pulses: 200, recentPulses: 0, horizonSamples: 400, budget: 1000, failed: false).isInfinite)
        #expect(LifetimeLaw.samplesToFailure(pulses: 200, recentPulses: 4, horizonSamples: 400, budget: .infinity, failed: false).isInfinite)
        #expect(LifetimeLaw.rank(fraction: 0.01, devices: 300) == 3)
        #expect(LifetimeLaw.rank(fraction: 0.001, devices: 300) == 1)
        var v = [5.0, 1, 4, 2, 3]
        #expect(LifetimeLaw.kthSmallest(&v, 2) == 2)
    }

    @Test("the law's steps: proportional below the cap, the cap for ∞, the floor for a failed tile, 1 at most")
    func nextScale() {
        let y = 100.0
        // T = Y/4, κ = 0.5: s × (1/4)^0.5 = s/2.
        #expect(abs(LifetimeLaw.nextScale(0.5, projectedSeconds: 25, targetSeconds: y, gain: 0.5, maxIncrease: 2, minScale: 1e-4) - 0.25) < 1e-12)
        #expect(LifetimeLaw.nextScale(0.25, projectedSeconds: .infinity, targetSeconds: y, gain: 0.5, maxIncrease: 2, minScale: 1e-4) == 0.5)
        #expect(LifetimeLaw.nextScale(0.9, projectedSeconds: 1e9, targetSeconds: y, gain: 0.5, maxIncrease: 2, minScale: 1e-4) == 1)
        #expect(LifetimeLaw.nextScale(0.5, projectedSeconds: 0, targetSeconds: y, gain: 0.5, maxIncrease: 2, minScale: 1e-4) == 1e-4)
    }

    /// A tile whose devices wear at rates proportional to s^β (β = 1 drift-like, 2 noise-like):
    /// from s = 1 and a projection 500× short of the target, the law settles at T = m·Y, so the
    /// projection meets the target Y at steady state.
    @Test("steady state: with pulse rates ∝ s^β the projected lifetime converges to m·Y ≥ Y", arguments: [1.0, 2.0])
    func steadyState(beta: Double) {
        let y = 365.25 * 86_400.0, m = 2.0, rate = 100.0
        let budgets: [Double] = (0..<200).map { 1e6 * (0.5 + Double($0) / 200) }
        let baseRates: [Double] = (0..<200).map { (k: Int) -> Double in
            let spreadOut = Double((k * 37) % 200) / 200
            return 0.05 + 0.2 * spreadOut  // pulses/sample at s = 1
        }
        func projection(_ s: Double) -> Double {
            let factor = Double.pow(s, beta)
            var t: [Double] = []
            for (b, r) in zip(budgets, baseRates) {
                let samples = LifetimeLaw.samplesToFailure(pulses: 0, recentPulses: r * factor * 1000, horizonSamples: 1000,
                                                           budget: b, failed: false)
                t.append(samples / rate)
            }
            return LifetimeLaw.kthSmallest(&t, LifetimeLaw.rank(fraction: 0.01, devices: t.count))
        }
        #expect(projection(1) < y / 100)
        var s = 1.0
        for _ in 0..<60 {
            s = LifetimeLaw.nextScale(s, projectedSeconds: projection(s), targetSeconds: m * y, gain: 0.5, maxIncrease: 1.2, minScale: 1e-9)
        }
        let t = projection(s)
        #expect(abs(t / (m * y) - 1) < 1e-3)
        #expect(t >= y)
    }

    static func enduranceHardware() -> HardwareConfig {
        var hw = noisyHardware()
        hw.preset.endurance.medianPulses = 2000
        hw.preset.endurance.spread = 0.3
        return hw
    }

    static func config(years: Double?) -> EngineConfig {
        var e = engineConfig()
        if let years {
            var l = LifetimeConfig()
            l.years = years
            l.everySamples = 10
            l.horizonWindows = 4
            e.learning.lifetime = l
        }
        return e
    }

    @Test("a target met without throttling leaves every weight and pulse as without the key; no key, no controller state")
    func looseTargetChangesNothing() throws {
        let data = blobs(count: 120)
        let plain = OnlineLearner(config: Self.config(years: nil), hardware: Self.enduranceHardware(), seed: 3, inputWidth: 8)
        let loose = OnlineLearner(config: Self.config(years: 1e-12), hardware: Self.enduranceHardware(), seed: 3, inputWidth: 8)
        for s in data { _ = try plain.process(s, learn: true); _ = try loose.process(s, learn: true) }
        #expect(plain.network.lifetime == nil)
        #expect(loose.network.lifetime!.steps == 12)
        #expect(loose.network.lifetime!.scales.allSatisfy { b in (0..<b.count).allSatisfy { b[$0] == 1 } })
        for (a, b) in zip(plain.network.layers, loose.network.layers) {
            #expect(a.weights == b.weights)
            #expect((0..<a.plus.count).allSatisfy { a.plus.pulses($0) == b.plus.pulses($0) })
        }
        #expect(plain.totals.pulses == loose.totals.pulses)
        // The controller's state is appended after everything else: the rest is byte for byte the same.
        #expect(Array(loose.stateBytes().prefix(plain.stateBytes().count)) == plain.stateBytes())
    }

    @Test("a target the learner cannot meet throttles every tile and cuts pulses; the state round-trips")
    func strictTargetThrottles() throws {
        let data = blobs(count: 160)
        let plain = OnlineLearner(config: Self.config(years: nil), hardware: Self.enduranceHardware(), seed: 3, inputWidth: 8)
        let strict = OnlineLearner(config: Self.config(years: 10), hardware: Self.enduranceHardware(), seed: 3, inputWidth: 8)
        for s in data { _ = try plain.process(s, learn: true); _ = try strict.process(s, learn: true) }
        let c = strict.network.lifetime!
        #expect(c.scales.allSatisfy { b in (0..<b.count).allSatisfy { b[$0] < 1 } })
        #expect(strict.totals.pulses < plain.totals.pulses / 2)

        let half = OnlineLearner(config: Self.config(years: 10), hardware: Self.enduranceHardware(), seed: 3, inputWidth: 8)
        for s in data.prefix(75) { _ = try half.process(s, learn: true) }
        let resumed = OnlineLearner(config: Self.config(years: 10), hardware: Self.enduranceHardware(), seed: 3, inputWidth: 8)
        try resumed.restore(half.stateBytes())
        for s in data.dropFirst(75) { _ = try resumed.process(s, learn: true) }
        #expect(resumed.stateDigest == strict.stateDigest)
    }

    @Test("a lifetime target of 0 is one error naming the key")
    func zeroTarget() throws {
        var e = EngineConfig()
        try e.apply(.map([ConfigEntry("learning", .map([ConfigEntry("lifetime", .map([ConfigEntry("years", .scalar("0"))]))]))]))
        #expect(throws: ConfigError.outOfRange(key: "learning.lifetime.years", value: "0.0", allowed: "> 0, finite")) {
            try e.validateAll()
        }
        var off = EngineConfig()
        try off.apply(.map([ConfigEntry("learning", .map([ConfigEntry("lifetime", .scalar("off"))]))]))
        #expect(off.learning.lifetime == nil)
    }
}

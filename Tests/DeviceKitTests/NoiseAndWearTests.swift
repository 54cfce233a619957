import DeviceKit
import KitSupport
import Testing

@Suite("Cycle-to-cycle noise, device-to-device variation and wear")
struct NoiseAndWearTests {
    @Test("constantStep with dwMinStd = σ: per-step spread σ·dwMin, after n pulses √n·σ·dwMin")
    func cycleToCycleSpread() {
        let count = 20_000
        let d = noiselessDevices(.constantStep, count: count) { $0.dwMin = 0.001; $0.dwMinStd = 0.3 }
        var rng = SeededGenerator(seed: 4)
        func moments() -> (Double, Double) {
            let xs = (0..<count).map { Double(d.weight[$0]) }
            let m = xs.reduce(0, +) / Double(count)
            return (m, (xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(count)).squareRoot())
        }
        for i in 0..<count { _ = d.pulse(i, count: 1, timeSeconds: 0, rng: &rng) }
        let (m1, s1) = moments()
        #expect(abs(m1 - 0.001) < 1e-5)
        #expect(abs(s1 - 0.0003) / 0.0003 < 0.03)
        for i in 0..<count { _ = d.pulse(i, count: 15, timeSeconds: 0, rng: &rng) }
        let (m16, s16) = moments()
        #expect(abs(m16 - 0.016) < 1e-4)
        #expect(abs(s16 - 0.0003 * 4) / 0.0012 < 0.03)  // √16 = 4
    }

    @Test("the same seed builds the same population; another seed another")
    func populationFromSeed() {
        func build(_ seed: UInt64) -> [Float] {
            var preset = DevicePreset()
            preset.device.dwMinDtod = 0.3; preset.device.wMaxDtod = 0.3; preset.device.upDownDtod = 0.01
            var rng = SeededGenerator(seed: seed)
            let d = DevicePopulation(count: 100, preset: preset, initialWeight: 0, rng: &rng)
            return (0..<100).flatMap { i in [d.draw(i).stepUp, d.draw(i).stepDown, d.nominalBounds(i).hi] }
        }
        #expect(build(5) == build(5))
        #expect(build(5) != build(6))
    }

    @Test("device-to-device spread of dwMin has the configured relative width")
    func deviceToDevice() {
        var preset = DevicePreset()
        preset.device.dwMin = 0.01
        preset.device.dwMinDtod = 0.2
        var rng = SeededGenerator(seed: 8)
        let d = DevicePopulation(count: 20_000, preset: preset, initialWeight: 0, rng: &rng)
        let xs = (0..<d.count).map { Double(d.draw($0).stepUp) }
        let m = xs.reduce(0, +) / Double(xs.count)
        let s = (xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count)).squareRoot()
        #expect(abs(m - 0.01) < 1e-4)
        #expect(abs(s / m - 0.2) < 0.01)
    }

    @Test("wear counters never decrease and a failed device never moves again")
    func wearOut() {
        var preset = DevicePreset()
        preset.device.dwMin = 0.01
        preset.device.dwMinStd = 0.5
        preset.endurance.medianPulses = 200
        preset.endurance.spread = 0.2
        var rng = SeededGenerator(seed: 12)
        let d = DevicePopulation(count: 50, preset: preset, initialWeight: 0, rng: &rng)
        var last = [UInt64](repeating: 0, count: 50)
        var failedAt: [Int: Float] = [:]
        var wastedByTally = [Int](repeating: 0, count: 50)
        for round in 0..<600 {
            for i in 0..<50 {
                wastedByTally[i] += d.pulse(i, count: round % 2 == 0 ? 1 : -1, timeSeconds: 0, rng: &rng).wastedPulses
                let n = d.pulses(i)
                #expect(n >= last[i])
                last[i] = n
                if d.status[i] != DeviceStatus.healthy.rawValue {
                    if let w = failedAt[i] { #expect(d.weight[i] == w) } else { failedAt[i] = d.weight[i] }
                }
            }
        }
        #expect(failedAt.count == 50)  // 600 pulses ≫ a budget of ~200
        // The derived wasted-pulse count equals what the pulses' tallies counted, device by device.
        #expect((0..<50).map { Int(d.wastedPulses($0)) } == wastedByTally)
        #expect(wastedByTally.reduce(0, +) > 0)
        for i in 0..<50 {
            let stuck = d.status[i] == DeviceStatus.stuckMax.rawValue ? d.nominalBounds(i).hi : d.nominalBounds(i).lo
            #expect(d.weight[i] == stuck)
        }
    }

    @Test("the window closes after onset as (n/n_on)^(−p)")
    func windowClosure() {
        var preset = DevicePreset()
        preset.device.dwMin = 0.001
        preset.endurance.medianPulses = 1000
        preset.endurance.spread = 0
        preset.endurance.onsetFraction = 0.5
        preset.endurance.closureExponent = 0.5
        var rng = SeededGenerator(seed: 1)
        let d = DevicePopulation(count: 1, preset: preset, initialWeight: 0, rng: &rng)
        for k in 0..<800 { _ = d.pulse(0, count: k % 2 == 0 ? 1 : -1, timeSeconds: 0, rng: &rng) }
        let expected = 0.6 * (500.0 / 800.0).squareRoot()
        #expect(abs(Double(d.bounds(0).hi) - expected) < 1e-4)
        #expect(abs(Double(d.bounds(0).lo) + expected) < 1e-4)
        #expect(d.status[0] == DeviceStatus.healthy.rawValue)
    }

    @Test("write noise changes what is read, never the stored state")
    func writeNoise() {
        let d = noiselessDevices(.linearStep, count: 1000) { $0.dwMin = 0.01; $0.writeNoiseStd = 2 }
        var rng = SeededGenerator(seed: 3)
        for i in 0..<1000 { _ = d.pulse(i, count: 3, timeSeconds: 0, rng: &rng) }
        let stored = (0..<1000).map { d.weight[$0] }
        #expect(stored.allSatisfy { abs($0 - 0.03) < 1e-5 })
        let noise = (0..<1000).map { Double(d.apparent[$0] - d.weight[$0]) }
        let s = (noise.reduce(0) { $0 + $1 * $1 } / 1000).squareRoot()
        #expect(abs(s - 0.02) < 0.002)
    }

    @Test("drift lowers the read conductance as (t/t0)^−ν and leaves the state alone")
    func drift() {
        var preset = DevicePreset()
        preset.device.wMin = 0; preset.device.wMax = 1
        preset.drift.nu = 0.1
        preset.electrical.onOffRatio = 10
        var rng = SeededGenerator(seed: 1)
        let d = DevicePopulation(count: 1, preset: preset, initialWeight: 1, rng: &rng)
        let g0 = d.normalizedConductance(0, w: d.readValue(0, timeSeconds: 0))
        let later = d.readValue(0, timeSeconds: 100)
        let g = d.normalizedConductance(0, w: later)
        #expect(abs(Double(g / g0) - Double.pow(100, -0.1)) < 1e-4)
        #expect(d.weight[0] == 1)
    }
}

import DeviceKit
import KitSupport
import RealModule
import Testing

/// A population of identical noiseless devices of `model`, starting at `w0`.
func noiselessDevices(_ model: PulseModel, count: Int = 1, w0: Float = 0,
                      configure: (inout DeviceParameters) -> Void = { _ in }) -> DevicePopulation {
    var preset = DevicePreset()
    preset.device.model = model
    configure(&preset.device)
    var rng = SeededGenerator(seed: 1)
    return DevicePopulation(count: count, preset: preset, initialWeight: w0, rng: &rng)
}

@Suite("Pulse laws against their closed forms")
struct PulseLawTests {
    var rng = SeededGenerator(seed: 2)

    /// Steps are powers of two and starts multiples of them, so the Float sums are exact and
    /// the closed form holds to the last pulse.
    @Test("noiseless constantStep reaches its bound after exactly ⌈(wMax − w0)/dwMin⌉ pulses",
          arguments: [(Float(0), Float(0x1p-10)), (Float(-0.296875), Float(0x1p-7)), (Float(0.5), Float(0x1p-6))])
    mutating func constantStepBound(w0: Float, dwMin: Float) {
        let d = noiselessDevices(.constantStep, w0: w0) { $0.dwMin = dwMin }
        let needed = Int(((0.6 - w0) / dwMin).rounded(.up))
        for _ in 0..<(needed - 1) { _ = d.pulse(0, count: 1, timeSeconds: 0, rng: &rng) }
        #expect(d.weight[0] < 0.6)
        _ = d.pulse(0, count: 1, timeSeconds: 0, rng: &rng)
        #expect(d.weight[0] == 0.6)
        #expect(d.setPulses[0] == UInt64(needed))
    }

    @Test("noiseless softBounds follows w_n = wMax − (wMax − w0)·(1 − dwMin/wMax)^n")
    mutating func softBoundsClosedForm() {
        let d = noiselessDevices(.softBounds, w0: 0.1) { $0.dwMin = 0.001 }
        for n in 1...500 {
            _ = d.pulse(0, count: 1, timeSeconds: 0, rng: &rng)
            let expected = 0.6 - (0.6 - 0.1) * Double.pow(1 - 0.001 / 0.6, Double(n))
            #expect(abs(Double(d.weight[0]) - expected) < 2e-5, "after \(n) pulses")
        }
    }

    @Test("noiseless softBounds going down approaches wMin the same way")
    mutating func softBoundsDown() {
        let d = noiselessDevices(.softBounds, w0: 0) { $0.dwMin = 0.002 }
        _ = d.pulse(0, count: -300, timeSeconds: 0, rng: &rng)
        let expected = -0.6 + 0.6 * Double.pow(1 - 0.002 / 0.6, 300)
        #expect(abs(Double(d.weight[0]) - expected) < 1e-4)
        #expect(d.resetPulses[0] == 300)
    }

    @Test("neurosim follows G(P) = B·(1 − e^(−P/A)) + Gmin from the bottom of the window",
          arguments: [Float(4040.55), Float(49.92), Float(-255.66)])
    mutating func neurosimCurve(a: Float) {
        let d = noiselessDevices(.neurosim, w0: -1) {
            $0.wMin = -1; $0.wMax = 1; $0.pulsesMax = 128; $0.aLTP = a; $0.aLTD = a
        }
        let range = 2.0, pmax = 128.0, A = Double(a)
        let bigB = range / (1 - Double.exp(-pmax / A))
        for p in 1...128 {
            _ = d.pulse(0, count: 1, timeSeconds: 0, rng: &rng)
            let expected = -1 + bigB * (1 - Double.exp(-Double(p) / A))
            #expect(abs(Double(d.weight[0]) - expected) < 2e-4, "after \(p) pulses")
        }
        #expect(abs(d.weight[0] - 1) < 1e-3)  // Pmax pulses cross the whole window
    }

    @Test("neurosim LTD retraces its own curve: P pulses down from P pulses up returns to the start")
    mutating func neurosimRetrace() {
        let d = noiselessDevices(.neurosim, w0: -1) {
            $0.wMin = -1; $0.wMax = 1; $0.pulsesMax = 100; $0.aLTP = 300; $0.aLTD = 300
        }
        _ = d.pulse(0, count: 40, timeSeconds: 0, rng: &rng)
        _ = d.pulse(0, count: -40, timeSeconds: 0, rng: &rng)
        #expect(abs(d.weight[0] + 1) < 1e-4)
    }

    @Test("linearStep steps shrink toward the bound as 1 − γ·w/wMax")
    mutating func linearStep() {
        let d = noiselessDevices(.linearStep, w0: 0.3) { $0.dwMin = 0.01; $0.gammaUp = 0.5; $0.gammaDown = 0.5 }
        _ = d.pulse(0, count: 1, timeSeconds: 0, rng: &rng)
        let w1: Float = 0.3 + 0.01 * (1 - 0.5 * 0.3 / 0.6)
        #expect(abs(d.weight[0] - w1) < 1e-6)
        _ = d.pulse(0, count: -1, timeSeconds: 0, rng: &rng)
        let downStep: Float = 0.01 * (1 - 0.5 * w1 / -0.6)
        #expect(abs(d.weight[0] - (w1 - downStep)) < 1e-6)
    }

    @Test("powStep step is Δ·((wMax − w)/R)^γ up and Δ·((w − wMin)/R)^γ down")
    mutating func powStep() {
        let d = noiselessDevices(.powStep, w0: 0.2) { $0.dwMin = 0.01; $0.powGamma = 2 }
        _ = d.pulse(0, count: 1, timeSeconds: 0, rng: &rng)
        let up = 0.2 + 0.01 * Float.pow((0.6 - 0.2) / 1.2, 2)
        #expect(abs(d.weight[0] - up) < 1e-6)
        _ = d.pulse(0, count: -1, timeSeconds: 0, rng: &rng)
        #expect(abs(d.weight[0] - (up - 0.01 * Float.pow((up + 0.6) / 1.2, 2))) < 1e-6)
    }

    @Test("expStep uses aihwkit's defaults: z = 2aw/R + b, y = 1 − A·exp(±γz)")
    mutating func expStep() {
        let d = noiselessDevices(.expStep, w0: 0.3) { $0.dwMin = 0.01 }
        _ = d.pulse(0, count: 1, timeSeconds: 0, rng: &rng)
        let z = 2 * 0.244 * 0.3 / 1.2 + 0.2425
        let y = max(1 - 0.00081 * Double.exp(12.44625 * z), 0)
        #expect(abs(Double(d.weight[0]) - (0.3 + 0.01 * y)) < 1e-6)
        #expect(abs(y - 0.924) < 0.001)  // aihwkit's curve at w = 0.3
    }

    @Test("ideal devices take exact, unbounded changes")
    func ideal() {
        let d = noiselessDevices(.ideal)
        _ = d.applyExact(0, delta: 5.25, timeSeconds: 0)
        #expect(d.weight[0] == 5.25)
    }
}

@Suite("Device characterization")
struct CharacterizationTests {
    @Test("the curve's first rows follow the soft-bounds closed form; the CSV has the documented columns")
    func softBoundsCurve() {
        var preset = DevicePreset()
        preset.device.model = .softBounds
        preset.device.dwMin = 0.001
        let points = PulseResponseCurve.measure(preset: preset, up: 500, down: 500, w0: 0, devices: 100, seed: 1)
        #expect(points.count == 1001)
        for n in 0...20 {
            let expected = 0.6 - 0.6 * Double.pow(1 - 0.001 / 0.6, Double(n))
            #expect(abs(points[n].mean - expected) < 1e-6)
            #expect(points[n].std == 0)
        }
        #expect(points[500].direction == "up" && points[501].direction == "down")
        #expect(PulseResponseCurve.csv(points).hasPrefix("pulse,direction,mean,std\n0,start,0.0,0.0\n"))
    }

    @Test("cycling to failure: the failed fraction rises to 1 and the window narrows")
    func enduranceCycling() {
        var preset = DevicePreset()
        preset.device.dwMin = 0.01
        preset.endurance.medianPulses = 400
        preset.endurance.spread = 0.3
        let points = EnduranceCycling.run(preset: preset, devices: 100, maxCycles: 10_000, seed: 2)
        #expect(points.last?.failedFraction == 1)
        for (a, b) in zip(points, points.dropFirst()) { #expect(b.failedFraction >= a.failedFraction) }
        let early = points.first { $0.cycles >= 50 }!
        let late = points.last { !$0.gMaxEffective.isNaN }!
        #expect(late.gMaxEffective < early.gMaxEffective)
    }

    @Test("one point per decade: cycles 0, 1, 10, 100, … (10^1 is exactly 10)")
    func enduranceOnePointPerDecade() {
        var preset = DevicePreset()
        preset.device.dwMin = 0.01
        let points = EnduranceCycling.run(preset: preset, devices: 2, maxCycles: 10_000, pointsPerDecade: 1, seed: 2)
        #expect(points.map(\.cycles) == [0, 1, 10, 100, 1_000, 10_000])
    }
}

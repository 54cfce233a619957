import KitSupport

/// One row of a pulse-response curve: the population's mean and spread after `pulse`
/// pulses (counted from the start), the last of which went in `direction`.
public struct CurvePoint: Equatable, Sendable {
    public var pulse: Int
    /// "start", "up" or "down".
    public var direction: String
    /// Mean weight over the population, device units.
    public var mean: Double
    /// Standard deviation over the population (device-to-device and cycle-to-cycle).
    public var std: Double
}

/// Device characterization as in a lab: a population of `devices` devices, all starting at
/// `w0`, receives `up` potentiating pulses and then `down` depressing pulses (`cycles` times
/// over), one pulse per device per step; after every step the population's mean and spread
/// are recorded.
public enum PulseResponseCurve {
    public static func measure(preset: DevicePreset, up: Int, down: Int, w0: Float, devices: Int,
                               seed: UInt64, cycles: Int = 1) -> [CurvePoint] {
        var variation = SeededGenerator(seed: seed, stream: .deviceVariation)
        var noise = SeededGenerator(seed: seed, stream: .writeNoise)
        let population = DevicePopulation(count: devices, preset: preset, initialWeight: w0, rng: &variation)
        var points = [summary(population, pulse: 0, direction: "start")]
        points.reserveCapacity(cycles * (up + down) + 1)
        for k in 0..<(cycles * (up + down)) {
            let isUp = k % (up + down) < up
            for i in 0..<devices { _ = population.pulse(i, count: isUp ? 1 : -1, timeSeconds: 0, rng: &noise) }
            points.append(summary(population, pulse: k + 1, direction: isUp ? "up" : "down"))
        }
        return points
    }

    static func summary(_ p: DevicePopulation, pulse: Int, direction: String) -> CurvePoint {
        var sum = 0.0, sumSq = 0.0
        for i in 0..<p.count {
            let w = Double(p.apparent[i])
            sum += w
            sumSq += w * w
        }
        let n = Double(p.count)
        let mean = sum / n
        return CurvePoint(pulse: pulse, direction: direction, mean: mean, std: max(sumSq / n - mean * mean, 0).squareRoot())
    }

    /// `pulse,direction,mean,std` with a header.
    public static func csv(_ points: [CurvePoint]) -> String {
        var out = "pulse,direction,mean,std\n"
        for p in points { out += "\(p.pulse),\(p.direction),\(p.mean),\(p.std)\n" }
        return out
    }
}

import KitSupport
import RealModule

/// One row of an endurance test: the population after `cycles` SET/RESET cycles.
public struct EndurancePoint: Equatable, Sendable {
    public var cycles: Int
    /// Mean effective window of the healthy devices, in normalized conductance g = G/Gmax.
    public var gMinEffective: Double
    public var gMaxEffective: Double
    /// Fraction of devices that have failed (stuck).
    public var failedFraction: Double
    /// Mean magnitude of the last up-step of the healthy devices, device units.
    public var meanStep: Double
}

/// Cycles a device population to failure (DESIGN §4.3): every cycle sends each device one
/// potentiating and one depressing pulse; at log-spaced cycle counts the effective window,
/// the failed fraction and the step size are recorded. Scale the budget down
/// (`endurance.medianPulses`) to see wear-out in seconds.
public enum EnduranceCycling {
    public static func run(preset: DevicePreset, devices: Int, maxCycles: Int, pointsPerDecade: Int = 10,
                           seed: UInt64) -> [EndurancePoint] {
        var variation = SeededGenerator(seed: seed, stream: .deviceVariation)
        var noise = SeededGenerator(seed: seed, stream: .writeNoise)
        let p = preset.device
        let population = DevicePopulation(count: devices, preset: preset, initialWeight: (p.wMin + p.wMax) / 2,
                                          rng: &variation)
        let lastStep = [Float](repeating: 0, count: devices)
        var steps = lastStep
        var points = [point(population, cycles: 0, steps: steps)]
        var next = 1.0
        let factor = Double.pow(10, 1 / Double(max(pointsPerDecade, 1)))
        var cycle = 0
        while cycle < maxCycles {
            cycle += 1
            for i in 0..<devices {
                let before = population.weight[i]
                _ = population.pulse(i, count: 1, timeSeconds: 0, rng: &noise)
                steps[i] = population.weight[i] - before
                _ = population.pulse(i, count: -1, timeSeconds: 0, rng: &noise)
            }
            if Double(cycle) >= next || cycle == maxCycles {
                points.append(point(population, cycles: cycle, steps: steps))
                while next <= Double(cycle) { next = (next * factor).rounded(.up) }
            }
            if population.failedCount == devices {
                if points.last?.cycles != cycle { points.append(point(population, cycles: cycle, steps: steps)) }
                break
            }
        }
        return points
    }

    static func point(_ p: DevicePopulation, cycles: Int, steps: [Float]) -> EndurancePoint {
        var lo = 0.0, hi = 0.0, step = 0.0, healthy = 0
        for i in 0..<p.count where p.status[i] == DeviceStatus.healthy.rawValue {
            let b = p.bounds(i)
            lo += Double(p.normalizedConductance(i, w: b.lo))
            hi += Double(p.normalizedConductance(i, w: b.hi))
            step += Double(abs(steps[i]))
            healthy += 1
        }
        let h = Double(max(healthy, 1))
        return EndurancePoint(cycles: cycles, gMinEffective: healthy > 0 ? lo / h : .nan,
                              gMaxEffective: healthy > 0 ? hi / h : .nan,
                              failedFraction: Double(p.count - healthy) / Double(p.count),
                              meanStep: healthy > 0 ? step / h : .nan)
    }

    public static func csv(_ points: [EndurancePoint]) -> String {
        var out = "cycles,gMinEffective,gMaxEffective,failedFraction,meanStep\n"
        for p in points { out += "\(p.cycles),\(p.gMinEffective),\(p.gMaxEffective),\(p.failedFraction),\(p.meanStep)\n" }
        return out
    }
}

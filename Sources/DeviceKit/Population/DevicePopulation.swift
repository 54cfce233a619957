import KitSupport
import RealModule

/// The state of a device in its life.
public enum DeviceStatus: UInt8, Sendable {
    case healthy = 0
    /// Failed (or faulty from the start) and stuck at its minimum conductance.
    case stuckMin = 1
    /// Failed (or faulty from the start) and stuck at its maximum conductance.
    case stuckMax = 2
}

/// A population of devices of one type, stored as flat buffers (structure of arrays) for
/// the hot loops: state, drawn device-to-device parameters, wear counters and budgets.
///
/// Device-to-device variation, endurance budgets and initial faults are drawn once, here,
/// from the generator passed in; cycle-to-cycle noise is drawn per pulse by
/// ``pulse(_:count:timeSeconds:rng:)``.
public final class DevicePopulation {
    public let preset: DevicePreset
    public var parameters: DeviceParameters { preset.device }
    public let count: Int

    /// True (hidden) state of each device, device units.
    public let weight: Buffer<Float>
    /// What a read sees right after the last write: the true state plus write noise.
    public let apparent: Buffer<Float>
    /// Mean step magnitudes of each device, up and down.
    public let stepUp: Buffer<Float>
    public let stepDown: Buffer<Float>
    /// As-fabricated bounds of each device.
    public let nominalMin: Buffer<Float>
    public let nominalMax: Buffer<Float>
    /// Current bounds (narrower than nominal once the window closes with wear).
    public let boundMin: Buffer<Float>
    public let boundMax: Buffer<Float>
    /// Law-specific shape parameters (γ or A), up and down.
    public let shapeUp: Buffer<Float>
    public let shapeDown: Buffer<Float>
    /// NeuroSim's per-device curve constants derived from A±, up and down (empty for other laws).
    public let curveUp: Buffer<NeuroSimCurve>
    public let curveDown: Buffer<NeuroSimCurve>
    /// Normalized conductance of the as-fabricated minimum, `1/onOffRatio`.
    public let gMin: Float
    /// Endurance budget N_end, pulses (infinite when wear-out is off).
    public let budget: Buffer<Float>
    /// Whether the device ends stuck at its maximum when it fails (drawn at construction).
    public let failsHigh: Buffer<UInt8>
    public let status: Buffer<UInt8>
    /// Wear counters. They only ever increase. 32 bits each: 4.29·10⁹ pulses per device, far
    /// beyond the endurance budgets of the presets (≤ 10¹² only for SRAM, whose wear-out is off
    /// and which would need 4·10⁹ writes of one cell to wrap); checkpoints store them as 64-bit.
    public let setPulses: Buffer<UInt32>
    public let resetPulses: Buffer<UInt32>
    /// Write events (one per update that sent at least one pulse).
    public let writes: Buffer<UInt32>
    /// Pulses delivered after the device had failed.
    public let wastedPulses: Buffer<UInt32>
    /// Emulated time of the last write, seconds (for drift and retention).
    public let lastWriteSeconds: Buffer<Float>

    /// Builds `count` devices, drawing device-to-device variation, endurance budgets and
    /// initial faults from `rng`. Every device starts at `initialWeight` (clipped to its bounds).
    public init(count: Int, preset: DevicePreset, initialWeight: Float, rng: inout SeededGenerator) {
        self.preset = preset
        self.count = count
        let p = preset.device
        let e = preset.endurance
        weight = Buffer(repeating: 0, count: count)
        apparent = Buffer(repeating: 0, count: count)
        stepUp = Buffer(repeating: 0, count: count)
        stepDown = Buffer(repeating: 0, count: count)
        nominalMin = Buffer(repeating: 0, count: count)
        nominalMax = Buffer(repeating: 0, count: count)
        boundMin = Buffer(repeating: 0, count: count)
        boundMax = Buffer(repeating: 0, count: count)
        shapeUp = Buffer(repeating: 0, count: count)
        shapeDown = Buffer(repeating: 0, count: count)
        let neurosim = p.model == .neurosim
        curveUp = Buffer(repeating: NeuroSimCurve(), count: neurosim ? count : 0)
        curveDown = Buffer(repeating: NeuroSimCurve(), count: neurosim ? count : 0)
        gMin = 1 / preset.electrical.onOffRatio
        budget = Buffer(repeating: .infinity, count: count)
        failsHigh = Buffer(repeating: 0, count: count)
        status = Buffer(repeating: DeviceStatus.healthy.rawValue, count: count)
        setPulses = Buffer(repeating: 0, count: count)
        resetPulses = Buffer(repeating: 0, count: count)
        writes = Buffer(repeating: 0, count: count)
        wastedPulses = Buffer(repeating: 0, count: count)
        lastWriteSeconds = Buffer(repeating: 0, count: count)

        let step = p.nominalStep
        for i in 0..<count {
            let d = DeviceDraw(p, step: step, rng: &rng)
            stepUp[i] = d.stepUp; stepDown[i] = d.stepDown
            nominalMin[i] = d.lo; nominalMax[i] = d.hi
            boundMin[i] = d.lo; boundMax[i] = d.hi
            shapeUp[i] = d.shapeUp; shapeDown[i] = d.shapeDown
            if neurosim {
                curveUp[i] = NeuroSimCurve(a: d.shapeUp, pulsesMax: p.neurosim.pulsesMax, up: true)
                curveDown[i] = NeuroSimCurve(a: d.shapeDown, pulsesMax: p.neurosim.pulsesMax, up: false)
            }
            let w0 = p.model == .ideal ? initialWeight : min(max(initialWeight, d.lo), d.hi)
            weight[i] = w0
            apparent[i] = w0
        }
        // Endurance draws come from their own stream so device variation stays the same
        // whether wear-out is on or off.
        var er = SeededGenerator(seed: rng.next(), stream: .endurance)
        for i in 0..<count {
            if e.isEnabled {
                budget[i] = Float.exp(Float.log(e.medianPulses) + e.spread * er.nextGaussian())
            }
            failsHigh[i] = er.nextUnitFloat() < e.stuckAtMaxProbability ? 1 : 0
            if e.initialStuckFraction > 0, er.nextUnitFloat() < e.initialStuckFraction {
                stick(i)
            }
        }
    }

    /// Marks a device as failed, stuck at the bound its failure mode names.
    @inlinable
    public func stick(_ i: Int) {
        let high = failsHigh.pointer[i] != 0
        status.pointer[i] = high ? DeviceStatus.stuckMax.rawValue : DeviceStatus.stuckMin.rawValue
        let v = high ? nominalMax.pointer[i] : nominalMin.pointer[i]
        weight.pointer[i] = v
        apparent.pointer[i] = v
    }

    /// Sets a device's state directly (initial programming, refresh target), clipped to
    /// its current bounds. A failed device does not move. Counts no pulses.
    public func program(_ i: Int, to w: Float) {
        guard status[i] == DeviceStatus.healthy.rawValue else { return }
        let v = parameters.model == .ideal ? w : min(max(w, boundMin[i]), boundMax[i])
        weight[i] = v
        apparent[i] = v
    }

    /// Total pulses delivered to device `i` (SET + RESET).
    @inlinable
    public func pulses(_ i: Int) -> UInt64 { UInt64(setPulses.pointer[i]) &+ UInt64(resetPulses.pointer[i]) }

    /// Number of devices that are not healthy.
    public var failedCount: Int {
        var n = 0
        for i in 0..<count where status.pointer[i] != DeviceStatus.healthy.rawValue { n += 1 }
        return n
    }

    /// Fraction of its budget device `i` has used (0 when wear-out is off).
    public func budgetUsed(_ i: Int) -> Float {
        let b = budget[i]
        return b.isFinite ? Float(pulses(i)) / b : 0
    }
}

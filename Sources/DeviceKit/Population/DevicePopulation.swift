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
/// the hot loops. Only what changes during a run is stored: the state, the wear of the window,
/// the status and the wear counters. Device-to-device parameters, endurance budgets and
/// failure modes are regenerated on demand from (seed, device index) by ``variation``
/// (a counter-based generator); fields of models that are off take no memory.
///
/// Bytes per device (``bytesPerDevice``, checked in `DeviceMemoryTests`): 4 (state) + 1
/// (status) + 12 (three 32-bit counters) = 17, plus 4 for the apparent state when write noise
/// is on and 4 for the last-write time when drift or retention is on. The window closure is
/// derived from the pulse count (``currentBounds(_:nominal:)``).
///
/// Cycle-to-cycle noise is drawn per pulse by ``pulse(_:count:timeSeconds:rng:)``.
public final class DevicePopulation {
    public let preset: DevicePreset
    public var parameters: DeviceParameters { preset.device }
    public let count: Int
    /// The device-to-device parameters and endurance draws, regenerated per device.
    public let variation: DeviceVariation

    /// True (hidden) state of each device, device units.
    public let weight: Buffer<Float>
    /// What a read sees right after the last write: the true state plus write noise. The
    /// same buffer as ``weight`` (no memory of its own) when write noise is off.
    public let apparent: Buffer<Float>
    /// Normalized conductance of the as-fabricated minimum, `1/onOffRatio`.
    public let gMin: Float
    public let status: Buffer<UInt8>
    /// Wear counters. They only ever increase. 32 bits each: 4.29·10⁹ pulses per device, far
    /// beyond the endurance budgets of the presets (≤ 10¹² only for SRAM, whose wear-out is off
    /// and which would need 4·10⁹ writes of one cell to wrap); checkpoints store them as 64-bit.
    /// (16-bit counters would wrap at 65,535 pulses, which a hot device passes within a few
    /// passes of 784-512-10, so 32 bits is the narrowest exact width.)
    public let setPulses: Buffer<UInt32>
    public let resetPulses: Buffer<UInt32>
    /// Write events (one per update that sent at least one pulse).
    public let writes: Buffer<UInt32>
    /// Emulated time of the last write, seconds (for drift and retention; empty when both are off).
    public let lastWriteSeconds: Buffer<Float>

    /// Builds `count` devices; one draw of `rng` keys their device-to-device variation,
    /// endurance budgets and initial faults. Every device starts at `initialWeight` (clipped
    /// to its bounds).
    public init(count: Int, preset: DevicePreset, initialWeight: Float, rng: inout SeededGenerator) {
        self.preset = preset
        self.count = count
        let p = preset.device
        let v = DeviceVariation(preset: preset, seed: rng.next())
        variation = v
        weight = Buffer(repeating: 0, count: count)
        apparent = p.writeNoiseStd > 0 ? Buffer(repeating: 0, count: count) : weight
        gMin = 1 / preset.electrical.onOffRatio
        status = Buffer(repeating: DeviceStatus.healthy.rawValue, count: count)
        setPulses = Buffer(repeating: 0, count: count)
        resetPulses = Buffer(repeating: 0, count: count)
        writes = Buffer(repeating: 0, count: count)
        lastWriteSeconds = Buffer(repeating: 0, count: preset.drift.isEnabled ? count : 0)

        let ideal = p.model == .ideal
        for i in 0..<count {
            var w0 = initialWeight
            if !ideal {
                let (lo, hi) = v.nominalBounds(i)
                w0 = min(max(initialWeight, lo), hi)
            }
            weight[i] = w0
            apparent[i] = w0
            if v.initiallyStuck(i) { stick(i) }
        }
    }

    /// Marks a device as failed, stuck at the nominal bound its failure mode names.
    @inlinable
    public func stick(_ i: Int) {
        let high = variation.failsHigh(i)
        status.pointer[i] = high ? DeviceStatus.stuckMax.rawValue : DeviceStatus.stuckMin.rawValue
        let (lo, hi) = variation.nominalBounds(i)
        let v = high ? hi : lo
        weight.pointer[i] = v
        apparent.pointer[i] = v
    }

    /// As-fabricated bounds of device `i`, device units (regenerated).
    @inlinable
    public func nominalBounds(_ i: Int) -> (lo: Float, hi: Float) { variation.nominalBounds(i) }

    /// Current bounds of device `i` (narrower than nominal once the window closes with wear).
    @inlinable
    public func bounds(_ i: Int) -> (lo: Float, hi: Float) { currentBounds(i, nominal: variation.nominalBounds(i)) }

    /// Current bounds from the nominal ones `b` and the pulse count `n`, the wear law's window
    /// closure: past the onset `N_on = onsetFraction·N_end` of a healthy device the window is
    /// `c + (b − c)·s` around its centre `c`, `s = (n/max(N_on, 1))^(−closureExponent)` (what
    /// ``wear(_:budget:nominal:bounds:_:tally:)`` set at the device's last pulse, exactly); before
    /// it, and for a failed device (stuck at a nominal bound), the nominal window. Needs no
    /// storage and no budget below the lowest possible onset.
    @inlinable @inline(__always)
    public func currentBounds(_ i: Int, nominal b: (lo: Float, hi: Float)) -> (lo: Float, hi: Float) {
        guard variation.enduranceOn, Float(pulses(i)) >= variation.wearFloorPulses else { return b }
        return closedBounds(i, nominal: b)
    }

    /// ``currentBounds(_:nominal:)`` past the lowest possible onset (rare: kept out of line).
    @inlinable @inline(never)
    func closedBounds(_ i: Int, nominal b: (lo: Float, hi: Float)) -> (lo: Float, hi: Float) {
        let k = preset.endurance.closureExponent
        guard k > 0, status.pointer[i] == DeviceStatus.healthy.rawValue else { return b }
        let n = Float(pulses(i))
        let onset = preset.endurance.onsetFraction * variation.budget(i)
        guard n > onset else { return b }
        let s = Float.pow(n / max(onset, 1), -k)
        let centre = (b.lo + b.hi) / 2
        return (centre + (b.lo - centre) * s, centre + (b.hi - centre) * s)
    }

    /// Endurance budget N_end of device `i`, pulses (infinite when wear-out is off).
    @inlinable
    public func budget(_ i: Int) -> Float { variation.budget(i) }

    /// Whether device `i` ends stuck at its maximum when it fails.
    public func failsHigh(_ i: Int) -> Bool { variation.failsHigh(i) }

    /// Device `i`'s drawn values (steps, nominal bounds, shapes).
    public func draw(_ i: Int) -> DeviceDraw { variation.draw(i) }

    /// Sets a device's state directly (initial programming, refresh target), clipped to
    /// its current bounds. A failed device does not move. Counts no pulses.
    public func program(_ i: Int, to w: Float) {
        guard status[i] == DeviceStatus.healthy.rawValue else { return }
        var v = w
        if parameters.model != .ideal {
            let (lo, hi) = bounds(i)
            v = min(max(w, lo), hi)
        }
        weight[i] = v
        apparent[i] = v
    }

    /// Pulses delivered to device `i` after it had failed: its pulses past ``failurePulses(_:)``
    /// (0 while healthy). Derived, not counted: a failed device takes no other change.
    public func wastedPulses(_ i: Int) -> UInt64 {
        guard status[i] != DeviceStatus.healthy.rawValue else { return 0 }
        let n = pulses(i), f = failurePulses(i)
        return n > f ? n - f : 0
    }

    /// The pulse count at which device `i` failed: 0 if faulty from the start, else the least
    /// `n` with `Float(n) ≥ N_end` (the test ``wear(_:budget:nominal:bounds:_:tally:)`` makes
    /// after every pulse).
    public func failurePulses(_ i: Int) -> UInt64 {
        let b = variation.budget(i)
        guard !variation.initiallyStuck(i), b.isFinite else { return 0 }
        var n = UInt64(b.rounded(.up))
        while n > 0, Float(n - 1) >= b { n -= 1 }
        while Float(n) < b { n += 1 }
        return n
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
        let b = budget(i)
        return b.isFinite ? Float(pulses(i)) / b : 0
    }
}

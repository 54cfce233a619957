import KitSupport
import RealModule

/// What a burst of pulses on one device did: pulse counts and the conductance (in units of
/// Gmax) each pulse saw, for the energy ledger `E = V²·G·t`.
public struct PulseTally: Equatable, Sendable {
    public var setPulses = 0
    public var resetPulses = 0
    public var wastedPulses = 0
    /// Σ over SET pulses of the device's normalized conductance g = G/Gmax before the pulse.
    public var setConductanceSum: Float = 0
    /// The same over RESET pulses.
    public var resetConductanceSum: Float = 0
    /// Devices that failed during this burst.
    public var failures = 0

    public init() {}

    public static func += (a: inout PulseTally, b: PulseTally) {
        a.setPulses += b.setPulses
        a.resetPulses += b.resetPulses
        a.wastedPulses += b.wastedPulses
        a.setConductanceSum += b.setConductanceSum
        a.resetConductanceSum += b.resetConductanceSum
        a.failures += b.failures
    }

    public var pulses: Int { setPulses + resetPulses }
}

extension DevicePopulation {
    /// Normalized conductance g = G/Gmax of a device state `w` (device units), on the
    /// device's as-fabricated window: `g = gMin + (w − wMin)/(wMax − wMin)·(1 − gMin)`.
    @inlinable
    public func normalizedConductance(_ i: Int, w: Float) -> Float {
        let lo = nominalMin.pointer[i], hi = nominalMax.pointer[i]
        let x = (w - lo) / (hi - lo)
        return gMin + min(max(x, 0), 1) * (1 - gMin)
    }

    /// Sends `n` pulses to device `i` (`n > 0`: SET/potentiate, `n < 0`: RESET/depress), one
    /// at a time: each pulse moves the state by its law's mean step plus fresh
    /// cycle-to-cycle noise, then the state is clipped to the device's current bounds.
    /// Counts every pulse, wears the device (window closure after onset, failure at its
    /// budget) and, once failed, counts further pulses as wasted. Applies write noise to
    /// the apparent state once per call.
    @inlinable
    public func pulse(_ i: Int, count n: Int, timeSeconds: Float, rng: inout SeededGenerator) -> PulseTally {
        var tally = PulseTally()
        guard n != 0 else { return tally }
        let p = preset.device
        let up = n > 0
        let total = abs(n)
        let w = weight.pointer, st = status.pointer
        let sd = p.nominalStep * p.dwMinStd
        let wearOn = budget.pointer[i].isFinite
        let law = p.law
        let noise = law.cycleNoise
        let meanBounds = (lo: p.wMin, hi: p.wMax)
        let neurosim = p.model == .neurosim
        let curve = up ? curveUp.pointer : curveDown.pointer
        writes.pointer[i] &+= 1
        lastWriteSeconds.pointer[i] = timeSeconds
        for _ in 0..<total {
            let g = normalizedConductance(i, w: w[i])
            if up {
                setPulses.pointer[i] &+= 1; tally.setPulses += 1; tally.setConductanceSum += g
            } else {
                resetPulses.pointer[i] &+= 1; tally.resetPulses += 1; tally.resetConductanceSum += g
            }
            if st[i] != DeviceStatus.healthy.rawValue {
                wastedPulses.pointer[i] &+= 1
                tally.wastedPulses += 1
                continue
            }
            let lo = boundMin.pointer[i], hi = boundMax.pointer[i]
            var step = neurosim
                ? curve[i].step(x: w[i] - lo, range: hi - lo)
                : law.meanStep(up: up, w: w[i], device: drawn(i, lo: lo, hi: hi), meanBounds: meanBounds)
            if sd > 0 {
                // aihwkit multiplies the whole step by (1 + σξ); LinearStep/SoftBounds with
                // multNoise off noise only the constant part Δ±; NeuroSim adds σ·Δw_min·ξ.
                let xi = rng.nextGaussian()
                switch noise {
                case .additive:
                    step += sd * xi
                case .constantPart:
                    step += (up ? stepUp.pointer[i] : -stepDown.pointer[i]) * p.dwMinStd * xi
                case .multiplicative:
                    step += step * p.dwMinStd * xi
                }
            }
            w[i] = min(max(w[i] + step, lo), hi)
            if wearOn { wear(i, tally: &tally) }
        }
        if p.writeNoiseStd > 0, st[i] == DeviceStatus.healthy.rawValue {
            apparent.pointer[i] = w[i] + p.writeNoiseStd * p.nominalStep * rng.nextGaussian()
        } else {
            apparent.pointer[i] = w[i]
        }
        return tally
    }

    /// Device `i`'s drawn values as its law sees them, with its current bounds `lo`, `hi`.
    @inlinable
    func drawn(_ i: Int, lo: Float, hi: Float) -> DeviceDraw {
        DeviceDraw(stepUp: stepUp.pointer[i], stepDown: stepDown.pointer[i], lo: lo, hi: hi,
                   shapeUp: shapeUp.pointer[i], shapeDown: shapeDown.pointer[i])
    }

    /// Applies an exact change (the ``PulseModel/ideal`` device): no bounds, no noise. Counts
    /// one write and one pulse in the direction of the change.
    @inlinable
    public func applyExact(_ i: Int, delta: Float, timeSeconds: Float) -> PulseTally {
        var tally = PulseTally()
        guard delta != 0 else { return tally }
        weight.pointer[i] += delta
        apparent.pointer[i] = weight.pointer[i]
        writes.pointer[i] &+= 1
        lastWriteSeconds.pointer[i] = timeSeconds
        if delta > 0 { setPulses.pointer[i] &+= 1; tally.setPulses = 1 } else { resetPulses.pointer[i] &+= 1; tally.resetPulses = 1 }
        return tally
    }

    /// Endurance bookkeeping after one pulse: window closure past onset, failure at budget.
    @inlinable
    func wear(_ i: Int, tally: inout PulseTally) {
        let n = Float(pulses(i))
        let b = budget.pointer[i]
        if n >= b {
            stick(i)
            tally.failures += 1
            return
        }
        let e = preset.endurance
        let onset = e.onsetFraction * b
        if n > onset, e.closureExponent > 0 {
            let lo = nominalMin.pointer[i], hi = nominalMax.pointer[i]
            let centre = (lo + hi) / 2
            let shrink = Float.pow(n / max(onset, 1), -e.closureExponent)
            boundMin.pointer[i] = centre + (lo - centre) * shrink
            boundMax.pointer[i] = centre + (hi - centre) * shrink
            let w = weight.pointer
            w[i] = min(max(w[i], boundMin.pointer[i]), boundMax.pointer[i])
        }
    }
}

extension DevicePopulation {
    /// An abrupt RESET (PCM melt-quench): one pulse takes the device to its current minimum.
    /// Counted and worn like any pulse.
    public func abruptReset(_ i: Int, timeSeconds: Float) -> PulseTally {
        var tally = PulseTally()
        tally.resetPulses = 1
        tally.resetConductanceSum = normalizedConductance(i, w: weight[i])
        resetPulses[i] &+= 1
        writes[i] &+= 1
        lastWriteSeconds[i] = timeSeconds
        if status[i] != DeviceStatus.healthy.rawValue {
            wastedPulses[i] &+= 1
            tally.wastedPulses = 1
            return tally
        }
        weight[i] = boundMin[i]
        apparent[i] = boundMin[i]
        if budget[i].isFinite { wear(i, tally: &tally) }
        return tally
    }
}

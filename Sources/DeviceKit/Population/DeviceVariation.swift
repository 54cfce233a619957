import KitSupport
import RealModule

/// Device-to-device parameters regenerated on demand from (key, device index) instead of
/// stored: each parameter of device `i` is one counter-based deviate
/// ``CounterDraw/gaussian(_:)`` of counter `8·i + slot`, so the pulse path recomputes only what
/// the pulsed device needs, and a device's parameters are the same at every call (they change
/// only through wear, which is stored state).
///
/// The distributions are those of ``DeviceDraw`` (aihwkit's `PulsedRPUDevice::populate`):
/// - slot 0, 1: step gain `g = 1 + dwMinDtod·ξ₀` and asymmetry noise `r = upDownDtod·ξ₁`;
/// - slot 2, 3: bounds `b_max = wMax·(1 + wMaxDtod·ξ₂)`, `b_min = wMin·(1 + wMinDtod·ξ₃)`;
/// - slot 4, 5: the law's shape draws (LinearStep slopes, PowStep gain and asymmetry noise,
///   NeuroSim `A±·(1 + aDtod·ξ)`).
///
/// Endurance (own key, counter `4·i + slot`): slot 0 the budget `N_end = exp(ln N_med + s·ξ)`
/// (pulses, ξ truncated at ±8), slot 1 the failure mode (stuck at max with probability `stuckAtMaxProbability`),
/// slot 2 the initial fault (probability `initialStuckFraction`).
public struct DeviceVariation: Sendable {
    public let device: DeviceParameters
    /// Counter key of the parameters (stream ``RandomStream/deviceParameters``).
    public let parametersKey: UInt64
    /// Counter key of the endurance draws (stream ``RandomStream/deviceEndurance``).
    public let enduranceKey: UInt64
    /// `ln N_med` and the σ of `ln N_end`; `enduranceOn` false means infinite budgets.
    public let logMedianPulses: Float
    public let enduranceSpread: Float
    public let enduranceOn: Bool
    /// Pulse counts below which no device can fail or start to close its window:
    /// `min(onsetFraction, 1)·exp(ln N_med − 8s)`, less 0.1 % for rounding (0 when wear-out is off).
    public let wearFloorPulses: Float
    public let stuckAtMaxProbability: Float
    public let initialStuckFraction: Float
    /// Δw_min, device units.
    public let step: Float
    public let neurosim: Bool
    /// ``zigguratTables``, held so each regenerated deviate skips the lazy global's check.
    @usableFromInline let tables: ZigguratTables

    /// Keys derived from `seed` (one draw of the population's generator) on streams 14 and 15.
    public init(preset: DevicePreset, seed: UInt64) {
        device = preset.device
        var a = SeededGenerator(seed: seed, stream: .deviceParameters)
        var b = SeededGenerator(seed: seed, stream: .deviceEndurance)
        parametersKey = a.next()
        enduranceKey = b.next()
        let e = preset.endurance
        enduranceOn = e.isEnabled
        logMedianPulses = e.isEnabled ? Float.log(e.medianPulses) : 0
        enduranceSpread = e.spread
        wearFloorPulses = e.isEnabled
            ? 0.999 * min(e.onsetFraction, 1) * Float.exp(logMedianPulses - Self.budgetDeviates * e.spread) : 0
        stuckAtMaxProbability = e.stuckAtMaxProbability
        initialStuckFraction = e.initialStuckFraction
        step = preset.device.nominalStep
        neurosim = preset.device.model == .neurosim
        tables = zigguratTables
    }

    /// Standard normal deviate `slot` (0..<8) of device `i`.
    @inlinable @inline(__always)
    public func gaussian(_ i: Int, slot: UInt64) -> Float {
        CounterDraw.gaussian(CounterDraw.bits(key: parametersKey, counter: UInt64(truncatingIfNeeded: i) << 3 | slot), tables: tables)
    }

    @inlinable @inline(__always)
    func enduranceBits(_ i: Int, slot: UInt64) -> UInt64 {
        CounterDraw.bits(key: enduranceKey, counter: UInt64(truncatingIfNeeded: i) << 2 | slot)
    }

    /// As-fabricated bounds of device `i` (swapped if they cross, widened by one step if equal).
    /// Always inlined: called, it took a copy of the whole variation struct (its parameters,
    /// ≈ 300 bytes) onto the stack at every call, two calls per written pair.
    @inlinable @inline(__always)
    public func nominalBounds(_ i: Int) -> (lo: Float, hi: Float) {
        var hi = device.wMax * (1 + device.wMaxDtod * gaussian(i, slot: 2))
        var lo = device.wMin * (1 + device.wMinDtod * gaussian(i, slot: 3))
        if lo > hi { swap(&lo, &hi) }
        if hi == lo { hi = lo + step }
        return (lo, hi)
    }

    /// NeuroSim's curve constants of device `i` for one direction, from `A±·(1 + aDtod·ξ)`.
    @inlinable
    public func neurosimCurve(_ i: Int, up: Bool) -> NeuroSimCurve {
        NeuroSimCurve(a: neurosimA(i, up: up), pulsesMax: device.neurosim.pulsesMax, up: up)
    }

    @inlinable
    func neurosimA(_ i: Int, up: Bool) -> Float {
        let n = device.neurosim
        return up ? n.aLTP * (1 + n.aDtod * gaussian(i, slot: 4)) : n.aLTD * (1 + n.aDtod * gaussian(i, slot: 5))
    }

    /// All of device `i`'s drawn values, with its nominal bounds.
    @inlinable
    public func draw(_ i: Int) -> DeviceDraw {
        let p = device
        let g = 1 + p.dwMinDtod * gaussian(i, slot: 0)
        let r = p.upDownDtod * gaussian(i, slot: 1)
        let (up, down) = DeviceDraw.oneSided(step, gain: g, noise: r, asymmetry: p.upDown)
        let (lo, hi) = nominalBounds(i)
        var d = DeviceDraw(stepUp: up, stepDown: down, lo: lo, hi: hi, shapeUp: 0, shapeDown: 0)
        switch p.law {
        case let .linearStep(l):
            var su = l.effectiveGammaUp + l.gammaUpDtod * gaussian(i, slot: 4)
            var sd = l.effectiveGammaDown + l.gammaDownDtod * gaussian(i, slot: 5)
            if !l.allowIncreasing { su = abs(su); sd = abs(sd) }
            d.shapeUp = su; d.shapeDown = sd
        case let .expStep(e):
            d.shapeUp = e.effectiveGammaUp; d.shapeDown = e.effectiveGammaDown
        case let .powStep(q):
            let gg = 1 + q.gammaDtod * gaussian(i, slot: 4)
            let rr = q.upDownDtod * gaussian(i, slot: 5)
            (d.shapeUp, d.shapeDown) = DeviceDraw.oneSided(q.gamma, gain: gg, noise: rr, asymmetry: q.upDown)
        case .neurosim:
            d.shapeUp = neurosimA(i, up: true); d.shapeDown = neurosimA(i, up: false)
        case .ideal, .constantStep, .softBounds, .piecewise:
            break
        }
        return d
    }

    /// ln N_end is truncated at ±8σ ([assumption]: a clip has probability 1.2·10⁻¹⁵ per
    /// device), so ``wearFloorPulses`` bounds every budget from below.
    public static let budgetDeviates: Float = 8

    /// Endurance budget of device `i`, pulses (infinite when wear-out is off).
    @inlinable
    public func budget(_ i: Int) -> Float {
        guard enduranceOn else { return .infinity }
        let z = min(max(CounterDraw.gaussian(enduranceBits(i, slot: 0), tables: tables), -Self.budgetDeviates), Self.budgetDeviates)
        return Float.exp(logMedianPulses + enduranceSpread * z)
    }

    /// Whether device `i` ends stuck at its maximum when it fails.
    @inlinable
    public func failsHigh(_ i: Int) -> Bool {
        CounterDraw.unitFloat(enduranceBits(i, slot: 1)) < stuckAtMaxProbability
    }

    /// Whether device `i` is faulty from the start.
    @inlinable
    public func initiallyStuck(_ i: Int) -> Bool {
        initialStuckFraction > 0 && CounterDraw.unitFloat(enduranceBits(i, slot: 2)) < initialStuckFraction
    }
}

import RealModule

/// A device's pulse-response law with its law-specific parameters: the value
/// ``DeviceParameters/law`` resolves from `device.model` and the section's keys. The laws
/// are restated from aihwkit's C++ devices and NeuroSim's `formula.cpp`; each parameter
/// struct writes its law in full.
///
/// Every law also uses the pulsed-device parameters every device shares (steps `dwMin`,
/// asymmetry, bounds, their spreads, cycle-to-cycle and write noise), which stay in
/// ``DeviceParameters``; per-device draws of them come in as a ``DeviceDraw``.
public enum PulseLaw: Equatable, Sendable {
    /// Float weights, applied exactly: no pulses, bounds or noise (reference runs only).
    case ideal
    /// `Δ = Δ⁺` up, `−Δ⁻` down — aihwkit's ConstantStepDevice; no parameters of its own.
    case constantStep
    /// aihwkit's LinearStepDevice (see ``LinearStepParameters``).
    case linearStep(LinearStepParameters)
    /// aihwkit's SoftBoundsDevice (see ``SoftBoundsParameters``).
    case softBounds(SoftBoundsParameters)
    /// aihwkit's PowStepDevice (see ``PowStepParameters``).
    case powStep(PowStepParameters)
    /// aihwkit's ExpStepDevice (see ``ExpStepParameters``).
    case expStep(ExpStepParameters)
    /// NeuroSim's nonlinear LTP/LTD curve (see ``NeuroSimParameters``).
    case neurosim(NeuroSimParameters)
    /// aihwkit's PiecewiseStepDevice (see ``PiecewiseStepParameters``).
    case piecewise(PiecewiseStepParameters)

    /// The configuration choice (`device.model`) of this law.
    public var model: PulseModel {
        switch self {
        case .ideal: .ideal
        case .constantStep: .constantStep
        case .linearStep: .linearStep
        case .softBounds: .softBounds
        case .powStep: .powStep
        case .expStep: .expStep
        case .neurosim: .neurosim
        case .piecewise: .piecewise
        }
    }

    /// The mean weight change of one pulse (`up`: SET, else RESET) on a device at state `w`,
    /// before cycle-to-cycle noise and clipping. `d` holds the device's drawn steps `Δ±`,
    /// shapes and *current* bounds `lo`, `hi`; `meanBounds` are the nominal `wMin`, `wMax`
    /// (LinearStep's mean-bound reference). Pure and allocation-free; called once per pulse.
    @inlinable
    public func meanStep(up: Bool, w: Float, device d: DeviceDraw, meanBounds: (lo: Float, hi: Float)) -> Float {
        switch self {
        case .ideal, .constantStep:
            return up ? d.stepUp : -d.stepDown

        case let .linearStep(p):
            // up: Δ⁺·(1 − γ⁺·w/ref⁺), down: Δ⁻·(1 − γ⁻·w/ref⁻), ref = mean or own bound.
            if up {
                let ref = p.meanBoundReference ? meanBounds.hi : d.hi
                return ref == 0 ? d.stepUp : d.stepUp * (1 - d.shapeUp * w / ref)
            } else {
                let ref = p.meanBoundReference ? meanBounds.lo : d.lo
                return -(ref == 0 ? d.stepDown : d.stepDown * (1 - d.shapeDown * w / ref))
            }

        case .softBounds:
            // LinearStep with γ = 1 on the device's own bounds: zero step at the bound.
            return up ? d.stepUp * (1 - w / d.hi) : -d.stepDown * (1 - w / d.lo)

        case .powStep:
            // up: Δ⁺·((hi − w)/R)^γ⁺, down: Δ⁻·((w − lo)/R)^γ⁻, R = hi − lo.
            let range = d.hi - d.lo
            guard range > 0 else { return 0 }
            if up { return d.stepUp * Float.pow(max(d.hi - w, 0) / range, d.shapeUp) }
            return -d.stepDown * Float.pow(max(w - d.lo, 0) / range, d.shapeDown)

        case let .expStep(p):
            // z = 2·a·w/R + b; up: Δ⁺·max(1 − A_up·e^(γ_up·z), 0); down: Δ⁻·max(1 − A_down·e^(−γ_down·z), 0).
            let range = d.hi - d.lo
            guard range > 0 else { return 0 }
            let z = 2 * p.a * w / range + p.b
            if up { return d.stepUp * max(1 - p.aUp * Float.exp(d.shapeUp * z), 0) }
            return -d.stepDown * max(1 - p.aDown * Float.exp(-d.shapeDown * z), 0)

        case let .piecewise(p):
            // Δ± times the table interpolated at w on the device's current window.
            return up ? d.stepUp * PiecewiseStepParameters.multiplier(p.up, w: w, lo: d.lo, hi: d.hi)
                : -d.stepDown * PiecewiseStepParameters.multiplier(p.down, w: w, lo: d.lo, hi: d.hi)

        case let .neurosim(p):
            // DevicePopulation keeps each device's NeuroSimCurve instead of calling this per pulse.
            return NeuroSimCurve(a: up ? d.shapeUp : d.shapeDown, pulsesMax: p.pulsesMax, up: up)
                .step(x: w - d.lo, range: d.hi - d.lo)
        }
    }
}

import RealModule

/// The mean weight change of one pulse under each ``PulseModel`` law, before
/// cycle-to-cycle noise and clipping (laws restated from aihwkit's C++ devices and
/// NeuroSim's `formula.cpp`). Pure and allocation-free; called once per pulse.
///
/// Arguments are one device's drawn parameters (see ``DeviceDraw``): its step magnitudes
/// `Δ±`, its current bounds `lo`, `hi` (narrower once the device wears) and its law shape
/// (LinearStep γ±, PowStep γ±, ExpStep γ±, NeuroSim A±). `p` gives the nominal bounds
/// (LinearStep's mean-bound reference) and the ExpStep constants.
public enum PulseLaw {
    @inlinable
    public static func meanStep(
        _ p: DeviceParameters, up: Bool, w: Float,
        stepUp: Float, stepDown: Float, lo: Float, hi: Float,
        shapeUp: Float, shapeDown: Float
    ) -> Float {
        switch p.model {
        case .ideal, .constantStep:
            return up ? stepUp : -stepDown

        case .linearStep:
            // up: Δ⁺·(1 − γ⁺·w/ref⁺), down: Δ⁻·(1 − γ⁻·w/ref⁻), ref = mean or own bound.
            if up {
                let ref = p.meanBoundReference ? p.wMax : hi
                return ref == 0 ? stepUp : stepUp * (1 - shapeUp * w / ref)
            } else {
                let ref = p.meanBoundReference ? p.wMin : lo
                return -(ref == 0 ? stepDown : stepDown * (1 - shapeDown * w / ref))
            }

        case .softBounds:
            // LinearStep with γ = 1 on the device's own bounds: zero step at the bound.
            return up ? stepUp * (1 - w / hi) : -stepDown * (1 - w / lo)

        case .powStep:
            // up: Δ⁺·((hi − w)/R)^γ⁺, down: Δ⁻·((w − lo)/R)^γ⁻, R = hi − lo.
            let range = hi - lo
            guard range > 0 else { return 0 }
            if up { return stepUp * Float.pow(max(hi - w, 0) / range, shapeUp) }
            return -stepDown * Float.pow(max(w - lo, 0) / range, shapeDown)

        case .expStep:
            // z = 2·a·w/R + b; up: Δ⁺·max(1 − A_up·e^(γ_up·z), 0); down: Δ⁻·max(1 − A_down·e^(−γ_down·z), 0).
            let range = hi - lo
            guard range > 0 else { return 0 }
            let z = 2 * p.a * w / range + p.b
            if up { return stepUp * max(1 - p.aUp * Float.exp(shapeUp * z), 0) }
            return -stepDown * max(1 - p.aDown * Float.exp(-shapeDown * z), 0)

        case .neurosim:
            // G(P) = B·(1 − e^(−P/A)) + Gmin, B = R/(1 − e^(−Pmax/A)), x = w − lo.
            // One LTP pulse: P → P + 1, Δ = (B − x)·(1 − e^(−1/A_LTP)).
            // One LTD pulse walks its own curve back: P → P − 1, Δ = (B − x)·(1 − e^(1/A_LTD)).
            // A < 0 (negative NL) makes B < 0 and the curve convex; the formulas hold as written.
            // DevicePopulation keeps each device's NeuroSimCurve instead of calling this per pulse.
            return NeuroSimCurve(a: up ? shapeUp : shapeDown, pulsesMax: p.pulsesMax, up: up)
                .step(x: w - lo, range: hi - lo)
        }
    }
}

/// The two constants of one direction of one device's NeuroSim curve, fixed once its A is
/// drawn: the normalization `1 − e^(−Pmax/A)` of `B = R/(1 − e^(−Pmax/A))` and the one-pulse
/// factor `1 − e^(−1/A)` (LTP) or `1 − e^(1/A)` (LTD). See ``PulseLaw`` for the law.
public struct NeuroSimCurve: Equatable, Sendable, BitwiseCopyable {
    public var normalization: Float
    public var factor: Float

    /// A placeholder (both constants zero), for buffers filled afterwards.
    public init() {
        normalization = 0
        factor = 0
    }

    public init(a: Float, pulsesMax: Int, up: Bool) {
        normalization = 1 - Float.exp(-Float(pulsesMax) / a)
        factor = up ? 1 - Float.exp(-1 / a) : 1 - Float.exp(1 / a)
    }

    /// The mean change of one pulse at `x = w − lo` on a window of width `range`: `(B − x)·factor`.
    @inlinable
    public func step(x: Float, range: Float) -> Float {
        (range / normalization - x) * factor
    }
}

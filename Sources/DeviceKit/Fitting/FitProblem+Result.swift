import KitSupport
import RealModule

extension FitProblem {
    /// Mean step magnitudes of the up and down pulses that stayed clear of the range's ends.
    func meanSteps() -> (up: Double, down: Double) {
        var su = 0.0, nu = 0.0, sd = 0.0, nd = 0.0
        for k in 0..<up.count where abs(u[k]) < 0.98 && abs(u[k + 1]) < 0.98 {
            let d = u[k + 1] - u[k]
            if up[k] { su += d; nu += 1 } else { sd -= d; nd += 1 }
        }
        let fallback = 2 / Double(max(up.count, 1))
        return (nu > 0 && su > 0 ? su / nu : fallback, nd > 0 && sd > 0 ? sd / nd : fallback)
    }

    /// Least-squares line `step ≈ a + b·u` over the pulses of one direction.
    func line(up direction: Bool) -> (a: Double, b: Double)? {
        var n = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0
        for k in 0..<up.count where up[k] == direction {
            let x = u[k], y = u[k + 1] - u[k]
            n += 1; sx += x; sy += y; sxx += x * x; sxy += x * y
        }
        let det = n * sxx - sx * sx
        guard n > 2, det > 0 else { return nil }
        let b = (n * sxy - sx * sy) / det
        return ((sy - b * sx) / n, b)
    }

    /// The starting θ and the minimizer's initial steps (see the θ table of ``FitProblem``).
    func start() -> (theta: [Double], steps: [Double]) {
        let m = meanSteps()
        switch model {
        case .constantStep:
            return ([.log(m.up), .log(m.down)], [0.3, 0.3])
        case .softBounds:
            // up: step = k⁺·(hi − u), a line of slope −k⁺; down: step = −k⁻·(u − lo).
            var (kUp, hi, kDown, lo) = (m.up, 1.2, m.down, -1.2)
            if let l = line(up: true), l.b < 0, l.a / -l.b > 0 { (kUp, hi) = (-l.b, l.a / -l.b) }
            if let l = line(up: false), l.b < 0, l.a / -l.b < 0 { (kDown, lo) = (-l.b, l.a / -l.b) }
            return ([.log(kUp), .log(kDown), lo, hi], [0.3, 0.3, 0.1, 0.1])
        case .expStep:
            let e = base.expStep
            return ([.log(m.up), .log(m.down), .log(Double(e.aUp)), .log(Double(e.aDown)),
                     .log(Double(e.effectiveGammaUp)), .log(Double(e.effectiveGammaDown))],
                    [0.2, 0.2, 1, 1, 0.3, 0.3])
        case .neurosim:
            return ([0.5, 0.5, .log(4 / (m.up + m.down))], [1, 1, 0.3])
        }
    }

    /// σ read off the residuals at θ: their RMS over the pulses that land clear of the
    /// bounds, relative to the predicted step (multiplicative noise: `dwMinStd`), or absolute
    /// in device units (NeuroSim's additive noise; `dwMinStd` is that over `(wMax − wMin)/pulsesMax`).
    func noiseEstimate(_ t: [Double]) -> Double {
        guard let c = candidate(t) else { return 0 }
        let perDeviceUnit = 2 / (c.hi - c.lo)
        var relative = 0.0, clear = 0.0
        residuals(t) { _, r, step, bounded in
            guard !bounded else { return }
            let scale = model == .neurosim ? 1 / perDeviceUnit : abs(step)
            if scale > 0 { relative += (r / scale) * (r / scale); clear += 1 }
        }
        return clear > 0 ? (relative / clear).squareRoot() : 0
    }

    /// The fitted device at θ: parameters, RMS residual in data units, the c2c estimate.
    func result(_ t: [Double], gLo: Double, gHi: Double, evaluations: Int) throws -> DeviceFit {
        guard let c = candidate(t) else {
            throw DeviceFitError.badData(source: "fit", line: nil, "the minimizer ended outside the valid parameters")
        }
        let unit = (gHi - gLo) / 2            // data units per normalized unit
        var sum = 0.0
        residuals(t) { _, r, _, _ in sum += r * r }
        var d = c.device
        var fitted: [FittedValue] = []
        if model != .neurosim {
            // Δ⁺, Δ⁻ back to dwMin and the one-sided asymmetry (DeviceDraw.oneSided with g = 1, r = 0).
            let dUp = Double(c.draw.stepUp), dDown = Double(c.draw.stepDown)
            let (dwMin, beta) = dUp >= dDown ? (dUp, 1 - dDown / dUp) : (dDown, dUp / dDown - 1)
            d.dwMin = Float(dwMin)
            d.upDown = Float(beta)
            fitted += [FittedValue(key: "dwMin", value: dwMin), FittedValue(key: "upDown", value: beta)]
        }
        switch model {
        case .constantStep, .softBounds:
            break
        case .expStep:
            fitted += [FittedValue(key: "aUp", value: Double(d.expStep.aUp)), FittedValue(key: "aDown", value: Double(d.expStep.aDown)),
                       FittedValue(key: "gammaUp", value: Double(d.expStep.effectiveGammaUp)),
                       FittedValue(key: "gammaDown", value: Double(d.expStep.effectiveGammaDown))]
        case .neurosim:
            fitted += [FittedValue(key: "pulsesMax", value: Double(d.neurosim.pulsesMax)),
                       FittedValue(key: "aLTP", value: Double(d.neurosim.aLTP)), FittedValue(key: "aLTD", value: Double(d.neurosim.aLTD))]
        }
        let sigma = noiseEstimate(t)
        d.dwMinStd = Float(model == .neurosim ? sigma * Double(d.neurosim.pulsesMax) / 2 : sigma)
        fitted.append(FittedValue(key: "dwMinStd", value: Double(d.dwMinStd)))
        try d.validate(at: "device")
        return DeviceFit(model: model, device: d, fitted: fitted,
                         conductanceAtMin: gLo + (c.lo + 1) * unit, conductanceAtMax: gLo + (c.hi + 1) * unit,
                         rmsResidual: (sum / Double(max(up.count, 1))).squareRoot() * unit,
                         pulses: up.count, evaluations: evaluations)
    }
}

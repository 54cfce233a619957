import KitSupport
import RealModule

/// One fit: the normalized train and the map from a parameter vector θ to a device, for
/// ``DeviceFit/fit(_:model:base:)``. θ per model (positive quantities as logarithms):
///
/// | model | θ |
/// |---|---|
/// | constantStep | ln Δ⁺, ln Δ⁻ |
/// | softBounds | ln Δ⁺, ln Δ⁻, lo, hi (window in normalized data units) |
/// | expStep | ln Δ⁺, ln Δ⁻, ln A_up, ln A_down, ln γ_up, ln γ_down |
/// | neurosim | q_LTP, q_LTD, ln Pmax, with `A = Pmax/q` (q the curvature; ±1e-6 at least) |
///
/// Every law but softBounds uses the data's range as its window, `lo = −1`, `hi = 1`.
struct FitProblem {
    let u: [Double]
    let up: [Bool]
    let model: FitModel
    let base: DeviceParameters
    /// NeuroSim's pulse count once rounded (stage 2); nil: a real number in θ.
    var pulsesMax: Int?
    /// Weight of each pulse's squared residual (nil: all 1); see ``reweighted(at:)``.
    var weights: [Double]?
    /// Cycle-to-cycle spread σ assumed by the prediction — relative to the step (`dwMinStd`)
    /// for the multiplicative laws, absolute (device units) for NeuroSim, so that it does not
    /// move with the fitted pulse count: with σ > 0 a pulse
    /// predicts the mean of the *clipped* noisy state (see ``clippedMean(_:_:)``); 0: the
    /// clipped mean step.
    var noiseStd = 0.0

    init(u: [Double], up: [Bool], model: FitModel, base: DeviceParameters) {
        self.u = u
        self.up = up
        self.model = model
        self.base = base
    }

    /// A candidate device: its window in normalized data units and its law on `[-1, 1]`.
    struct Candidate {
        var lo = -1.0, hi = 1.0
        var device: DeviceParameters
        var draw: DeviceDraw
        /// NeuroSim with a real pulse count (stage 1): q⁺, q⁻, Pmax.
        var realNeuroSim: (qUp: Double, qDown: Double, pulses: Double)?
    }

    func candidate(_ t: [Double]) -> Candidate? {
        var d = base
        d.model = model.pulseModel
        d.wMin = -1
        d.wMax = 1
        var c = Candidate(device: d, draw: DeviceDraw(stepUp: 0, stepDown: 0, lo: -1, hi: 1, shapeUp: 0, shapeDown: 0))
        switch model {
        case .constantStep, .softBounds, .expStep:
            c.draw.stepUp = Float(Double.exp(t[0]))
            c.draw.stepDown = Float(Double.exp(t[1]))
            if model == .softBounds {
                guard t[3] > t[2] + 1e-6 else { return nil }
                (c.lo, c.hi) = (t[2], t[3])
            }
            if model == .expStep {
                c.device.expStep.aUp = Float(Double.exp(t[2]))
                c.device.expStep.aDown = Float(Double.exp(t[3]))
                c.draw.shapeUp = Float(Double.exp(t[4]))
                c.draw.shapeDown = Float(Double.exp(t[5]))
                c.device.expStep.gammaUp = c.draw.shapeUp
                c.device.expStep.gammaDown = c.draw.shapeDown
            }
        case .neurosim:
            let q = (Self.curvature(t[0]), Self.curvature(t[1]))
            if let pulsesMax {
                c.device.neurosim.pulsesMax = pulsesMax
                c.device.neurosim.aLTP = Float(Double(pulsesMax) / q.0)
                c.device.neurosim.aLTD = Float(Double(pulsesMax) / q.1)
                c.draw.shapeUp = c.device.neurosim.aLTP
                c.draw.shapeDown = c.device.neurosim.aLTD
                guard c.draw.shapeUp.isFinite, c.draw.shapeDown.isFinite else { return nil }
            } else {
                let p = Double.exp(t[2])
                guard p >= 1, p < 1e7 else { return nil }
                c.realNeuroSim = (q.0, q.1, p)
            }
        }
        return c
    }

    /// `q`, kept at least 1e-6 from 0 (the linear limit of the NeuroSim curve).
    static func curvature(_ q: Double) -> Double { abs(q) < 1e-6 ? (q < 0 ? -1e-6 : 1e-6) : q }

    /// NeuroSim's mean step at `x = w + 1` on `[-1, 1]` with a real pulse count: with
    /// `A = P/q`, `B = 2/(1 − e^(−q))`, up `(B − x)·(1 − e^(−q/P))`, down `(B − x)·(1 − e^(q/P))`.
    static func neuroSimStep(up: Bool, x: Double, q: Double, pulses: Double) -> Double {
        let b = 2 / -Double.expMinusOne(-q)
        return (b - x) * -Double.expMinusOne(up ? -q / pulses : q / pulses)
    }

    /// Calls `body(k, residual, predicted step, hit a bound)` for each pulse k, in normalized
    /// data units; false when θ is not a device.
    @discardableResult
    func residuals(_ t: [Double], _ body: (Int, Double, Double, Bool) -> Void) -> Bool {
        guard let c = candidate(t) else { return false }
        let scale = (c.hi - c.lo) / 2
        let law = c.device.law
        for k in 0..<up.count {
            let w = -1 + (u[k] - c.lo) / scale
            let step: Double
            if let r = c.realNeuroSim {
                step = Self.neuroSimStep(up: up[k], x: w + 1, q: up[k] ? r.qUp : r.qDown, pulses: r.pulses)
            } else {
                step = Double(law.meanStep(up: up[k], w: Float(w), device: c.draw, meanBounds: (lo: -1, hi: 1)))
            }
            let next = w + step
            // Spread of this pulse's landing point: σ·|Δ| (multiplicative) or σ (NeuroSim, absolute).
            let spread = model == .neurosim ? noiseStd : noiseStd * abs(step)
            let predicted = spread > 0 ? Self.clippedMean(next, spread) : min(max(next, -1), 1)
            let wNext = -1 + (u[k + 1] - c.lo) / scale
            body(k, (wNext - predicted) * scale, step * scale, next - 3 * spread < -1 || next + 3 * spread > 1)
        }
        return true
    }

    /// `E[clip(X, −1, 1)]` for `X ~ N(μ, s²)`: with `α = (−1 − μ)/s`, `β = (1 − μ)/s`,
    /// `−Φ(α) + (1 − Φ(β)) + μ·(Φ(β) − Φ(α)) + s·(φ(α) − φ(β))`. Near a bound the noise a
    /// clip cuts off moves the mean away from it; predicting `clip(μ)` instead biases a noisy
    /// device's fitted steps (seen on the rram preset, c2c 4.7 steps per pulse).
    static func clippedMean(_ mu: Double, _ s: Double) -> Double {
        // Eight spreads from both bounds the clip changes the mean by less than 1e-15·s.
        if mu - 8 * s > -1 && mu + 8 * s < 1 { return mu }
        let a = (-1 - mu) / s, b = (1 - mu) / s
        func cdf(_ x: Double) -> Double { 0.5 * Double.erfc(-x / 2.squareRoot()) }
        func pdf(_ x: Double) -> Double { Double.exp(-x * x / 2) / (2 * Double.pi).squareRoot() }
        let pa = cdf(a), pb = cdf(b)
        return -pa + (1 - pb) + mu * (pb - pa) + s * (pdf(a) - pdf(b))
    }

    /// `S(θ) = Σ_k w_k·r_k²`, +∞ where θ is not a device.
    func objective(_ t: [Double]) -> Double {
        var sum = 0.0
        let ok = weights.map { w in residuals(t) { k, r, _, _ in sum += w[k] * r * r } } ?? residuals(t) { _, r, _, _ in sum += r * r }
        guard ok else { return .infinity }
        return sum.isFinite ? sum : .infinity
    }

    /// The same problem weighted for multiplicative cycle-to-cycle noise, whose spread is
    /// proportional to the step: `w_k = 1/max(|Δ_θ(k)|, Δ̄/10)²` with the steps predicted at θ
    /// and `Δ̄` their mean magnitude (the floor keeps a step that a law sends to 0 from
    /// dominating). Iterated, this is iteratively reweighted least squares: the weights are
    /// fixed while θ is minimized, then recomputed.
    func reweighted(at t: [Double]) -> FitProblem {
        var steps = [Double](repeating: 0, count: up.count)
        residuals(t) { k, _, step, _ in steps[k] = abs(step) }
        let floor = steps.reduce(0, +) / Double(max(steps.count, 1)) / 10
        var p = self
        p.weights = steps.map { 1 / (max($0, floor) * max($0, floor)) }
        return p
    }
}

import KitSupport
import RealModule

/// The laws `spikebar device fit` can fit to a measured pulse train.
public enum FitModel: String, CaseIterable, Sendable {
    case constantStep, softBounds, expStep, neurosim

    public var pulseModel: PulseModel {
        switch self {
        case .constantStep: .constantStep
        case .softBounds: .softBounds
        case .expStep: .expStep
        case .neurosim: .neurosim
        }
    }
}

/// One fitted value, named as its YAML key, in the unit the key uses.
public struct FittedValue: Equatable, Sendable {
    public var key: String
    public var value: Double
}

/// A law fitted to a measured pulse train by least squares (see ``fit(_:model:base:)``).
public struct DeviceFit: Sendable {
    public var model: FitModel
    /// The fitted `device` section: the law, the window `[-1, 1]` and every fitted key; keys
    /// not fitted keep the values of `base`.
    public var device: DeviceParameters
    /// The fitted keys and values (device units, or dimensionless), in the order they print.
    public var fitted: [FittedValue]
    /// The data's conductance at `wMin` and `wMax`: device units map linearly onto it.
    public var conductanceAtMin: Double
    public var conductanceAtMax: Double
    /// RMS of the one-step residuals, in the data's conductance unit.
    public var rmsResidual: Double
    /// Pulses in the train, and `f` evaluations the minimizer spent.
    public var pulses: Int
    public var evaluations: Int

    /// Fits `model` to `train`.
    ///
    /// **Objective** (one-step least squares): the data are first mapped linearly onto device
    /// units, `u = −1 + 2·(G − G_lo)/(G_hi − G_lo)` with `G_lo`, `G_hi` the smallest and largest
    /// reading. For each pulse k (direction d_k) the law predicts the next reading from the
    /// measured one, and the fit minimizes
    ///
    /// ```
    /// S(θ) = Σ_k ( u_{k+1} − clip(u_k + Δ_θ(d_k, u_k), lo_θ, hi_θ) )²
    /// ```
    ///
    /// (weighted by `1/Δ_θ²` for the laws with multiplicative noise; see
    /// ``FitProblem/reweighted(at:)``), with `Δ_θ` the law's mean step (``PulseLaw/meanStep(up:w:device:meanBounds:)``, the
    /// simulator's own code) and `[lo_θ, hi_θ]` the device window. Cycle-to-cycle noise has mean
    /// zero given the state, so each residual is unbiased and the noise of one pulse does not
    /// carry into the next term (a fit of the whole simulated trajectory would let it
    /// accumulate as a random walk). Minimized by ``NelderMead`` in a transformed space
    /// (logarithms of positive quantities), from starts read off the data.
    ///
    /// **What is fitted** (device units, window `[-1, 1]`):
    /// - constantStep: `Δ⁺`, `Δ⁻` (→ `dwMin`, `upDown`); the window is the data's range (a
    ///   constant step runs into hard bounds, which the train's extremes are).
    /// - softBounds: `Δ⁺`, `Δ⁻` and both bounds (the steps vanish *at* the bounds, which a train
    ///   only approaches); the fitted bounds become `[-1, 1]`.
    /// - expStep: `Δ⁺`, `Δ⁻`, `aUp`, `aDown`, `gammaUp`, `gammaDown`, window the data's range;
    ///   `a` and `b` keep `base`'s values, because `A·e^(γ·(2a·w/R + b))` depends on `A`, `b` and
    ///   `γ·a` only through `A·e^(γb)` and `γ·a`.
    /// - neurosim: `aLTP`, `aLTD` and `pulsesMax` (first as a real number, then rounded and the
    ///   A's refitted), window the data's range.
    /// - every model: `dwMinStd`, the RMS of the residuals of pulses that did not reach a bound,
    ///   relative to the predicted step (multiplicative noise) or to `(wMax − wMin)/pulsesMax`
    ///   (NeuroSim's additive noise).
    ///
    /// - Throws: ``DeviceFitError`` when the result is not a valid device (an asymmetry
    ///   beyond ±0.99).
    public static func fit(_ train: PulseTrain, model: FitModel, base: DeviceParameters = DeviceParameters()) throws -> DeviceFit {
        let gLo = train.conductance.min()!, gHi = train.conductance.max()!
        let u = train.conductance.map { -1 + 2 * ($0 - gLo) / (gHi - gLo) }
        var problem = FitProblem(u: u, up: train.up, model: model, base: base)
        var (theta, steps) = problem.start()
        var result = NelderMead.minimize(problem.objective, start: theta, steps: steps)
        var evaluations = result.evaluations
        // Two more rounds with σ read off the last residuals (and, for the multiplicative
        // laws, weights from the last steps): iteratively reweighted least squares.
        for _ in 0..<2 {
            problem.noiseStd = problem.noiseEstimate(result.point)
            if model != .neurosim { problem = problem.reweighted(at: result.point) }
            result = NelderMead.minimize(problem.objective, start: result.point, steps: steps)
            evaluations += result.evaluations
        }
        if model == .neurosim {
            // Round pulsesMax, then refit the two A's with it fixed.
            problem.pulsesMax = max(1, Int(Double.exp(result.point[2]).rounded()))
            theta = Array(result.point.prefix(2))
            steps = Array(steps.prefix(2))
            result = NelderMead.minimize(problem.objective, start: theta, steps: steps)
            evaluations += result.evaluations
        }
        return try problem.result(result.point, gLo: gLo, gHi: gHi, evaluations: evaluations)
    }
}

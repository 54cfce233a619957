import KitSupport

/// Endurance and wear of one device type (DESIGN §4.3).
///
/// Each device gets a budget `N_end` of pulses, drawn once from a log-normal distribution
/// around ``medianPulses``: `ln N_end ~ N(ln median, spread²)`. After
/// `n > onsetFraction·N_end` pulses the conductance window closes around its centre as a
/// power law, `halfWidth(n) = halfWidth₀·(n / (onsetFraction·N_end))^(−closureExponent)`
/// (the shape of Lammie et al. 2021, "Empirical metal-oxide RRAM device endurance and
/// retention model"; the exponent is our assumption). At `n ≥ N_end` the device fails: it
/// is stuck at its maximum (probability ``stuckAtMaxProbability``) or minimum, and every
/// later pulse is counted as wasted. A pulse is counted as one cycle of wear whatever its
/// amplitude (our conservative assumption for partial analog pulses).
public struct EnduranceParameters: Equatable, Sendable {
    /// Median endurance, pulses per device; `.inf` disables wear-out.
    public var medianPulses: Float = .infinity
    /// Standard deviation of `ln N_end` (log-normal spread), dimensionless.
    public var spread: Float = 0.3
    /// Fraction of the budget after which the window starts to close.
    public var onsetFraction: Float = 0.5
    /// Power-law exponent of the window closure after onset (our assumption).
    public var closureExponent: Float = 0.5
    /// Probability that a failed device is stuck at its maximum (otherwise at its minimum).
    public var stuckAtMaxProbability: Float = 0.5
    /// Fraction of devices stuck from the start (manufacturing faults), split by
    /// ``stuckAtMaxProbability``.
    public var initialStuckFraction: Float = 0

    public init() {}

    public var isEnabled: Bool { medianPulses.isFinite }
}

extension EnduranceParameters: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .float("medianPulses", \.medianPulses), .float("spread", \.spread),
            .float("onsetFraction", \.onsetFraction), .float("closureExponent", \.closureExponent),
            .float("stuckAtMaxProbability", \.stuckAtMaxProbability),
            .float("initialStuckFraction", \.initialStuckFraction),
        ]
    }
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        guard medianPulses >= 1 else {
            throw ConfigError.outOfRange(key: k("medianPulses"), value: "\(medianPulses)", allowed: ">= 1 or .inf")
        }
        try Validate.nonNegative(spread, k("spread"))
        try Validate.inRange(onsetFraction, 0...1, k("onsetFraction"))
        try Validate.nonNegative(closureExponent, k("closureExponent"))
        try Validate.inRange(stuckAtMaxProbability, 0...1, k("stuckAtMaxProbability"))
        try Validate.inRange(initialStuckFraction, 0...1, k("initialStuckFraction"))
    }
}

/// Conductance drift and retention loss after programming (DESIGN §3.2).
///
/// Drift (PCM): the apparent conductance decays as `G(t) = G₀·(t/t₀)^(−ν)` for `t > t₀`,
/// `t` the emulated time since the device's last write (sample index × sample period).
/// Retention (FeFET): the stored state relaxes toward the window centre,
/// `w(t) = w_c + (w₀ − w_c)·exp(−t/τ)`. Both change what is read, never the stored state
/// that the next pulse starts from. Applied to the read matrix every
/// ``updateEverySamples`` samples (a cost/accuracy trade-off we chose; documented).
public struct DriftParameters: Equatable, Sendable {
    /// Drift exponent ν (PCM ≈ 0.05 [assumption]; 0 disables drift).
    public var nu: Float = 0
    /// Device-to-device spread of ν, relative.
    public var nuDtod: Float = 0
    /// Reference time t₀ after a write at which `G₀` is defined, seconds.
    public var t0Seconds: Float = 1
    /// Retention time constant τ, seconds (`.inf` disables retention loss).
    public var retentionSeconds: Float = .infinity
    /// How often the read matrix is refreshed with the drifted values, in samples.
    public var updateEverySamples: Int = 100

    public init() {}

    public var isEnabled: Bool { nu > 0 || retentionSeconds.isFinite }
}

extension DriftParameters: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .float("nu", \.nu), .float("nuDtod", \.nuDtod), .float("t0Seconds", \.t0Seconds),
            .float("retentionSeconds", \.retentionSeconds), .int("updateEverySamples", \.updateEverySamples),
        ]
    }
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.nonNegative(nu, k("nu"))
        try Validate.nonNegative(nuDtod, k("nuDtod"))
        try Validate.positive(t0Seconds, k("t0Seconds"))
        guard retentionSeconds > 0 else {
            throw ConfigError.outOfRange(key: k("retentionSeconds"), value: "\(retentionSeconds)", allowed: "> 0 or .inf")
        }
        try Validate.inRange(updateEverySamples, 1...1_000_000, k("updateEverySamples"))
    }
}

/// Write-verify: after a write, read the device back (with read noise) and re-pulse while
/// the error exceeds the tolerance. Every verify read and extra pulse is counted.
public struct VerifyParameters: Equatable, Sendable {
    public var enabled: Bool = false
    /// Accepted error after a write, in units of the nominal step `dwMin`.
    public var toleranceSteps: Float = 1
    /// Maximum number of corrective write rounds.
    public var maxRetries: Int = 3
    /// Programming an imported model (``CrossbarLayer/programVerify``, `network.modelProgramming:
    /// iterative`): accepted error of a pair's verify read, in nominal steps. 0.5 *[our choice]*:
    /// half a step, what rounding to whole pulses leaves on a noiseless device (the target
    /// band of multilevel program-and-verify, Alibart et al. 2012); 1 step loses 1.5 points
    /// on `fefet`, whose steps are coarse (README "Programming the chip").
    public var programToleranceSteps: Float = 0.5
    /// Programming: pulse budget of one pair; a pair still outside the tolerance after it
    /// stops (counted as exhausted). 400 *[assumption]*: 0.04 % of RRAM's median endurance.
    public var programMaxPulses: Int = 400
    /// Programming: most pulses of one burst between two verify checks (1: single-pulse
    /// program-and-verify). 1 *[assumption]*.
    public var programMaxPulsesPerIteration: Int = 1
    /// Programming: verify reads averaged per check (the read noise of the check falls as
    /// 1/√k). 4 *[assumption]*: on `rram` (2 % read noise) one read leaves ≈ 2.3 steps of RMS
    /// error, four ≈ 1.2 (README "Programming the chip").
    public var programReadsPerVerify: Int = 4
    /// Online writes (learning after deployment) through the same per-device loop as
    /// programming, instead of an open-loop burst (and instead of the `enabled` retries): the
    /// pair is read (k averaged reads), its target set to that read plus the update's pulses
    /// times the nominal step, and single pulses (burst cap c) sent until a check is within
    /// ±τ·s or B pulses were sent (``CrossbarLayer/verifiedWrite``; τ, B, c, k the `program*`
    /// keys). Its reads draw from their own stream (19, `onlineVerifyReads`). false *[default:
    /// the open-loop write path as before]*; README "Adapting on the chip".
    public var onlineProgramVerify: Bool = false

    public init() {}
}

extension VerifyParameters: Configurable {
    public static var schema: [ConfigField<Self>] {
        [.bool("enabled", \.enabled), .float("toleranceSteps", \.toleranceSteps), .int("maxRetries", \.maxRetries),
         .float("programToleranceSteps", \.programToleranceSteps), .int("programMaxPulses", \.programMaxPulses),
         .int("programMaxPulsesPerIteration", \.programMaxPulsesPerIteration),
         .int("programReadsPerVerify", \.programReadsPerVerify), .bool("onlineProgramVerify", \.onlineProgramVerify)]
    }
    public func validate(at path: String) throws {
        try Validate.positive(toleranceSteps, ConfigKey.join(path, "toleranceSteps"))
        try Validate.inRange(maxRetries, 0...100, ConfigKey.join(path, "maxRetries"))
        try Validate.positive(programToleranceSteps, ConfigKey.join(path, "programToleranceSteps"))
        try Validate.inRange(programMaxPulses, 0...1_000_000, ConfigKey.join(path, "programMaxPulses"))
        try Validate.inRange(programMaxPulsesPerIteration, 1...10_000, ConfigKey.join(path, "programMaxPulsesPerIteration"))
        try Validate.inRange(programReadsPerVerify, 1...1000, ConfigKey.join(path, "programReadsPerVerify"))
    }
}

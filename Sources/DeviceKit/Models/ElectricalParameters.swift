import KitSupport

/// The electrical side of a device: conductance window, read and write conditions.
/// Used to map device units onto conductance, to scale read noise, and to charge write
/// energy `E = V²·G·t_p` (resistive) or `C_gate·V²` (FeFET) per pulse (DESIGN §4.5).
public struct ElectricalParameters: Equatable, Sendable {
    /// On-state (lowest) resistance R_on, ohms. `Gmax = 1/R_on`.
    public var onResistanceOhms: Float = 100e3
    /// Ratio Gmax/Gmin (= R_off/R_on).
    public var onOffRatio: Float = 10
    /// Read voltage, volts (SpikeSim's 65 nm point uses 0.1 V).
    public var readVoltage: Float = 0.1
    /// Read time per crossbar read, seconds.
    public var readPulseSeconds: Float = 10e-9
    /// Read noise: each device read is `G·(1 + readNoiseStd·ξ)`.
    public var readNoiseStd: Float = 0
    /// SET (potentiating) pulse amplitude, volts.
    public var setVoltage: Float = 1.6
    /// RESET (depressing) pulse amplitude, volts (magnitude).
    public var resetVoltage: Float = 1.6
    /// SET pulse width, seconds.
    public var setPulseSeconds: Float = 50e-9
    /// RESET pulse width, seconds.
    public var resetPulseSeconds: Float = 50e-9
    /// FeFET gate capacitance, farads. When > 0, a pulse costs `C_gate·V²` instead of `V²·G·t`.
    public var gateCapacitanceFarads: Float = 0
    /// Wire capacitance charged by each write pulse, farads (`C_wire·V²`).
    public var wireCapacitanceFarads: Float = 0

    public init() {}

    /// Gmax, siemens.
    public var gMaxSiemens: Float { 1 / onResistanceOhms }
    /// Gmin, siemens.
    public var gMinSiemens: Float { gMaxSiemens / onOffRatio }
}

extension ElectricalParameters: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .float("onResistanceOhms", \.onResistanceOhms), .float("onOffRatio", \.onOffRatio),
            .float("readVoltage", \.readVoltage), .float("readPulseSeconds", \.readPulseSeconds),
            .float("readNoiseStd", \.readNoiseStd),
            .float("setVoltage", \.setVoltage), .float("resetVoltage", \.resetVoltage),
            .float("setPulseSeconds", \.setPulseSeconds), .float("resetPulseSeconds", \.resetPulseSeconds),
            .float("gateCapacitanceFarads", \.gateCapacitanceFarads),
            .float("wireCapacitanceFarads", \.wireCapacitanceFarads),
        ]
    }
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.positive(onResistanceOhms, k("onResistanceOhms"))
        guard onOffRatio > 1, onOffRatio.isFinite else {
            throw ConfigError.outOfRange(key: k("onOffRatio"), value: "\(onOffRatio)", allowed: "> 1")
        }
        for (v, n) in [(readVoltage, "readVoltage"), (readPulseSeconds, "readPulseSeconds"),
                       (setVoltage, "setVoltage"), (resetVoltage, "resetVoltage"),
                       (setPulseSeconds, "setPulseSeconds"), (resetPulseSeconds, "resetPulseSeconds")] {
            try Validate.positive(v, k(n))
        }
        try Validate.nonNegative(readNoiseStd, k("readNoiseStd"))
        try Validate.nonNegative(gateCapacitanceFarads, k("gateCapacitanceFarads"))
        try Validate.nonNegative(wireCapacitanceFarads, k("wireCapacitanceFarads"))
    }
}

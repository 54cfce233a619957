import KitSupport

/// Everything that describes one memory technology: its pulse law, wear, drift, electrical
/// window and how its differential pairs are updated. Presets live as commented YAML files
/// (`Configs/presets/*.yaml`), each citing its source; this struct's defaults are the
/// neutral values those files override.
public struct DevicePreset: Equatable, Sendable {
    /// Preset name, e.g. `rram`.
    public var name: String = "custom"
    /// Where the numbers come from (paper, simulator, or "assumption").
    public var source: String = ""
    /// Pulse-update law and its variations.
    public var device = DeviceParameters()
    public var endurance = EnduranceParameters()
    public var drift = DriftParameters()
    public var verify = VerifyParameters()
    public var electrical = ElectricalParameters()
    public var pairPolicy: PairPolicy = .bidirectional
    /// potentiateOnly: refresh a pair when one device is within this fraction of the window
    /// from its maximum.
    public var refreshMargin: Float = 0.05

    public init() {}
}

extension DevicePreset: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .string("name", \.name), .string("source", \.source),
            .section("device", \.device), .section("endurance", \.endurance), .section("drift", \.drift),
            .section("verify", \.verify), .section("electrical", \.electrical),
            .choice("pairPolicy", \.pairPolicy), .float("refreshMargin", \.refreshMargin),
        ]
    }
    public func validate(at path: String) throws {
        try Validate.inRange(refreshMargin, 0...0.5, ConfigKey.join(path, "refreshMargin"))
    }
}

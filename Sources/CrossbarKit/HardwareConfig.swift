import DeviceKit
import KitSupport

/// The emulated hardware of a run: the device technology (a ``DevicePreset``) and the
/// crossbar periphery and write path built around it. A preset file in
/// `Configs/presets/` is a document of these keys.
public struct HardwareConfig: Equatable, Sendable {
    public var preset = DevicePreset()
    public var crossbar = CrossbarConfig()
    public var writePath = WritePathConfig()

    public init() {}
}

extension HardwareConfig: Configurable {
    /// DevicePreset's keys at the top level, plus `crossbar` and `writePath`.
    public static var schema: [ConfigField<Self>] {
        DevicePreset.schema.map { $0.lifted(through: \HardwareConfig.preset) }
            + [.section("crossbar", \.crossbar), .section("writePath", \.writePath)]
    }
    public func validate(at path: String) throws {
        try preset.validate(at: path)
    }
}

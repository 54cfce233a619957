/// A parsed configuration document, independent of its syntax (YAML, JSON, `--set` flags).
///
/// The I/O layer turns a file into a `ConfigValue`; the kits apply it to their typed
/// parameter structs through a ``ConfigSchema``, strictly: an unknown key is an error
/// that names its full path.
public indirect enum ConfigValue: Equatable, Sendable {
    case scalar(String)
    case list([ConfigValue])
    case map([ConfigEntry])

    /// The scalar text, or nil for a list or map.
    public var scalarText: String? {
        if case let .scalar(s) = self { return s }
        return nil
    }
}

/// One key of a mapping, in document order.
public struct ConfigEntry: Equatable, Sendable {
    public var key: String
    public var value: ConfigValue
    public init(_ key: String, _ value: ConfigValue) {
        self.key = key
        self.value = value
    }
}

extension ConfigValue {
    /// Builds a nested mapping from a dotted path, e.g. `device.dwMin` = `0.002`.
    public static func from(path: String, value: String) -> ConfigValue {
        let parts = path.split(separator: ".").map(String.init)
        var v = ConfigValue.scalar(value)
        for p in parts.reversed() { v = .map([ConfigEntry(p, v)]) }
        return v
    }
}

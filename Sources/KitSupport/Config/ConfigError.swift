/// A configuration value that cannot be used, with the key path that names it.
///
/// Thrown when a configuration is built or decoded, never from a hot loop: values are
/// validated once, and nothing is silently clamped later.
public enum ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A key the configuration does not know (typo, or a key of another section).
    case unknownKey(key: String, allowed: [String])
    /// A value outside the range the model accepts.
    case outOfRange(key: String, value: String, allowed: String)
    /// A value that does not name one of the choices.
    case unknownChoice(key: String, value: String, choices: [String])
    /// Values that contradict each other.
    case inconsistent(key: String, reason: String)

    public var description: String {
        switch self {
        case let .unknownKey(key, allowed):
            return "unknown configuration key '\(key)' (allowed here: \(allowed.joined(separator: ", ")))"
        case let .outOfRange(key, value, allowed):
            return "configuration key '\(key)' = \(value) is out of range (allowed: \(allowed))"
        case let .unknownChoice(key, value, choices):
            return "configuration key '\(key)' = '\(value)' is not one of: \(choices.joined(separator: ", "))"
        case let .inconsistent(key, reason):
            return "configuration key '\(key)': \(reason)"
        }
    }
}

/// Small helpers for range validation, so every check names its key the same way.
public enum Validate {
    /// `v > 0` and finite (a `Float` device parameter or a `Double` cost constant).
    public static func positive<T: BinaryFloatingPoint>(_ v: T, _ key: String) throws {
        guard v > 0, v.isFinite else { throw ConfigError.outOfRange(key: key, value: "\(v)", allowed: "> 0, finite") }
    }
    /// `v ≥ 0` and finite.
    public static func nonNegative<T: BinaryFloatingPoint>(_ v: T, _ key: String) throws {
        guard v >= 0, v.isFinite else { throw ConfigError.outOfRange(key: key, value: "\(v)", allowed: ">= 0, finite") }
    }
    public static func inRange(_ v: Float, _ range: ClosedRange<Float>, _ key: String) throws {
        guard range.contains(v) else {
            throw ConfigError.outOfRange(key: key, value: "\(v)", allowed: "\(range.lowerBound)…\(range.upperBound)")
        }
    }
    public static func openUnit(_ v: Float, _ key: String) throws {
        guard v > 0, v < 1 else { throw ConfigError.outOfRange(key: key, value: "\(v)", allowed: "strictly between 0 and 1") }
    }
    public static func inRange(_ v: Int, _ range: ClosedRange<Int>, _ key: String) throws {
        guard range.contains(v) else {
            throw ConfigError.outOfRange(key: key, value: "\(v)", allowed: "\(range.lowerBound)…\(range.upperBound)")
        }
    }
}

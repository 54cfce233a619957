/// A parameter struct that can be configured from a ``ConfigValue``.
///
/// The schema lists every key once, with the key path it sets; the struct's property
/// initializers stay the one home of each default. Applying a document overrides only the
/// keys it names and rejects any other key, naming its full path.
public protocol Configurable {
    /// Every configurable key, in the order a snapshot renders them.
    static var schema: [ConfigField<Self>] { get }
    /// Range and consistency checks, run after a document is applied. `path` is the
    /// key prefix of this section, used in error messages.
    func validate(at path: String) throws
}

extension Configurable {
    public func validate(at path: String) throws {}

    /// Applies `value` (a mapping) strictly: unknown keys throw ``ConfigError/unknownKey``.
    public mutating func apply(_ value: ConfigValue, at path: String = "") throws {
        guard case let .map(entries) = value else {
            throw ConfigError.inconsistent(key: path.isEmpty ? "<root>" : path, reason: "expected a mapping of keys")
        }
        let fields = Self.schema
        for entry in entries {
            let keyPath = ConfigKey.join(path, entry.key)
            guard let field = fields.first(where: { $0.name == entry.key }) else {
                throw ConfigError.unknownKey(key: keyPath, allowed: fields.map(\.name))
            }
            try field.apply(&self, entry.value, keyPath)
        }
    }

    /// The complete configuration as a document (every key, defaults included).
    public func rendered() -> ConfigValue {
        .map(Self.schema.map { ConfigEntry($0.name, $0.render(self)) })
    }

    /// Validates this section and every nested section.
    public func validateAll(at path: String = "") throws {
        try validate(at: path)
        for field in Self.schema {
            try field.validateNested(self, ConfigKey.join(path, field.name))
        }
    }
}

/// One key of a ``Configurable`` struct: its name, how to set it, how to render it.
public struct ConfigField<Root> {
    public let name: String
    let apply: (inout Root, ConfigValue, String) throws -> Void
    let render: (Root) -> ConfigValue
    let validateNested: (Root, String) throws -> Void

    public init(name: String,
         apply: @escaping (inout Root, ConfigValue, String) throws -> Void,
         render: @escaping (Root) -> ConfigValue,
         validateNested: @escaping (Root, String) throws -> Void = { _, _ in }) {
        self.name = name
        self.apply = apply
        self.render = render
        self.validateNested = validateNested
    }

    /// The same key, applied to a struct that holds `Root` at `kp` (flattens a section).
    public func lifted<Outer>(through kp: WritableKeyPath<Outer, Root>) -> ConfigField<Outer> {
        let apply = self.apply, render = self.render, nested = self.validateNested
        return ConfigField<Outer>(name: name,
                                  apply: { outer, v, path in try apply(&outer[keyPath: kp], v, path) },
                                  render: { render($0[keyPath: kp]) },
                                  validateNested: { outer, path in try nested(outer[keyPath: kp], path) })
    }

    static func scalar(_ value: ConfigValue, _ path: String) throws -> String {
        guard let s = value.scalarText else {
            throw ConfigError.inconsistent(key: path, reason: "expected a single value")
        }
        return s
    }

    public static func float(_ name: String, _ kp: WritableKeyPath<Root, Float>) -> Self {
        .init(name: name, apply: { root, v, path in
            let s = try scalar(v, path)
            guard let x = Float(s.trimmingSpaces) ?? Float(specialFloat: s) else {
                throw ConfigError.outOfRange(key: path, value: s, allowed: "a number")
            }
            root[keyPath: kp] = x
        }, render: { .scalar(formatFloat($0[keyPath: kp])) })
    }

    /// A number that may be left unset (`null`, `~` or `default`), meaning "the model's default".
    public static func optionalFloat(_ name: String, _ kp: WritableKeyPath<Root, Float?>) -> Self {
        .init(name: name, apply: { root, v, path in
            let s = try scalar(v, path).trimmingSpaces
            if ["null", "~", "default", ""].contains(s.lowercased()) { root[keyPath: kp] = nil; return }
            guard let x = Float(s) ?? Float(specialFloat: s) else {
                throw ConfigError.outOfRange(key: path, value: s, allowed: "a number or default")
            }
            root[keyPath: kp] = x
        }, render: { $0[keyPath: kp].map { .scalar(formatFloat($0)) } ?? .scalar("default") })
    }

    public static func int(_ name: String, _ kp: WritableKeyPath<Root, Int>) -> Self {
        .init(name: name, apply: { root, v, path in
            let s = try scalar(v, path)
            guard let x = Int(s.trimmingSpaces) else {
                throw ConfigError.outOfRange(key: path, value: s, allowed: "a whole number")
            }
            root[keyPath: kp] = x
        }, render: { .scalar(String($0[keyPath: kp])) })
    }

    public static func bool(_ name: String, _ kp: WritableKeyPath<Root, Bool>) -> Self {
        .init(name: name, apply: { root, v, path in
            let s = try scalar(v, path).trimmingSpaces.lowercased()
            switch s {
            case "true", "yes", "on": root[keyPath: kp] = true
            case "false", "no", "off": root[keyPath: kp] = false
            default: throw ConfigError.outOfRange(key: path, value: s, allowed: "true or false")
            }
        }, render: { .scalar($0[keyPath: kp] ? "true" : "false") })
    }

    public static func string(_ name: String, _ kp: WritableKeyPath<Root, String>) -> Self {
        .init(name: name, apply: { root, v, path in root[keyPath: kp] = try scalar(v, path) },
              render: { .scalar($0[keyPath: kp]) })
    }

    public static func choice<E: RawRepresentable & CaseIterable>(_ name: String, _ kp: WritableKeyPath<Root, E>) -> Self
    where E.RawValue == String {
        .init(name: name, apply: { root, v, path in
            let s = try scalar(v, path).trimmingSpaces
            guard let e = E(rawValue: s) else {
                throw ConfigError.unknownChoice(key: path, value: s, choices: E.allCases.map(\.rawValue))
            }
            root[keyPath: kp] = e
        }, render: { .scalar($0[keyPath: kp].rawValue) })
    }

    public static func ints(_ name: String, _ kp: WritableKeyPath<Root, [Int]>) -> Self {
        .init(name: name, apply: { root, v, path in
            root[keyPath: kp] = try listItems(v, path).map { s in
                guard let x = Int(s.trimmingSpaces) else {
                    throw ConfigError.outOfRange(key: path, value: s, allowed: "whole numbers")
                }
                return x
            }
        }, render: { .list($0[keyPath: kp].map { .scalar(String($0)) }) })
    }

    public static func floats(_ name: String, _ kp: WritableKeyPath<Root, [Float]>) -> Self {
        .init(name: name, apply: { root, v, path in
            root[keyPath: kp] = try listItems(v, path).map { s in
                guard let x = Float(s.trimmingSpaces) else {
                    throw ConfigError.outOfRange(key: path, value: s, allowed: "numbers")
                }
                return x
            }
        }, render: { .list($0[keyPath: kp].map { .scalar(formatFloat($0)) }) })
    }

    /// A list given as a YAML sequence or as comma-separated text (`64,128,10`).
    static func listItems(_ v: ConfigValue, _ path: String) throws -> [String] {
        switch v {
        case let .list(items): return try items.map { try scalar($0, path) }
        case let .scalar(s): return s.split(separator: ",").map(String.init)
        case .map: throw ConfigError.inconsistent(key: path, reason: "expected a list")
        }
    }

    public static func section<S: Configurable>(_ name: String, _ kp: WritableKeyPath<Root, S>) -> Self {
        .init(name: name, apply: { root, v, path in try root[keyPath: kp].apply(v, at: path) },
              render: { $0[keyPath: kp].rendered() },
              validateNested: { root, path in try root[keyPath: kp].validateAll(at: path) })
    }
}

/// Shortest text that reads back to the same `Float`.
public func formatFloat(_ x: Float) -> String {
    if x.isInfinite { return x > 0 ? ".inf" : "-.inf" }
    return "\(x)"
}

extension Float {
    /// YAML's spellings of infinity.
    init?(specialFloat s: String) {
        switch s.trimmingSpaces.lowercased() {
        case ".inf", "inf", "+.inf", "infinity": self = .infinity
        case "-.inf", "-inf", "-infinity": self = -.infinity
        default: return nil
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

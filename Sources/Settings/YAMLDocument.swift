import DeviceKit
import Foundation
import KitSupport
import Yams

/// A YAML configuration file parsed into a ``ConfigValue``, with the line of every key so
/// errors can point at it.
public struct YAMLDocument: Sendable {
    public let source: String
    public let value: ConfigValue
    /// Line (1-based) of each dotted key path.
    public let lines: [String: Int]

    /// Parses `text`; `source` names the file in errors.
    public init(text: String, source: String) throws {
        self.source = source
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ConfigFileError(source: source, line: nil, message: "not valid YAML: \(error)")
        }
        var lines: [String: Int] = [:]
        guard let node else {
            value = .map([])
            self.lines = [:]
            return
        }
        value = try Self.convert(node, path: "", lines: &lines, source: source)
        self.lines = lines
    }

    /// Reads and parses a file.
    public init(path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigFileError(source: path, line: nil, message: "cannot read: \(error.localizedDescription)")
        }
        try self.init(text: text, source: path)
    }

    static func convert(_ node: Node, path: String, lines: inout [String: Int], source: String) throws -> ConfigValue {
        switch node {
        case let .scalar(s):
            return .scalar(s.string)
        case let .sequence(seq):
            return .list(try seq.map { try convert($0, path: path, lines: &lines, source: source) })
        case let .mapping(map):
            var entries: [ConfigEntry] = []
            for (k, v) in map {
                guard let key = k.scalar?.string else {
                    throw ConfigFileError(source: source, line: k.mark.map { $0.line }, message: "keys must be plain names")
                }
                let keyPath = ConfigKey.join(path, key)
                if entries.contains(where: { $0.key == key }) {
                    throw ConfigFileError(source: source, line: k.mark.map { $0.line }, message: "duplicate key '\(keyPath)'")
                }
                if let m = k.mark { lines[keyPath] = m.line }
                entries.append(ConfigEntry(key, try convert(v, path: keyPath, lines: &lines, source: source)))
            }
            return .map(entries)
        case .alias:
            throw ConfigFileError(source: source, line: node.mark.map { $0.line }, message: "YAML aliases are not supported")
        }
    }

    /// Wraps a configuration error with this file's name and the offending key's line.
    public func locate(_ error: Error) -> Error {
        guard let c = error as? ConfigError else { return error }
        let key: String
        switch c {
        case let .unknownKey(k, _), let .outOfRange(k, _, _), let .unknownChoice(k, _, _), let .inconsistent(k, _):
            key = k
        }
        var probe = key
        var line = lines[probe]
        while line == nil, let dot = probe.lastIndex(of: ".") {
            probe = String(probe[..<dot])
            line = lines[probe]
        }
        return ConfigFileError(source: source, line: line, message: c.description)
    }
}

/// A configuration problem located in a file.
public struct ConfigFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var source: String
    public var line: Int?
    public var message: String
    public init(source: String, line: Int?, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }
    public var description: String {
        if let line { return "\(source):\(line): \(message)" }
        return "\(source): \(message)"
    }
}

import Settings
import KitSupport
import Foundation

extension SweepSpec {
    /// Reads a sweep file strictly: an unknown key, an empty axis, a list where a value is
    /// expected (or the reverse) is a ``ConfigFileError`` naming the file and line.
    public init(path: String) throws {
        try self.init(document: YAMLDocument(path: path))
    }

    /// The top-level keys of a sweep file.
    static let topKeys = ["name", "run", "base", "grid", "random", "seeds"]
    static let runKeys = ["input", "passes", "shuffle", "eval", "channels", "config"]

    public init(document doc: YAMLDocument) throws {
        func fail(_ key: String, _ message: String) -> ConfigFileError {
            ConfigFileError(source: doc.source, line: doc.lines[key], message: message)
        }
        guard case let .map(top) = doc.value else { throw fail("", "a sweep file is a mapping of \(Self.topKeys.joined(separator: ", "))") }
        source = doc.source
        name = URL(fileURLWithPath: doc.source).deletingPathExtension().lastPathComponent
        run = RunOptions()
        base = []
        grid = []
        random = nil
        seeds = []
        for entry in top {
            let key = entry.key
            switch key {
            case "name":
                name = try Self.scalar(entry.value, key, fail)
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                    throw fail(key, "name '\(name)' must be letters, digits, '-' or '_'")
                }
            case "run": run = try Self.runOptions(entry.value, fail)
            case "base":
                base = try Self.flatten(entry.value, path: "base", fail).map { Assignment(key: $0.key, value: try Self.setText($0.value, "base.\($0.key)", fail)) }
            case "grid":
                grid = try Self.flatten(entry.value, path: "grid", fail).map { item in
                    let path = "grid.\(item.key)"
                    guard case let .list(values) = item.value else { throw fail(path, "grid axis '\(item.key)' must be a list of values") }
                    guard !values.isEmpty else { throw fail(path, "grid axis '\(item.key)' is empty") }
                    return Axis(key: item.key, values: try values.map { try Self.setText($0, path, fail) }, line: doc.lines[path])
                }
            case "random": random = try Self.randomAxes(entry.value, lines: doc.lines, fail)
            case "seeds":
                guard case let .list(values) = entry.value, !values.isEmpty else { throw fail(key, "seeds must be a non-empty list of whole numbers") }
                seeds = try values.map {
                    guard let s = Int(try Self.scalar($0, key, fail)) else { throw fail(key, "seeds must be whole numbers") }
                    return s
                }
            default:
                throw fail(key, "unknown sweep key '\(key)' (allowed: \(Self.topKeys.joined(separator: ", ")))")
            }
        }
        let keys = grid.map(\.key) + (random?.keys.map(\.key) ?? [])
        if let twice = Set(keys.filter { k in keys.filter { $0 == k }.count > 1 }).sorted().first {
            throw fail("grid.\(twice)", "axis '\(twice)' is given twice")
        }
        if !seeds.isEmpty, keys.contains("seed") { throw fail("seeds", "give the seed either as an axis or as seeds, not both") }
    }

    static func scalar(_ v: ConfigValue, _ key: String, _ fail: (String, String) -> ConfigFileError) throws -> String {
        guard let s = v.scalarText else { throw fail(key, "'\(key)' must be a single value, not a list or mapping") }
        return s
    }

    /// A value as `--set` takes it: a scalar, or a list of scalars joined by commas
    /// (`[0, 32, 0]` → `0,32,0`, as in `--set network.layers=0,32,0`).
    static func setText(_ v: ConfigValue, _ key: String, _ fail: (String, String) -> ConfigFileError) throws -> String {
        if case let .list(items) = v {
            return try items.map { try scalar($0, key, fail) }.joined(separator: ",")
        }
        return try scalar(v, key, fail)
    }

    /// Flattens nested mappings to dotted keys (`network: {timesteps: [8]}` → `network.timesteps`).
    /// With `leaf`, a mapping it accepts is kept as a value (a random key's distribution).
    static func flatten(_ v: ConfigValue, path: String, leaf: (ConfigValue) -> Bool = { _ in false },
                        _ fail: (String, String) -> ConfigFileError) throws -> [ConfigEntry] {
        guard case let .map(entries) = v else { throw fail(path, "'\(path)' must be a mapping of configuration keys") }
        var out: [ConfigEntry] = []
        for e in entries {
            if case .map = e.value, !leaf(e.value) {
                out += try flatten(e.value, path: ConfigKey.join(path, e.key), leaf: leaf, fail).map { ConfigEntry(ConfigKey.join(e.key, $0.key), $0.value) }
            } else {
                out.append(e)
            }
        }
        return out
    }

    static func runOptions(_ v: ConfigValue, _ fail: (String, String) -> ConfigFileError) throws -> RunOptions {
        guard case let .map(entries) = v else { throw fail("run", "'run' must be a mapping of \(runKeys.joined(separator: ", "))") }
        var o = RunOptions()
        for e in entries {
            let path = "run.\(e.key)"
            let text = try scalar(e.value, path, fail)
            func int<T: FixedWidthInteger>(_ min: T) throws -> T {
                guard let n = T(text), n >= min else { throw fail(path, "'\(path)' must be a whole number ≥ \(min), not '\(text)'") }
                return n
            }
            switch e.key {
            case "input": o.input = text
            case "passes": o.passes = try int(1)
            case "shuffle": o.shuffle = text == "null" ? nil : try int(UInt64(0))
            case "eval": o.eval = text == "null" ? nil : text
            case "channels": o.channels = text == "null" ? nil : try int(1)
            case "config": o.config = text == "null" ? nil : text
            default: throw fail(path, "unknown run option '\(e.key)' (allowed: \(runKeys.joined(separator: ", ")))")
            }
        }
        return o
    }

    static func randomAxes(_ v: ConfigValue, lines: [String: Int], _ fail: (String, String) -> ConfigFileError) throws -> RandomAxes {
        guard case let .map(entries) = v else { throw fail("random", "'random' must be a mapping of count, seed, keys") }
        var count = 0, seed: UInt64 = 0
        var keys: [(key: String, distribution: Distribution, line: Int?)] = []
        for e in entries {
            let path = "random.\(e.key)"
            switch e.key {
            case "count":
                guard let n = Int(try scalar(e.value, path, fail)), n >= 1 else { throw fail(path, "random.count must be a whole number ≥ 1") }
                count = n
            case "seed":
                guard let s = UInt64(try scalar(e.value, path, fail)) else { throw fail(path, "random.seed must be a whole number ≥ 0") }
                seed = s
            case "keys":
                let isDistribution: (ConfigValue) -> Bool = {
                    if case let .map(d) = $0, d.count == 1, ["uniform", "logUniform", "integer", "choice"].contains(d[0].key) { return true }
                    return false
                }
                for k in try flatten(e.value, path: path, leaf: isDistribution, fail) {
                    keys.append((k.key, try distribution(k.value, path: "\(path).\(k.key)", fail), lines["\(path).\(k.key)"]))
                }
            default: throw fail(path, "unknown key '\(e.key)' in random (allowed: count, seed, keys)")
            }
        }
        guard count >= 1 else { throw fail("random", "random needs count ≥ 1") }
        guard !keys.isEmpty else { throw fail("random", "random needs at least one key under keys") }
        return RandomAxes(count: count, seed: seed, keys: keys)
    }

    /// `{uniform: [a, b]}`, `{logUniform: [a, b]}`, `{integer: [a, b]}` or `{choice: [...]}`.
    static func distribution(_ v: ConfigValue, path: String, _ fail: (String, String) -> ConfigFileError) throws -> Distribution {
        let allowed = "one of uniform: [low, high], logUniform: [low, high], integer: [low, high], choice: [values]"
        guard case let .map(entries) = v, entries.count == 1, case let .list(items) = entries[0].value, !items.isEmpty else {
            throw fail(path, "'\(path)' must be \(allowed)")
        }
        let texts = try items.map { try scalar($0, path, fail) }
        func pair<T>(_ parse: (String) -> T?) throws -> (T, T) {
            guard texts.count == 2, let a = parse(texts[0]), let b = parse(texts[1]) else {
                throw fail(path, "'\(path)' needs [low, high] numbers, not \(texts)")
            }
            return (a, b)
        }
        switch entries[0].key {
        case "uniform":
            let (a, b) = try pair(Double.init)
            guard a < b else { throw fail(path, "'\(path)': low must be below high") }
            return .uniform(a, b)
        case "logUniform":
            let (a, b) = try pair(Double.init)
            guard a > 0, a < b else { throw fail(path, "'\(path)': needs 0 < low < high") }
            return .logUniform(a, b)
        case "integer":
            let (a, b) = try pair { Int($0) }
            guard a <= b else { throw fail(path, "'\(path)': low must not exceed high") }
            return .integer(a, b)
        case "choice": return .choice(texts)
        default: throw fail(path, "'\(path)' must be \(allowed)")
        }
    }
}

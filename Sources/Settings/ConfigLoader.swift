import CrossbarKit
import DeviceKit
import Foundation
import KitSupport
import SpikingKit

/// A configuration resolved from defaults, preset, file and flags, ready to build a run.
public struct ResolvedConfig: Sendable {
    public var run: RunConfig
    public var hardware: HardwareConfig
    /// The preset file that was used.
    public var presetSource: String
    /// The cost preset that prices the run (energy, latency, area).
    public var cost = CostPreset()
    /// The cost preset file that was used.
    public var costSource = ""
    /// The run configuration file that was used (`temporal.yaml` when picked for temporal
    /// input), or `default.yaml` for the built-in defaults (the values that file spells out).
    public var configSource = "default.yaml"

    /// A configuration assembled from parts already resolved (a run rebuilt from its
    /// recorded snapshot), without reading any preset file.
    public init(run: RunConfig, hardware: HardwareConfig, presetSource: String,
                cost: CostPreset = CostPreset(), costSource: String = "") {
        self.run = run
        self.hardware = hardware
        self.presetSource = presetSource
        self.cost = cost
        self.costSource = costSource
    }

    /// Everything in effect, as one document (recorded with the run).
    public var snapshot: ConfigValue {
        var entries: [ConfigEntry] = []
        if case let .map(runEntries) = run.rendered() {
            entries = runEntries.filter { $0.key != "hardware" }
        }
        entries.append(ConfigEntry("hardware", hardware.rendered()))
        return .map(entries)
    }
}

/// Finds the `Configs/` folder and resolves configurations against it.
public struct ConfigLoader: Sendable {
    public let configsDirectory: String

    public init(configsDirectory: String) {
        self.configsDirectory = configsDirectory
    }

    /// The `Configs/` folder: an explicit path, else `$SPIKEBAR_CONFIGS`, else `./Configs`,
    /// else the nearest `Configs/` above the executable, else the source checkout this
    /// binary was built from.
    public static func locate(explicit: String? = nil) throws -> ConfigLoader {
        let fm = FileManager.default
        var candidates: [String] = []
        if let explicit { candidates.append(explicit) }
        if let env = ProcessInfo.processInfo.environment["SPIKEBAR_CONFIGS"] { candidates.append(env) }
        candidates.append(fm.currentDirectoryPath + "/Configs")
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("Configs").path)
            dir.deleteLastPathComponent()
        }
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(sourceRoot.appendingPathComponent("Configs").path)
        for c in candidates where fm.fileExists(atPath: c + "/presets") {
            return ConfigLoader(configsDirectory: c)
        }
        throw ConfigFileError(source: explicit ?? "Configs", line: nil,
                              message: "no Configs/ folder with presets found (looked in: \(candidates.joined(separator: ", "))); pass --configs DIR or set SPIKEBAR_CONFIGS")
    }

    /// Names of the presets in `Configs/presets/`.
    public var presetNames: [String] { yamlNames(in: "presets") }

    /// The path of a preset given by name or by path.
    public func presetPath(_ nameOrPath: String) throws -> String {
        try yamlPath(nameOrPath, in: "presets", kind: "preset")
    }

    /// Loads a preset file into a hardware configuration (strictly).
    public func loadPreset(_ nameOrPath: String) throws -> (HardwareConfig, String) {
        let path = try presetPath(nameOrPath)
        return (try loadStrictly(path, HardwareConfig()), path)
    }

    /// Resolves a run configuration: defaults ← `file` ← `sets` (`key=value`, dotted keys) ←
    /// `preset`/`seed` flags; then loads the preset and applies the hardware overrides.
    public func resolve(file: String?, sets: [String] = [], preset: String? = nil, seed: Int? = nil) throws -> ResolvedConfig {
        var run = RunConfig()
        if let file {
            let doc = try YAMLDocument(path: file)
            do { try run.apply(doc.value) } catch { throw doc.locate(error) }
        }
        for s in sets {
            guard let eq = s.firstIndex(of: "=") else {
                throw ConfigFileError(source: "--set", line: nil, message: "'\(s)' is not key=value")
            }
            let key = String(s[..<eq]), value = String(s[s.index(after: eq)...])
            do {
                try run.apply(ConfigValue.from(path: key, value: value))
            } catch {
                throw ConfigFileError(source: "--set \(s)", line: nil, message: "\(error)")
            }
        }
        if let preset { run.preset = preset }
        if let seed { run.seed = seed }
        do { try run.validateAll() } catch { throw ConfigFileError(source: file ?? "configuration", line: nil, message: "\(error)") }
        var (hardware, path) = try loadPreset(run.preset)
        for o in run.hardwareOverrides {
            do {
                try hardware.apply(o, at: "hardware")
                try hardware.validateAll(at: "hardware")
            } catch {
                throw ConfigFileError(source: file ?? "--set", line: nil, message: "\(error)")
            }
        }
        var resolved = ResolvedConfig(run: run, hardware: hardware, presetSource: path)
        (resolved.cost, resolved.costSource) = try loadCost(run.cost)
        return resolved
    }
}

import CrossbarKit
import DeviceKit
import Foundation
import KitSupport

extension ConfigLoader {
    /// Names of the cost presets in `Configs/costs/`.
    public var costNames: [String] { yamlNames(in: "costs") }

    /// The path of a cost preset given by name or by path.
    public func costPath(_ nameOrPath: String) throws -> String {
        try yamlPath(nameOrPath, in: "costs", kind: "cost preset")
    }

    /// Loads a cost preset file strictly (unknown keys are errors naming their line).
    ///
    /// A `Configs/` folder without a `costs/` folder (one made before cost presets existed)
    /// gets the built-in `spikesim-65nm` values, which a test keeps equal to the bundled file;
    /// the returned source says so.
    public func loadCost(_ nameOrPath: String) throws -> (CostPreset, String) {
        let builtIn = CostPreset()
        if nameOrPath == builtIn.name, !FileManager.default.fileExists(atPath: configsDirectory + "/costs") {
            return (builtIn, "built-in \(builtIn.name) (no \(configsDirectory)/costs folder)")
        }
        let path = try costPath(nameOrPath)
        return (try loadStrictly(path, CostPreset()), path)
    }

    /// Applies the YAML file at `path` to `defaults` and validates the result; errors name
    /// the file and the offending key's line.
    func loadStrictly<T: Configurable>(_ path: String, _ defaults: T) throws -> T {
        let doc = try YAMLDocument(path: path)
        var value = defaults
        do {
            try value.apply(doc.value)
            try value.validateAll()
        } catch {
            throw doc.locate(error)
        }
        return value
    }

    /// Names (without `.yaml`) of the YAML files in `Configs/<folder>/`.
    func yamlNames(in folder: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: configsDirectory + "/" + folder)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// A file given by path (contains `/` or ends in `.yaml`), or by name in `Configs/<folder>/`.
    func yamlPath(_ nameOrPath: String, in folder: String, kind: String) throws -> String {
        if nameOrPath.hasSuffix(".yaml") || nameOrPath.contains("/") { return nameOrPath }
        let path = configsDirectory + "/" + folder + "/" + nameOrPath + ".yaml"
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigFileError(source: path, line: nil,
                                  message: "no \(kind) '\(nameOrPath)' (available: \(yamlNames(in: folder).joined(separator: ", ")))")
        }
        return path
    }
}

extension ConfigLoader {
    /// The configuration a temporal input gets when no `--config` is given.
    public static let temporalConfigName = "temporal.yaml"

    /// ``resolve(file:sets:preset:seed:)`` that picks `Configs/temporal.yaml` for temporal
    /// input (samples with frames, or rows reshaped by `--channels`) when no file is given.
    /// Static input keeps the built-in defaults (the values of `Configs/default.yaml`).
    /// The file used is named in ``ResolvedConfig/configSource``.
    public func resolve(file: String?, sets: [String] = [], preset: String? = nil, seed: Int? = nil,
                        temporal: Bool) throws -> ResolvedConfig {
        let picked = file ?? (temporal ? configsDirectory + "/" + Self.temporalConfigName : nil)
        var resolved = try resolve(file: picked, sets: sets, preset: preset, seed: seed)
        if let file {
            resolved.configSource = file
        } else if temporal {
            resolved.configSource = Self.temporalConfigName
        }
        return resolved
    }
}

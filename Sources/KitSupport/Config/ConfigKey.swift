/// Dotted key paths of a configuration document (`hardware.device.dwMin`), as overrides and
/// error messages name keys.
public enum ConfigKey {
    /// The key `name` inside the section at `path`: `path.name`, or `name` alone at the root
    /// (empty `path`).
    public static func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : path + "." + name
    }
}

import KitSupport
import Settings
import SpikingKit

extension RunSession {
    /// An imported model (`network.model`) fixes the network's inputs and classes: the
    /// data must match them (`width` values per frame, giving the encoder's lines; labels
    /// below `classes`). Throws one line naming the key otherwise.
    static func checkModelShape(_ config: ResolvedConfig, width: Int, classes: Int) throws {
        let n = config.run.engine.network
        guard !n.importedWeights.isEmpty else { return }
        let lines = InputEncoder(config: config.run.engine.encoder, width: width).lines
        guard lines == n.inputs else {
            throw ConfigError.inconsistent(key: "network.model", reason: "the graph '\(n.model)' takes \(n.inputs) inputs, the data gives \(lines) encoder lines (\(width) values per frame)")
        }
        guard classes <= n.classes else {
            throw ConfigError.inconsistent(key: "network.model", reason: "the graph '\(n.model)' has \(n.classes) outputs, the data has \(classes) classes")
        }
    }
}

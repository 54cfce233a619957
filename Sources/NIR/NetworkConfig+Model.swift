import SpikingKit

extension NetworkConfig {
    /// Reads ``model`` (when set) and takes its network (``ImportedModel/apply(to:)``), with
    /// the time step ``modelTimestepSeconds`` or else the file's `metadata/dt`.
    public mutating func importModel() throws {
        guard !model.isEmpty else { return }
        let graph = try NIRReader.read(path: model)
        guard let dt = modelTimestepSeconds > 0 ? modelTimestepSeconds : graph.dtSeconds, dt > 0, dt.isFinite else {
            throw NIRError.noTimestep(path: model)
        }
        try ImportedModel(graph: graph, dtSeconds: dt).apply(to: &self)
    }
}

import SpikingKit

extension NetworkConfig {
    /// Reads ``model`` (when set) and takes its network (``ImportedModel/apply(to:)``), with
    /// the time step ``modelTimestepSeconds`` or else the file's `metadata/dt`. `exactWindows`
    /// (for ideal devices): power-of-two windows (``ImportedModel/exactWindows()``).
    public mutating func importModel(exactWindows: Bool = false) throws {
        guard !model.isEmpty else { return }
        let graph = try NIRReader.read(path: model)
        guard let dt = modelTimestepSeconds > 0 ? modelTimestepSeconds : graph.dtSeconds, dt > 0, dt.isFinite else {
            throw NIRError.noTimestep(path: model)
        }
        var imported = try ImportedModel(graph: graph, dtSeconds: dt)
        if exactWindows { imported.exactWindows() }
        imported.apply(to: &self)
    }
}

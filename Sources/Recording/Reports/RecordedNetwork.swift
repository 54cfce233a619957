import Foundation
import Runtime
import Settings
import SpikingKit
import Store

/// A recorded run's network as its newest checkpoint left it (for `spikebar export nir`):
/// rebuilt from the run's configuration snapshot like the report's (``ReportLearner``).
public struct RecordedNetwork {
    public let config: ResolvedConfig
    public let network: SpikingNetwork
    /// Samples the run had processed at that checkpoint.
    public let sample: Int

    /// The run `runId` (nil: the latest) of `store`.
    public init(store: RecordStore, loader: ConfigLoader, runId: Int64?) throws {
        let run = try RunReportLoader(store: store, loader: loader).run(id: runId)
        let records = try store.records(of: run)
        guard !records.wear.isEmpty else { throw ReportError.nothingRecorded(runId: records.runId, database: store.path) }
        guard let newest = records.checkpoints.last else {
            throw ReportError.badRecord(runId: records.runId, what: "no checkpoint holds the devices' state (the run flushed none)")
        }
        let learner = try ReportLearner(run: run, wear: records.wear, loader: loader)
        try learner.restore([UInt8](try store.checkpoint(id: newest.id).stateBlob))
        config = learner.config
        network = learner.network
        sample = newest.sequence
    }
}

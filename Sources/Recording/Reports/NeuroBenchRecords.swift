import Foundation
import SpikingKit

/// NeuroBench's metrics from a run's summary JSON (`neuroBench`, written by `spikebar run`);
/// nil for summaries without them (older runs, experiments).
enum NeuroBenchRecords {
    struct Summary: Decodable {
        var neuroBench: NeuroBenchMetrics?
    }

    static func metrics(summaryJSON: String?) -> NeuroBenchMetrics? {
        summaryJSON.flatMap { try? JSONDecoder().decode(Summary.self, from: Data($0.utf8)) }?.neuroBench
    }
}

import Runtime
import Settings
import CrossbarKit
import Foundation
import SpikingKit
import Store

/// The run's learner, rebuilt for the report: the configuration from the run's YAML
/// snapshot (``ResumePlan/restoreConfig(_:loader:runId:)``, the same rebuild `--resume`
/// uses, so no preset file of today is read), the network of the recorded shape, and the
/// devices as a checkpoint left them (``restore(_:)``).
///
/// A snapshot may leave the input lines and the classes to the data (`network.layers`
/// `[0, 128, 0]`). They are taken from the recorded wear snapshot, whose tiles cover every
/// layer: the first layer's rows are the encoder lines (plus one with `network.bias`), the
/// last layer's columns the classes. The learner's `width` is values per frame: the lines,
/// or half of them with delta encoding (an ON and an OFF line per channel). Restoring a
/// checkpoint into a network of another shape fails, so a wrong derivation cannot pass
/// silently.
final class ReportLearner {
    let config: ResolvedConfig
    let learner: OnlineLearner
    var network: SpikingNetwork { learner.network }

    /// Builds the run's learner in its initial state (devices as drawn, nothing written).
    init(run: RunRecord, wear: [WearSnapshotRecord], loader: ConfigLoader) throws {
        let id = run.id ?? 0
        config = try ResumePlan.restoreConfig(run.configYAML, loader: loader, runId: id)
        let shapes = Self.layerShapes(wear)
        let network = config.run.engine.network
        let crossbars = network.crossbarNames.count
        guard shapes.count == crossbars, !shapes.isEmpty else {
            throw ReportError.badRecord(runId: id, what: "the wear snapshot has \(shapes.count) layers, the configuration \(crossbars)")
        }
        let lines = shapes[0].rows - (network.bias ? 1 : 0)
        let classes = shapes[shapes.count - 1].cols
        let delta = config.run.engine.encoder.encoding == .delta
        guard lines > 0, !delta || lines % 2 == 0 else {
            throw ReportError.badRecord(runId: id, what: "the first layer's \(shapes[0].rows) rows do not fit the encoder")
        }
        learner = RunSession.makeLearner(config: config, width: delta ? lines / 2 : lines, classes: classes)
        let built = learner.network.layers.map { (rows: $0.rows, cols: $0.cols) }
        guard built.elementsEqual(shapes, by: { $0.rows == $1.rows && $0.cols == $1.cols }) else {
            throw ReportError.badRecord(runId: id, what: "the configuration builds layers \(built.map { "\($0.rows)×\($0.cols)" }) "
                + "but the run recorded \(shapes.map { "\($0.rows)×\($0.cols)" })")
        }
    }

    /// Puts the devices (and every other piece of learner state) where a checkpoint left them.
    func restore(_ stateBlob: [UInt8]) throws {
        try learner.restore(stateBlob)
    }

    /// Rows × columns of each layer, from its tiles: the rows of the first tile column and the
    /// columns of the first tile row.
    static func layerShapes(_ wear: [WearSnapshotRecord]) -> [(rows: Int, cols: Int)] {
        let layers = (wear.map(\.layer).max() ?? -1) + 1
        return (0..<layers).map { l in
            let tiles = wear.filter { $0.layer == l }
            return (rows: tiles.filter { $0.tileCol == 0 }.reduce(0) { $0 + $1.rows },
                    cols: tiles.filter { $0.tileRow == 0 }.reduce(0) { $0 + $1.cols })
        }
    }

    /// The cost model of the run's chip (its cost preset, device, periphery and layout).
    var costModel: CostModel { CostModel(config: config, network: network) }
}

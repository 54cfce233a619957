import CrossbarKit
import DeviceKit
import Foundation
import Settings
import SpikingKit
import Store

/// Why a per-device wear export cannot be made.
public enum DeviceWearExportError: Error, Equatable, Sendable, CustomStringConvertible {
    case noCheckpoint(runId: Int64, database: String)
    case nothingRecorded(runId: Int64, database: String)

    public var description: String {
        switch self {
        case let .noCheckpoint(id, db):
            return "\(db): run \(id) has no checkpoint, so no per-device state to export (it stopped before its first flush)"
        case let .nothingRecorded(id, db):
            return "\(db): run \(id) recorded no wear snapshot, so its network's shape is unknown"
        }
    }
}

/// What an export wrote: rows and the pulse totals summed over them (for a caller or a test
/// to check against the run's own totals).
public struct DeviceWearTotals: Equatable, Sendable {
    public var rows = 0
    public var setPulses: UInt64 = 0
    public var resetPulses: UInt64 = 0
    public var wastedPulses: UInt64 = 0
    public var failed = 0
    /// Samples processed when the exported checkpoint was taken.
    public var sample = 0
}

/// `spikebar db export --table deviceWear`: one CSV row per device (both devices, G⁺ and
/// G⁻, of every synapse) of a run's newest checkpoint — aihwkit keeps such counters on the
/// GPU only; here they are a plain table for pandas, R or a spreadsheet.
///
/// The state comes from the checkpoint's learner blob, restored into the run's network
/// rebuilt from its configuration snapshot (``ReportLearner``, the rebuild `--resume` and
/// `spikebar report` use): no preset file of today is read for the devices.
///
/// | column | meaning |
/// |---|---|
/// | `layer` | crossbar layer, from 0 (input side) |
/// | `tileRow`, `tileCol` | the device's tile in the layer's tile grid |
/// | `row`, `col` | the synapse's row (input line) and column (output) within the layer |
/// | `side` | `plus` (G⁺) or `minus` (G⁻) |
/// | `setPulses`, `resetPulses` | pulses delivered so far |
/// | `wastedPulses` | of those, pulses sent after the device had failed |
/// | `budgetPulses` | endurance budget N_end drawn for the device (`inf`: wear-out off) |
/// | `failed` | 1 when the device is stuck (worn out or faulty from the start), else 0 |
/// | `weight` | true state, device units |
/// | `conductanceSiemens` | `G = g/R_on`, `g` the normalized conductance of `weight` on the device's as-fabricated window |
///
/// Rows are ordered by layer, tile (row-major), synapse row, synapse column, then G⁺ before
/// G⁻ — the device order of the report's lifetime projection. They are handed to `line` one
/// at a time, so the size of the network does not bound the output.
public enum DeviceWearExport {
    /// The `--table` name.
    public static let table = "deviceWear"
    public static let header = "layer,tileRow,tileCol,row,col,side,setPulses,resetPulses,wastedPulses,budgetPulses,failed,weight,conductanceSiemens"

    /// Writes run `runId`'s per-device wear at its newest checkpoint, header first.
    /// - Throws: ``StoreError`` for an unknown run, ``DeviceWearExportError`` when the run has
    ///   no wear snapshot or no checkpoint, ``ResumeError`` when its configuration cannot be
    ///   rebuilt.
    @discardableResult
    public static func write(store: RecordStore, runId: Int64, loader: ConfigLoader,
                             line: (String) throws -> Void) throws -> DeviceWearTotals {
        let run = try store.run(id: runId)
        let records = try store.records(of: run)
        guard !records.wear.isEmpty else { throw DeviceWearExportError.nothingRecorded(runId: runId, database: store.path) }
        guard let newest = records.checkpoints.last else {
            throw DeviceWearExportError.noCheckpoint(runId: runId, database: store.path)
        }
        let learner = try ReportLearner(run: run, wear: records.wear, loader: loader)
        try learner.restore([UInt8](try store.checkpoint(id: newest.id).stateBlob))
        var totals = DeviceWearTotals()
        totals.sample = newest.sequence
        try line(header)
        for (l, layer) in learner.network.layers.enumerated() {
            try write(layer: layer, index: l, totals: &totals, line: line)
        }
        return totals
    }

    static func write(layer: CrossbarLayer, index l: Int, totals: inout DeviceWearTotals,
                      line: (String) throws -> Void) throws {
        let siemensPerUnit = 1 / Double(layer.preset.electrical.onResistanceOhms)
        let sides = [("plus", layer.plus), ("minus", layer.minus)]
        for tile in NetworkWear.tiles(of: layer) {
            let (rows, cols) = layer.tileRanges(row: tile.row, col: tile.col)
            let prefix = "\(l),\(tile.row),\(tile.col),"
            for r in rows {
                for c in cols {
                    let i = r * layer.cols + c
                    for (name, p) in sides {
                        let set = p.setPulses[i], reset = p.resetPulses[i], wasted = p.wastedPulses(i)
                        let failed = p.status[i] != DeviceStatus.healthy.rawValue
                        let budget = p.budget(i)
                        let w = p.weight[i]
                        let g = Double(p.normalizedConductance(i, w: w)) * siemensPerUnit
                        totals.rows += 1
                        totals.setPulses &+= UInt64(set)
                        totals.resetPulses &+= UInt64(reset)
                        totals.wastedPulses &+= UInt64(wasted)
                        if failed { totals.failed += 1 }
                        try line(prefix + "\(r),\(c),\(name),\(set),\(reset),\(wasted),"
                            + (budget.isFinite ? "\(budget)" : "inf") + ",\(failed ? 1 : 0),\(w),\(g)")
                    }
                }
            }
        }
    }
}

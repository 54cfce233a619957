import Foundation
import GRDB

/// One row of `wearSnapshot`: the wear of one crossbar tile of one layer at one moment —
/// both devices (G⁺ and G⁻) of every synapse in the tile.
public struct WearSnapshotRecord: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "wearSnapshot"

    public var id: Int64?
    public var runId: Int64
    /// Samples processed when the snapshot was taken, samples.
    public var sample: Int
    /// Crossbar layer, from 0 (input side first).
    public var layer: Int
    /// Tile position in the layer's tile grid, from 0.
    public var tileRow: Int
    public var tileCol: Int
    /// Synapse rows and columns in this tile (edge tiles may be smaller).
    public var rows: Int
    public var cols: Int
    /// Devices in the tile: `2·rows·cols`.
    public var devices: Int
    /// Mean pulses (SET + RESET) per device, pulses.
    public var meanPulses: Double
    /// Most pulses any device of the tile received, pulses.
    public var maxPulses: Int
    /// Devices failed or stuck (from wear-out or from the start).
    public var failed: Int
    /// SET and RESET pulses summed over the tile's devices, pulses.
    public var setPulses: Int
    public var resetPulses: Int
    /// Pulses sent to already-failed devices, pulses.
    public var wastedPulses: Int
    /// Pulses-per-device histogram as JSON `{"edgesPulses":[e0,…,eB],"counts":[c0,…,cB-1]}`:
    /// bin `k` counts devices with `e_k ≤ pulses < e_{k+1}`, `e_0 = 0`, equal integer widths,
    /// `e_B > maxPulses`.
    public var histogramJSON: String
    /// Mean and largest fraction of the endurance budget used, pulses / budget (NULL when
    /// wear-out is off). Above 1 for a device that failed and kept receiving pulses.
    public var budgetUsedMean: Double?
    public var budgetUsedMax: Double?
    /// Pulses per synapse (G⁺ + G⁻) as little-endian UInt32, row-major `rows × cols` within
    /// the tile; written in the end-of-run snapshot only (NULL otherwise), for heat maps.
    public var pulseMapBlob: Data?

    public init(id: Int64? = nil, runId: Int64, sample: Int, layer: Int, tileRow: Int, tileCol: Int,
                rows: Int, cols: Int, devices: Int, meanPulses: Double, maxPulses: Int, failed: Int,
                setPulses: Int, resetPulses: Int, wastedPulses: Int, histogramJSON: String,
                budgetUsedMean: Double? = nil, budgetUsedMax: Double? = nil, pulseMapBlob: Data? = nil) {
        self.id = id
        self.runId = runId
        self.sample = sample
        self.layer = layer
        self.tileRow = tileRow
        self.tileCol = tileCol
        self.rows = rows
        self.cols = cols
        self.devices = devices
        self.meanPulses = meanPulses
        self.maxPulses = maxPulses
        self.failed = failed
        self.setPulses = setPulses
        self.resetPulses = resetPulses
        self.wastedPulses = wastedPulses
        self.histogramJSON = histogramJSON
        self.budgetUsedMean = budgetUsedMean
        self.budgetUsedMax = budgetUsedMax
        self.pulseMapBlob = pulseMapBlob
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let runId = Column(CodingKeys.runId)
        public static let sample = Column(CodingKeys.sample)
        public static let layer = Column(CodingKeys.layer)
    }
}

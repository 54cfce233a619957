import Foundation
import Reports
import Store

/// Wear per layer and tile from the newest `wearSnapshot` rows: the histogram of pulses per
/// device, mean and max, failed devices, SET/RESET/wasted totals, and — when the row holds
/// the end-of-run `pulseMapBlob` — the heat map of pulses per synapse.
enum SnapshotWear {
    /// The layers of `rows` (one snapshot), tiles in row-major order. `fallbackGrid` supplies
    /// a tile's heat map when its row has no pulse map (nil: none). `names` are the layers'
    /// display names when the run's network is known (nil: by count).
    static func layers(_ rows: [WearSnapshotRecord], runId: Int64, names known: [String]? = nil,
                       fallbackGrid: (Int, TileIndex) -> WearGrid?) throws -> [LayerWear] {
        let count = (rows.map(\.layer).max() ?? -1) + 1
        let names = known.flatMap { $0.count == count ? $0 : nil } ?? NetworkWear.layerNames(count)
        return try (0..<count).map { l in
            let tiles = try rows.filter { $0.layer == l }.map { row -> TileWear in
                let index = TileIndex(row: row.tileRow, col: row.tileCol)
                let grid = try row.pulseMapBlob.map { try pulseGrid($0, row: row, runId: runId) } ?? fallbackGrid(l, index)
                return TileWear(
                    index: index, devices: row.devices, histogram: try histogram(row, runId: runId),
                    meanPulsesPerDevice: row.meanPulses, maxPulsesPerDevice: Double(row.maxPulses),
                    failedDevices: row.failed, setPulses: Double(row.setPulses), resetPulses: Double(row.resetPulses),
                    wastedPulses: Double(row.wastedPulses), heatMap: grid)
            }
            return LayerWear(name: names[l], tiles: tiles)
        }
    }

    /// `{"counts":[…],"edgesPulses":[…]}` as a histogram.
    static func histogram(_ row: WearSnapshotRecord, runId: Int64) throws -> PulseHistogram {
        struct Stored: Decodable { var counts: [Int]; var edgesPulses: [Double] }
        guard let h = try? JSONDecoder().decode(Stored.self, from: Data(row.histogramJSON.utf8)),
              h.edgesPulses.count == h.counts.count + 1 else {
            throw ReportError.badRecord(runId: runId, what: "wear histogram of layer \(row.layer) tile \(row.tileRow),\(row.tileCol) does not decode")
        }
        return PulseHistogram(binEdges: h.edgesPulses, counts: h.counts)
    }

    /// The pulse map: little-endian UInt32 per synapse, row-major rows × cols.
    static func pulseGrid(_ blob: Data, row: WearSnapshotRecord, runId: Int64) throws -> WearGrid {
        let cells = row.rows * row.cols
        guard blob.count == 4 * cells else {
            throw ReportError.badRecord(runId: runId, what: "pulse map of layer \(row.layer) tile \(row.tileRow),\(row.tileCol) "
                + "has \(blob.count) bytes, expected \(4 * cells)")
        }
        let bytes = [UInt8](blob)
        let values = (0..<cells).map { k -> Double in
            let b = 4 * k
            return Double(UInt32(bytes[b]) | UInt32(bytes[b + 1]) << 8 | UInt32(bytes[b + 2]) << 16 | UInt32(bytes[b + 3]) << 24)
        }
        return WearGrid(quantity: .pulses, rows: row.rows, cols: row.cols, values: values)
    }
}

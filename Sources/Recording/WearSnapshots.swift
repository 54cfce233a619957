import CrossbarKit
import DeviceKit
import Foundation
import LineProtocol
import SpikingKit
import Store

/// Wear of every crossbar tile, as `wearSnapshot` rows: per layer and tile, the histogram
/// of pulses per device (both devices of each synapse), mean, max, failed count, SET/RESET
/// and wasted totals, and the fraction of endurance budget used.
///
/// Taken on the learning thread at every flush (one pass over the devices, about the work of
/// one sample), so a snapshot and the checkpoint of the same flush describe the same state.
enum WearSnapshots {
    /// Snapshots of every tile of every layer of `network` after `sample` samples.
    /// - Parameters:
    ///   - bins: histogram bins (RecordingConfig.histogramBins).
    ///   - pulseMap: also store each synapse's pulses (end-of-run snapshot).
    static func take(network: SpikingNetwork, runId: Int64, sample: Int, bins: Int, pulseMap: Bool) -> [WearSnapshotRecord] {
        var out: [WearSnapshotRecord] = []
        for (l, layer) in network.layers.enumerated() {
            for tileRow in 0..<layer.rowTiles {
                for tileCol in 0..<layer.colTiles {
                    let (rows, cols) = layer.tileRanges(row: tileRow, col: tileCol)
                    var r = tile(layer, rows: rows, cols: cols, bins: bins, pulseMap: pulseMap)
                    r.runId = runId
                    r.sample = sample
                    r.layer = l
                    r.tileRow = tileRow
                    r.tileCol = tileCol
                    out.append(r)
                }
            }
        }
        return out
    }

    /// One tile's statistics over both device populations.
    static func tile(_ layer: CrossbarLayer, rows: Range<Int>, cols: Range<Int>, bins: Int, pulseMap: Bool) -> WearSnapshotRecord {
        let pops = [layer.plus, layer.minus]
        var maxPulses: UInt64 = 0, total: UInt64 = 0, set: UInt64 = 0, reset: UInt64 = 0, wasted: UInt64 = 0
        var failed = 0
        var budgetSum = 0.0, budgetMax = 0.0
        let wearOut = layer.preset.endurance.isEnabled
        for p in pops {
            let sp = p.setPulses.pointer, rp = p.resetPulses.pointer, st = p.status.pointer
            for r in rows {
                for i in (r * layer.cols + cols.lowerBound)..<(r * layer.cols + cols.upperBound) {
                    let n = UInt64(sp[i]) &+ UInt64(rp[i])
                    maxPulses = max(maxPulses, n)
                    total &+= n
                    set &+= UInt64(sp[i])
                    reset &+= UInt64(rp[i])
                    if st[i] != DeviceStatus.healthy.rawValue { failed += 1; wasted &+= p.wastedPulses(i) }
                    if wearOut {
                        let u = Double(p.budgetUsed(i))
                        budgetSum += u
                        budgetMax = max(budgetMax, u)
                    }
                }
            }
        }
        let devices = 2 * rows.count * cols.count
        // Equal integer-width bins from 0, wide enough that the last edge exceeds the maximum.
        let width = max(1, (maxPulses + 1 + UInt64(bins) - 1) / UInt64(bins))
        var counts = [Int](repeating: 0, count: bins)
        var map = pulseMap ? [UInt8]() : nil
        map?.reserveCapacity(4 * rows.count * cols.count)
        for r in rows {
            for i in (r * layer.cols + cols.lowerBound)..<(r * layer.cols + cols.upperBound) {
                let a = layer.plus.pulses(i), b = layer.minus.pulses(i)
                counts[Int(a / width)] += 1
                counts[Int(b / width)] += 1
                if map != nil {
                    let v = UInt32(clamping: a &+ b).littleEndian
                    withUnsafeBytes(of: v) { map!.append(contentsOf: $0) }
                }
            }
        }
        let edges = (0...bins).map { UInt64($0) * width }
        let histogram = JSONValue.object([("counts", .array(counts.map { .numberText(String($0)) })),
                                          ("edgesPulses", .array(edges.map { .numberText(String($0)) }))]).serialized
        return WearSnapshotRecord(
            runId: 0, sample: 0, layer: 0, tileRow: 0, tileCol: 0, rows: rows.count, cols: cols.count,
            devices: devices, meanPulses: devices > 0 ? Double(total) / Double(devices) : 0,
            maxPulses: Int(clamping: maxPulses), failed: failed, setPulses: Int(clamping: set),
            resetPulses: Int(clamping: reset), wastedPulses: Int(clamping: wasted), histogramJSON: histogram,
            budgetUsedMean: wearOut && devices > 0 ? budgetSum / Double(devices) : nil,
            budgetUsedMax: wearOut ? budgetMax : nil, pulseMapBlob: map.map { Data($0) })
    }
}

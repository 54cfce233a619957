import CrossbarKit
import DeviceKit
import Foundation
import SpikingKit
import Store

/// The recorder's part of issue #18: the recent wear of every device (for the report's
/// projection from the last K windows, every run) and the lifetime controller's decisions
/// (runs with `learning.lifetime`).
extension Recorder {
    /// Regime of a tile under the controller, as the `lifetime` events name it.
    enum LifetimeRegime: String {
        case warmup, free, throttled, floor
    }

    /// Starts the recent-wear ring at the run's (or the resumed run's) current sample.
    func startRecentWear(_ network: SpikingNetwork, sample: Int) {
        let ring = RecentWear(network: network, windows: recording.recentWindows)
        ring.take(network, sample: sample)
        recentWear = ring
    }

    /// At the end of every accuracy window: a boundary of the recent-wear ring, and the
    /// controller's per-tile state with an event for every tile whose regime changed.
    func lifetimeWindowClosed(windowIndex: Int) {
        guard let network = learner?.network, let id = runIdValue else { return }
        recentWear?.take(network, sample: progress.sequence)
        guard let c = network.lifetime else { return }
        let active = c.isActive(samplesSeen: progress.sequence)
        if lifetimeRegimes.isEmpty { lifetimeRegimes = c.tileCounts.map { [String](repeating: "", count: $0) } }
        for (l, layer) in network.layers.enumerated() {
            for tr in 0..<layer.rowTiles {
                for tc in 0..<layer.colTiles {
                    let j = tr * layer.colTiles + tc
                    let s = c.scales[l][j], t = c.projectedSeconds[l][j]
                    lifetimeWindows.append(LifetimeWindowRecord(
                        runId: id, windowIndex: windowIndex, sample: progress.sequence, layer: l, tileRow: tr,
                        tileCol: tc, active: active, writeScale: s, projectedSeconds: t.isFinite ? t : nil,
                        horizonPulses: c.horizonPulses[l][j]))
                    let regime: LifetimeRegime = !active ? .warmup : s >= 1 ? .free
                        : s <= c.config.minScale ? .floor : .throttled
                    guard lifetimeRegimes[l][j] != regime.rawValue else { continue }
                    lifetimeRegimes[l][j] = regime.rawValue
                    events.append(EventRecord(runId: id, sample: progress.sequence, kind: .lifetime,
                                              detailJSON: EventRecord.detail([
                                                  "layer": .int(l), "tileRow": .int(tr), "tileCol": .int(tc),
                                                  "regime": .string(regime.rawValue), "writeScale": .double(s),
                                                  "projectedSeconds": .double(t),
                                              ])))
                }
            }
        }
    }

    /// Per tile, the pulses of each device since the oldest boundary of the ring (G⁺ of every
    /// synapse row-major, then G⁻), for the end-of-run flush.
    func recentWearRecords(_ network: SpikingNetwork, runId: Int64) -> [RecentWearRecord] {
        guard let ring = recentWear else { return [] }
        let h = ring.horizonSamples(now: progress.sequence)
        var out: [RecentWearRecord] = []
        for (l, layer) in network.layers.enumerated() {
            for tr in 0..<layer.rowTiles {
                for tc in 0..<layer.colTiles {
                    let (rows, cols) = layer.tileRanges(row: tr, col: tc)
                    var counts: [UInt32] = []
                    counts.reserveCapacity(2 * rows.count * cols.count)
                    for (side, p) in [layer.plus, layer.minus].enumerated() {
                        for r in rows {
                            for i in (r * layer.cols + cols.lowerBound)..<(r * layer.cols + cols.upperBound) {
                                let dn = ring.recentPulses(layer: l, side: side, device: i, now: p.pulses(i))
                                counts.append(UInt32(clamping: UInt64(dn)))
                            }
                        }
                    }
                    out.append(RecentWearRecord(runId: runId, sample: progress.sequence, layer: l, tileRow: tr,
                                                tileCol: tc, windows: ring.windows, horizonSamples: h,
                                                pulsesBlob: RecentWearRecord.blob(counts)))
                }
            }
        }
        return out
    }
}

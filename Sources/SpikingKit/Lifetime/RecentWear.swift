import CrossbarKit
import DeviceKit
import KitSupport

/// The pulse counters of every device of a network at the last K + 1 window boundaries: what
/// "recent wear" is measured against (the pulses of the last K windows, ``LifetimeLaw``).
///
/// Memory: (K + 1) × devices × 4 bytes (counters are kept as `UInt32`, saturating). A boundary
/// is taken with ``take(_:sample:)``; the horizon then runs from the oldest kept boundary (K
/// windows back, or the first one) to now.
public final class RecentWear: @unchecked Sendable {
    // Safety: owned by one learner (or one recorder) and used only from its thread.
    /// K, windows in the horizon.
    public let windows: Int
    /// slots[k][2·layer + side]: counters at boundary k (side 0 = G⁺, 1 = G⁻).
    let slots: [[Buffer<UInt32>]]
    /// Samples processed at each slot's boundary.
    let slotSamples: Buffer<Int>
    /// Index of the newest slot, and how many slots hold a boundary.
    private(set) var newest = -1
    private(set) var filled = 0

    public init(network: SpikingNetwork, windows: Int) {
        precondition(windows >= 1)
        self.windows = windows
        slots = (0...windows).map { _ in
            network.layers.flatMap { [Buffer<UInt32>(repeating: 0, count: $0.plus.count),
                                      Buffer<UInt32>(repeating: 0, count: $0.minus.count)] }
        }
        slotSamples = Buffer(repeating: 0, count: windows + 1)
    }

    /// Records the counters of `network` as the boundary at `sample` samples.
    public func take(_ network: SpikingNetwork, sample: Int) {
        newest = (newest + 1) % slots.count
        filled = min(filled + 1, slots.count)
        slotSamples[newest] = sample
        for (l, layer) in network.layers.enumerated() {
            for (side, p) in [layer.plus, layer.minus].enumerated() {
                let dst = slots[newest][2 * l + side].pointer
                let sp = p.setPulses.pointer, rp = p.resetPulses.pointer
                for i in 0..<p.count { dst[i] = UInt32(clamping: sp[i] &+ rp[i]) }
            }
        }
    }

    /// The oldest kept boundary (nil before the first ``take(_:sample:)``).
    var oldest: Int? { filled == 0 ? nil : (newest - filled + 1 + slots.count) % slots.count }

    /// Samples from the oldest kept boundary to `now` (0 before the first boundary).
    public func horizonSamples(now: Int) -> Int { oldest.map { now - slotSamples[$0] } ?? 0 }

    /// Pulses device `i` of layer `l`, side `side` (0 = G⁺, 1 = G⁻) received since the oldest
    /// kept boundary, given its pulses now.
    @inline(__always)
    public func recentPulses(layer l: Int, side: Int, device i: Int, now: UInt64) -> Double {
        guard let o = oldest else { return 0 }
        let then = UInt64(slots[o][2 * l + side][i])
        return now >= then ? Double(now - then) : 0
    }

    /// Samples until `fraction` of the devices of tile (`tileRow`, `tileCol`) of layer `l`
    /// have failed at their recent rates (S_f of ``LifetimeLaw``), and the tile's pulses over
    /// the horizon. `scratch` is reused between calls.
    public func tileProjection(_ network: SpikingNetwork, layer l: Int, tileRow: Int, tileCol: Int,
                               fraction: Double, now: Int, scratch: inout [Double]) -> (samples: Double, pulses: Double) {
        let layer = network.layers[l]
        let (rows, cols) = layer.tileRanges(row: tileRow, col: tileCol)
        let h = Double(horizonSamples(now: now))
        scratch.removeAll(keepingCapacity: true)
        var total = 0.0
        for (side, p) in [layer.plus, layer.minus].enumerated() {
            let status = p.status.pointer
            for r in rows {
                for i in (r * layer.cols + cols.lowerBound)..<(r * layer.cols + cols.upperBound) {
                    let n = p.pulses(i)
                    let dn = recentPulses(layer: l, side: side, device: i, now: n)
                    total += dn
                    scratch.append(LifetimeLaw.samplesToFailure(
                        pulses: Double(n), recentPulses: dn, horizonSamples: h, budget: Double(p.budget(i)),
                        failed: status[i] != DeviceStatus.healthy.rawValue))
                }
            }
        }
        let k = LifetimeLaw.rank(fraction: fraction, devices: scratch.count)
        return (LifetimeLaw.kthSmallest(&scratch, k), total)
    }

    func writeState(to w: inout StateWriter) {
        w.write(newest)
        w.write(filled)
        w.write(slotSamples)
        for slot in slots { for b in slot { w.write(b) } }
    }

    func readState(from r: inout StateReader) throws {
        newest = try r.readInt()
        filled = try r.readInt()
        try r.read(into: slotSamples, "recent wear")
        for slot in slots { for b in slot { try r.read(into: b, "recent wear") } }
    }
}

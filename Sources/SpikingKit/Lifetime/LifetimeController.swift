import CrossbarKit
import DeviceKit
import KitSupport

/// The lifetime controller of `learning.lifetime` (issue #18): per crossbar tile, a write
/// scale s_j that the controller lowers while the tile's projected lifetime from recent wear
/// is below its target and raises again when it is above (the law: ``LifetimeLaw``).
///
/// Once per control window (`everySamples` samples) it takes the network's pulse counters as
/// a window boundary, projects every tile (T_f from the last K windows) and, after the
/// warm-up, updates s_j. Every learned update of the tile is multiplied by s_j before the
/// write path (``scale(layer:delta:counts:)``): one multiply per entry of a throttled tile,
/// counted as an update scaling. Its state (scales, projections, the boundary ring) is part
/// of the learner's checkpoint.
public final class LifetimeController: @unchecked Sendable {
    // Safety: owned by one learner and touched only from its process() call, like the network.
    public let config: LifetimeConfig
    public let recent: RecentWear
    /// Tiles per layer (rowTiles·colTiles), tile (r, c) at index r·colTiles + c.
    public let tileCounts: [Int]
    /// s_j per layer and tile, in [minScale, 1].
    public let scales: [Buffer<Double>]
    /// T_f,j at the last control step, seconds at `samplesPerSecond` (∞: no recent pulse).
    public let projectedSeconds: [Buffer<Double>]
    /// Pulses of each tile over the horizon at the last control step.
    public let horizonPulses: [Buffer<Double>]
    /// Control steps taken; samples at the last one.
    public private(set) var steps = 0
    public private(set) var lastStepSample = 0
    var scratch: [Double] = []

    public init(config: LifetimeConfig, network: SpikingNetwork) {
        self.config = config
        recent = RecentWear(network: network, windows: config.horizonWindows)
        tileCounts = network.layers.map { $0.rowTiles * $0.colTiles }
        scales = tileCounts.map { Buffer(repeating: 1, count: $0) }
        projectedSeconds = tileCounts.map { Buffer(repeating: .infinity, count: $0) }
        horizonPulses = tileCounts.map { Buffer(repeating: 0, count: $0) }
        recent.take(network, sample: 0)
    }

    /// Whether the controller acts (past the warm-up) at `samplesSeen`.
    public func isActive(samplesSeen: Int) -> Bool { samplesSeen > config.warmupSamples }

    /// Called after every processed sample: takes a control step at each window boundary.
    public func afterSample(_ network: SpikingNetwork, samplesSeen: Int) {
        guard samplesSeen % config.everySamples == 0, samplesSeen > lastStepSample else { return }
        step(network, samplesSeen: samplesSeen)
    }

    /// One control step: boundary, projection, and (after the warm-up) the new scales.
    public func step(_ network: SpikingNetwork, samplesSeen: Int) {
        recent.take(network, sample: samplesSeen)
        let target = config.margin * config.targetSeconds
        let active = isActive(samplesSeen: samplesSeen)
        for (l, layer) in network.layers.enumerated() {
            for tr in 0..<layer.rowTiles {
                for tc in 0..<layer.colTiles {
                    let j = tr * layer.colTiles + tc
                    let p = recent.tileProjection(network, layer: l, tileRow: tr, tileCol: tc,
                                                  fraction: config.failedFraction, now: samplesSeen, scratch: &scratch)
                    let seconds = p.samples / config.samplesPerSecond
                    projectedSeconds[l][j] = seconds
                    horizonPulses[l][j] = p.pulses
                    guard active else { continue }
                    scales[l][j] = LifetimeLaw.nextScale(scales[l][j], projectedSeconds: seconds, targetSeconds: target,
                                                         gain: config.gain, maxIncrease: config.maxIncrease,
                                                         minScale: config.minScale)
                }
            }
        }
        steps += 1
        lastStepSample = samplesSeen
    }

    /// Multiplies the desired change of layer `l` (row-major rows·cols) tile by tile by s_j.
    @inline(__always)
    public func scale(layer l: Int, of layer: CrossbarLayer, delta: UnsafeMutablePointer<Float>,
                      counts: inout OperationCounts) {
        let s = scales[l].pointer
        for tr in 0..<layer.rowTiles {
            for tc in 0..<layer.colTiles {
                let f = s[tr * layer.colTiles + tc]
                guard f != 1 else { continue }
                let x = Float(f)
                let (rows, cols) = layer.tileRanges(row: tr, col: tc)
                for r in rows {
                    let base = r * layer.cols
                    for i in (base + cols.lowerBound)..<(base + cols.upperBound) { delta[i] *= x }
                }
                counts.updateScalings += Double(rows.count * cols.count)
            }
        }
    }

    func writeState(to w: inout StateWriter) {
        w.tag("lifetime-v1")
        w.write(steps)
        w.write(lastStepSample)
        for l in scales.indices { w.write(scales[l]); w.write(projectedSeconds[l]); w.write(horizonPulses[l]) }
        recent.writeState(to: &w)
    }

    func readState(from r: inout StateReader) throws {
        try r.expectTag("lifetime-v1")
        steps = try r.readInt()
        lastStepSample = try r.readInt()
        for l in scales.indices {
            try r.read(into: scales[l], "lifetime scales")
            try r.read(into: projectedSeconds[l], "lifetime projections")
            try r.read(into: horizonPulses[l], "lifetime pulses")
        }
        try recent.readState(from: &r)
    }
}

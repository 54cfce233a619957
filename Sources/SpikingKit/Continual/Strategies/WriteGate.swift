import CrossbarKit
import DeviceKit
import KitSupport

/// Metaplastic write gating from per-synapse importance (the `metaplasticity` strategy).
///
/// Importance is an SI-style path integral (Zenke et al. 2017) over the *desired* updates,
/// which the learner knows exactly without reading the devices back: for each learned sample,
/// with `Δ_i = −η·g_i` the desired change of synapse i,
/// ```
/// running      ω_i ← ω_i + Δ_i²/η            (= −g_i·Δ_i, SI's path integral term)
/// consolidate  Ω_i ← Ω_i + ω_i,  ω_i ← 0      (at a task change, or every N samples)
/// gate         Ω̂_i = Ω_i / mean_layer(Ω)
///              s_i = 0               if freezeAbove > 0 and Ω̂_i ≥ freezeAbove   (frozen: no pulse)
///              s_i = 1/(1 + m·Ω̂_i)   otherwise
/// write        Δ_i ← s_i·Δ_i          before the write path turns Δ into pulses
/// ```
/// Scaling Δ by s_i is, under the `accumulate` scheme, the same as raising that synapse's write
/// threshold ε to ε/s_i (χ fills s_i times slower), the metaplastic rule of Laborieux et al.
/// 2021 (Nat. Commun. 12:2549), which attenuates changes to consolidated weights. Fewer
/// threshold crossings are fewer pulses and less wear. Before the first consolidation every
/// s_i is 1 (nothing is protected yet).
///
/// Memory: ω and Ω, one 32-bit value each per synapse, in digital SRAM beside the χ
/// accumulators (``memoryBytes``); per learned sample one multiply-add per synapse for ω and
/// one multiply for the gate, counted as learning MACs and update scalings.
public final class WriteGate {
    // Safety: owned by one learner and touched only from its process() call, like the network.
    public let metaplasticity: Float
    public let freezeAbove: Float
    /// Per layer (crossbar layer order): whether the gate applies.
    public let gated: [Bool]
    /// ω_i, running importance per layer.
    public let running: [Buffer<Float>]
    /// Ω_i, consolidated importance per layer.
    public let consolidated: [Buffer<Float>]
    /// s_i, the write scale per layer (1 until the first consolidation).
    public let scale: [Buffer<Float>]
    /// Consolidations so far.
    public private(set) var consolidations = 0

    public init(layerSizes: [Int], gated: [Bool], metaplasticity: Float, freezeAbove: Float) {
        precondition(layerSizes.count == gated.count)
        self.metaplasticity = metaplasticity
        self.freezeAbove = freezeAbove
        self.gated = gated
        running = layerSizes.map { Buffer(repeating: 0, count: $0) }
        consolidated = layerSizes.map { Buffer(repeating: 0, count: $0) }
        scale = layerSizes.map { Buffer(repeating: 1, count: $0) }
    }

    /// Bytes of importance memory (ω and Ω, 4 bytes each, gated layers only).
    public var memoryBytes: Int { zip(running, gated).reduce(0) { $0 + ($1.1 ? $1.0.count * 8 : 0) } }

    /// Accumulates ω from the desired change `delta` of layer `l` (network units, `−η·g`),
    /// then scales `delta` by the gate. `rate` is that layer's η (0: nothing accumulates).
    @inline(__always)
    public func apply(layer l: Int, delta: UnsafeMutablePointer<Float>, rate: Float, counts: inout OperationCounts) {
        guard gated[l] else { return }
        let n = running[l].count
        let w = running[l].pointer, s = scale[l].pointer
        let inv = rate > 0 ? 1 / rate : 0
        for i in 0..<n {
            let d = delta[i]
            w[i] += d * d * inv
            delta[i] = d * s[i]
        }
        counts.learningMacs += Double(n)
        counts.updateScalings += Double(n)
    }

    /// Folds ω into Ω, clears ω and recomputes every gate scale.
    public func consolidate() {
        consolidations += 1
        for l in 0..<running.count where gated[l] {
            let n = running[l].count
            let w = running[l].pointer, big = consolidated[l].pointer, s = scale[l].pointer
            var total: Double = 0
            for i in 0..<n { big[i] += w[i]; w[i] = 0; total += Double(big[i]) }
            let mean = Float(total / Double(max(n, 1)))
            guard mean > 0 else { continue }
            let invMean = 1 / mean
            for i in 0..<n {
                let relative = big[i] * invMean
                s[i] = freezeAbove > 0 && relative >= freezeAbove ? 0 : 1 / (1 + metaplasticity * relative)
            }
        }
    }

    /// Synapses whose writes are dropped (s = 0), all layers.
    public var frozenSynapses: Int {
        scale.reduce(0) { acc, b in acc + (0..<b.count).reduce(0) { $0 + (b[$1] == 0 ? 1 : 0) } }
    }

    func writeState(to w: inout StateWriter) {
        w.write(consolidations)
        for l in 0..<running.count { w.write(running[l]); w.write(consolidated[l]); w.write(scale[l]) }
    }

    func readState(from r: inout StateReader) throws {
        consolidations = try r.readInt()
        for l in 0..<running.count {
            try r.read(into: running[l], "importance")
            try r.read(into: consolidated[l], "importance")
            try r.read(into: scale[l], "write gate")
        }
    }
}

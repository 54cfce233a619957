import CrossbarKit
import DeviceKit
import KitSupport

extension SpikingNetwork {
    /// Writes the accumulated gradients as `ΔW = −η·G` through every crossbar layer's write
    /// path (pulse scheme, pair policy, device pulse law), in ``layers`` order: hidden input
    /// and recurrent crossbars with η = `learningRate`, the readout with `readoutLearningRate`.
    /// The gradient buffers are consumed. Hidden layers with η = 0 are fixed: nothing is
    /// written (nor priced) there.
    public func commit(counts: inout OperationCounts, timeSeconds: Float, random: inout NetworkRandom) {
        let last = layers.count - 1
        for (i, layer) in layers.enumerated() {
            let rate = i == last ? learning.readoutLearningRate : learning.learningRate
            if rate == 0 && i != last { continue }
            let g = gradientBuffers[i]
            scale(g, by: -rate)
            if let gate = writeGate { gate.apply(layer: i, delta: g.pointer, rate: rate, counts: &counts) }
            layer.applyUpdate(g.pointer, timeSeconds: timeSeconds, rng: &random.writeNoise,
                              roundingRNG: &random.rounding, counts: &counts)
        }
    }

    func scale(_ b: Buffer<Float>, by s: Float) {
        let p = b.pointer
        for i in 0..<b.count { p[i] *= s }
    }
}

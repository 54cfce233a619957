import CrossbarKit
import DeviceKit
import KitSupport

extension SpikingNetwork {
    /// Writes the accumulated gradients as `ΔW = −η·G` through every layer's write path
    /// (pulse scheme, pair policy, device pulse law). The gradient buffers are consumed.
    public func commit(counts: inout OperationCounts, timeSeconds: Float, random: inout NetworkRandom) {
        for l in 0..<hidden.count {
            let g = hidden[l].gradient
            scale(g, by: -learning.learningRate)
            layers[l].applyUpdate(g.pointer, timeSeconds: timeSeconds, rng: &random.writeNoise,
                                  roundingRNG: &random.rounding, counts: &counts)
        }
        let g = readout.gradient
        scale(g, by: -learning.readoutLearningRate)
        layers[layers.count - 1].applyUpdate(g.pointer, timeSeconds: timeSeconds, rng: &random.writeNoise,
                                             roundingRNG: &random.rounding, counts: &counts)
    }

    func scale(_ b: Buffer<Float>, by s: Float) {
        let p = b.pointer
        for i in 0..<b.count { p[i] *= s }
    }
}

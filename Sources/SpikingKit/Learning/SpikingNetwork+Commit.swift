import CrossbarKit
import DeviceKit
import KitSupport

extension SpikingNetwork {
    /// Writes the accumulated gradients as `ΔW = −η_l·G` (η_l after fan-in scaling, ``learningRates``) through every layer's write path
    /// (pulse scheme, pair policy, device pulse law). The gradient buffers are consumed.
    public func commit(counts: inout OperationCounts, timeSeconds: Float, random: inout NetworkRandom) {
        for l in 0..<hidden.count {
            if l == 0 && staticGradientPending && layers[0].foldsOuterProducts {
                // The factored static gradient goes straight into χ (exactly as if formed).
                staticGradientPending = false
                layers[0].applyOuterUpdate(rowFactor: input.pointer, columnFactor: hidden[0].signalSum.pointer,
                                           scale: -learningRates[0], timeSeconds: timeSeconds,
                                           rng: &random.writeNoise, roundingRNG: &random.rounding, counts: &counts)
                continue
            }
            if l == 0 { formStaticGradient() }
            let g = hidden[l].gradient
            scale(g, by: -learningRates[l])
            layers[l].applyUpdate(g.pointer, timeSeconds: timeSeconds, rng: &random.writeNoise,
                                  roundingRNG: &random.rounding, counts: &counts)
        }
        let g = readout.gradient
        scale(g, by: -learningRates[layers.count - 1])
        layers[layers.count - 1].applyUpdate(g.pointer, timeSeconds: timeSeconds, rng: &random.writeNoise,
                                             roundingRNG: &random.rounding, counts: &counts)
    }

    func scale(_ b: Buffer<Float>, by s: Float) {
        let p = b.pointer
        for i in 0..<b.count { p[i] *= s }
    }
}

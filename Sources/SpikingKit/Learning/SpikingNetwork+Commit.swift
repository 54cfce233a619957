import CrossbarKit
import DeviceKit
import KitSupport

extension SpikingNetwork {
    /// Writes the accumulated gradients as `ΔW = −η_l·G` through every crossbar layer's write
    /// path (pulse scheme, pair policy, device pulse law), in ``layers`` order, η_l after
    /// fan-in scaling (``learningRates``): hidden input and recurrent crossbars from
    /// `learningRate`, the readout from `readoutLearningRate`. The gradient buffers are
    /// consumed. Hidden layers with η = 0 are fixed: nothing is written (nor priced) there.
    /// The first layer's factored static gradient goes straight into χ when the layer folds
    /// outer products and no write gate needs the formed change (bit for bit the formed
    /// path); the lifetime controller's tile scales are multiplied in by the fold itself.
    public func commit(counts: inout OperationCounts, timeSeconds: Float, random: inout NetworkRandom) {
        let last = layers.count - 1
        let first = inputCrossbar.first ?? last
        for (i, layer) in layers.enumerated() {
            let rate = learningRates[i]
            if rate == 0 && i != last {
                if i == first { staticGradientPending = false }
                continue
            }
            if i == first && staticGradientPending && layer.foldsOuterProducts && writeGate == nil {
                staticGradientPending = false
                var tileScales: UnsafePointer<Double>?
                if let lifetime {
                    tileScales = UnsafePointer(lifetime.scales[i].pointer)
                    lifetime.countScalings(layer: i, of: layer, counts: &counts)
                }
                layer.applyOuterUpdate(rowFactor: input.pointer, columnFactor: hidden[0].signalSum.pointer,
                                       scale: -rate, tileScales: tileScales, timeSeconds: timeSeconds,
                                       rng: &random.writeNoise, roundingRNG: &random.rounding, counts: &counts)
                continue
            }
            if i == first { formStaticGradient() }
            let g = gradientBuffers[i]
            scale(g, by: -rate)
            if let gate = writeGate { gate.apply(layer: i, delta: g.pointer, rate: rate, counts: &counts) }
            lifetime?.scale(layer: i, of: layer, delta: g.pointer, counts: &counts)
            layer.applyUpdate(g.pointer, timeSeconds: timeSeconds, rng: &random.writeNoise,
                              roundingRNG: &random.rounding, counts: &counts)
        }
    }

    func scale(_ b: Buffer<Float>, by s: Float) {
        let p = b.pointer
        for i in 0..<b.count { p[i] *= s }
    }
}

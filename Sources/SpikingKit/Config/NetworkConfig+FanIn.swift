/// Fan-in scaling (issue #13): one default configuration for every network size.
///
/// The weight ranges and learning rates of the configuration hold as given for a layer of
/// the reference fan-in `F_ref` (``NetworkConfig/referenceFanIns``: the digits network's 64
/// inputs and 128 hidden neurons); a layer with fan-in `F` uses
/// ```
/// maxWeight_l = maxWeights_l·√(F_ref/F)                   (the initial spread gain/√F scales alike)
/// η_l         = learningRate·F_ref/F                        (a hidden layer's input crossbar)
/// η_out       = readoutLearningRate·(F_ref/F)·min(1, F_ref/F)  (the readout: (F_ref/F)² when wider)
/// ```
/// so the pre-activation a layer's inputs drive, `Σ_j w_ij·x_j` (a sum of F terms), keeps its
/// spread, the device window keeps its place relative to the weights it holds (the same
/// number of device steps per initial standard deviation), and one update of a hidden layer
/// moves its pre-activation by the same amount (`Δa = η·|x|²·δ` with `|x|² ∝ F`).
/// A readout wider than the reference falls one power of `F_ref/F` faster *[measured, not
/// derived]*: with `η ∝ 1/F` alone the 512-wide readout of 784-512-10 Fashion-MNIST learnt
/// too fast (test accuracy 0.779 → 0.794 → 0.802 with ½ and ¼ of that rate on a tuning
/// slice; README "Chip-sized arrays"); the extra ¼ is 128/512 once more. Our reading: the
/// readout's input power `|z̄|²` grows with F and with the hidden firing rate, which `1/F`
/// does not see. A narrower readout keeps `F_ref/F`, as before (no measurement says otherwise).
/// With `fanInScaling: false` every layer takes the values as given. The digits network is
/// the reference, so its results do not change (every factor is exactly 1).
extension NetworkConfig {
    /// The reference fan-in of crossbar layer `l` (the last entry repeats).
    public func referenceFanIn(layer l: Int) -> Int {
        referenceFanIns.count > l ? referenceFanIns[l] : referenceFanIns.last ?? 1
    }

    /// `F_ref/F` of crossbar layer `l` (1 when scaling is off or the fan-in is unknown), with
    /// `F = layers[l]` (the bias row, when enabled, does not count).
    public func fanInRatio(layer l: Int) -> Float {
        guard fanInScaling, l < layers.count, layers[l] > 0 else { return 1 }
        return Float(referenceFanIn(layer: l)) / Float(layers[l])
    }

    /// The factor on `readoutLearningRate` of the readout, crossbar layer `l`:
    /// `(F_ref/F)·min(1, F_ref/F)`, `(F_ref/F)²` for a readout wider than the reference.
    public func readoutRateRatio(layer l: Int) -> Float {
        let r = fanInRatio(layer: l)
        return r * min(1, r)
    }

    /// The weight range of crossbar layer `l` after fan-in scaling, network units.
    public func scaledMaxWeight(layer l: Int) -> Float {
        maxWeight(layer: l) * fanInRatio(layer: l).squareRoot()
    }
}

extension SpikingNetwork {
    /// η of every crossbar layer in ``layers`` order: each hidden layer's input crossbar
    /// `learningRate·F_ref/F`, the readout `readoutLearningRate·(F_ref/F)²`; recurrent crossbars
    /// keep `learningRate` as given *[our choice]*: their fan-in is the layer's own size and
    /// their weight range stays `maxWeights` unscaled, as on the recurrent layers' own tuning.
    static func learningRates(config: NetworkConfig, learning: LearningConfig, inputCrossbar: [Int],
                              crossbars: Int) -> [Float] {
        var rates = [Float](repeating: learning.learningRate, count: crossbars)
        for (l, i) in inputCrossbar.enumerated() { rates[i] = learning.learningRate * config.fanInRatio(layer: l) }
        rates[crossbars - 1] = learning.readoutLearningRate * config.readoutRateRatio(layer: inputCrossbar.count)
        return rates
    }
}

/// Fan-in scaling (issue #13): one default configuration for every network size.
///
/// The weight ranges and learning rates of the configuration hold as given for a layer of
/// the reference fan-in `F_ref` (``NetworkConfig/referenceFanIns``: the digits network's 64
/// inputs and 128 hidden neurons); a layer with fan-in `F` uses
/// ```
/// maxWeight_l = maxWeights_l·√(F_ref/F)       (the initial weights' spread, gain/√F, scales alike)
/// η_l         = η·F_ref/F                      (learningRate, or readoutLearningRate for the readout)
/// ```
/// so the pre-activation a layer's inputs drive, `Σ_j w_ij·x_j` (a sum of F terms), keeps its
/// spread, the device window keeps its place relative to the weights it holds (the same
/// number of device steps per initial standard deviation), and one update moves the
/// pre-activation by the same amount (`Δa = η·|x|²·δ` with `|x|² ∝ F`). With
/// `fanInScaling: false` every layer takes the values as given. The digits network is the
/// reference, so its results do not change (every factor is exactly 1).
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

    /// The weight range of crossbar layer `l` after fan-in scaling, network units.
    public func scaledMaxWeight(layer l: Int) -> Float {
        maxWeight(layer: l) * fanInRatio(layer: l).squareRoot()
    }
}

extension SpikingNetwork {
    /// η of every crossbar layer in ``layers`` order: each hidden layer's input crossbar
    /// `learningRate·F_ref/F`, the readout `readoutLearningRate·F_ref/F`; recurrent crossbars
    /// keep `learningRate` as given *[our choice]*: their fan-in is the layer's own size and
    /// their weight range stays `maxWeights` unscaled, as on the recurrent layers' own tuning.
    static func learningRates(config: NetworkConfig, learning: LearningConfig, inputCrossbar: [Int],
                              crossbars: Int) -> [Float] {
        var rates = [Float](repeating: learning.learningRate, count: crossbars)
        for (l, i) in inputCrossbar.enumerated() { rates[i] = learning.learningRate * config.fanInRatio(layer: l) }
        rates[crossbars - 1] = learning.readoutLearningRate * config.fanInRatio(layer: inputCrossbar.count)
        return rates
    }
}

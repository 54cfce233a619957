import CrossbarKit
import DeviceKit
import KitSupport

extension SpikingNetwork {
    /// The windowed readout (``ReadoutMode/mean``, ``ReadoutMode/last``): at the end of the
    /// window, each readout input line's spike rate is standardised and the readout crossbar
    /// is read once with these graded values (DAC rows):
    /// ```
    /// r_j = n_j/count                      spike rate of line j over the window
    /// x_j = (r_j − μ_j)/σ_j                readoutStandardize (μ, σ: running mean and sd of r_j
    ///                                      over the training samples so far; σ_j ≤ 10⁻⁶ → x_j = 0)
    /// x_j = r_j                            readoutStandardize off; the bias line always gives 1
    /// ȳ_k = Σ_j w_kj·x_j                   one graded read, prediction argmax ȳ
    /// ```
    /// With fixed random hidden neurons these rates are the spiking counterpart of ROCKET's
    /// "proportion of positive values" features, and the readout is online logistic
    /// regression on them. Spike rates are all positive, share a large common mode and differ
    /// in spread by orders of magnitude; standardising them (as ROCKET's linear classifiers
    /// do) is what lets the online readout learn in a few passes (docs: README "Temporal
    /// defaults"). Cost: one counter add per line and step (``accumulateWindow``), a subtract
    /// and multiply per line, and one read of the readout crossbar per sample instead of one
    /// per step.
    func windowScores(count: Int, random: inout NetworkRandom, counts: inout OperationCounts) {
        let rows = readout.inputRows
        let inv = 1 / Float(max(count, 1))
        let n = readout.inputTraceSum.pointer, x = readout.features.pointer
        let mu = readout.featureMean.pointer, invSigma = readout.invSigma.pointer
        let standardize = config.readoutStandardize && readout.featureSamples > 1
        let biasRow = config.bias ? rows - 1 : rows
        for r in 0..<rows {
            let rate = n[r] * inv
            x[r] = r == biasRow ? 1 : standardize ? (rate - mu[r]) * invSigma[r] : rate
        }
        counts.traceUpdates += Double(rows)
        let out = layers[layers.count - 1]
        let charge = out.accumulate(UnsafePointer(x), graded: true)
        let conversions = out.convert(into: probabilities.pointer, rng: &random.readNoise)
        counts.charge(charge, conversions: conversions, colTiles: out.colTiles)
        counts.neuronUpdates += Double(classes)
    }

    /// Folds this sample's rates into the running mean and variance (Welford) of each line,
    /// and refreshes `1/σ_j`. Called only when learning (label-free, after the prediction).
    func updateFeatureStatistics(count: Int, counts: inout OperationCounts) {
        guard config.readoutStandardize else { return }
        let rows = readout.inputRows
        let inv = 1 / Float(max(count, 1))
        let n = readout.inputTraceSum.pointer
        let mu = readout.featureMean.pointer, m2 = readout.featureM2.pointer, invSigma = readout.invSigma.pointer
        readout.featureSamples += 1
        let samples = Float(readout.featureSamples)
        for r in 0..<rows {
            let rate = n[r] * inv
            let d = rate - mu[r]
            mu[r] += d / samples
            m2[r] += d * (rate - mu[r])
            let sigma = (m2[r] / samples).squareRoot()
            invSigma[r] = sigma > 1e-6 ? 1 / sigma : 0
        }
        counts.traceUpdates += Double(3 * rows)
    }
}

extension Readout {
    /// Writes the feature statistics (count, μ, M2) into a checkpoint.
    public func writeFeatureStatistics(to w: inout StateWriter) {
        w.tag("readout-features")
        w.write(featureSamples)
        w.write(featureMean)
        w.write(featureM2)
        w.write(invSigma)
    }

    /// Restores ``writeFeatureStatistics(to:)``.
    public func readFeatureStatistics(from r: inout StateReader) throws {
        try r.expectTag("readout-features")
        featureSamples = try r.readInt()
        try r.read(into: featureMean, "readout feature means")
        try r.read(into: featureM2, "readout feature variances")
        try r.read(into: invSigma, "readout feature scales")
    }
}

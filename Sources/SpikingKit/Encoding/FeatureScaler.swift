import DeviceKit
import KitSupport

/// Scales raw feature values (DESIGN §2.3). Running statistics are per feature (static
/// samples) or per channel (temporal samples, when `scalePerChannel`), updated from each
/// sample before it is encoded — label-free, so test-then-train stays honest — and frozen
/// while learning is off. Its state is part of a checkpoint.
public final class FeatureScaler {
    public let config: EncoderConfig
    public let width: Int
    /// Running count, mean, M2 (Welford), min and max per slot.
    let count: Buffer<Double>
    let mean: Buffer<Double>
    let m2: Buffer<Double>
    let minimum: Buffer<Float>
    let maximum: Buffer<Float>

    public init(config: EncoderConfig, width: Int) {
        self.config = config
        self.width = width
        count = Buffer(repeating: 0, count: width)
        mean = Buffer(repeating: 0, count: width)
        m2 = Buffer(repeating: 0, count: width)
        minimum = Buffer(repeating: .infinity, count: width)
        maximum = Buffer(repeating: -.infinity, count: width)
    }

    /// Folds one observation of slot `i` into the running statistics.
    @inline(__always)
    public func observe(_ i: Int, _ x: Float) {
        let n = count.pointer[i] + 1
        count.pointer[i] = n
        let d = Double(x) - mean.pointer[i]
        mean.pointer[i] += d / n
        m2.pointer[i] += d * (Double(x) - mean.pointer[i])
        if x < minimum.pointer[i] { minimum.pointer[i] = x }
        if x > maximum.pointer[i] { maximum.pointer[i] = x }
    }

    /// The scaled value of `x` in slot `i`: scaling law, then gain, then optional clip.
    @inline(__always)
    public func scale(_ i: Int, _ x: Float) -> Float {
        var v: Float
        switch config.scaling {
        case .none:
            v = x
        case .fixedRange:
            v = (x - config.rangeMin) / (config.rangeMax - config.rangeMin)
        case .runningMinMax:
            let lo = minimum.pointer[i], hi = maximum.pointer[i]
            v = hi > lo ? (x - lo) / (hi - lo) : 0
        case .series:
            // Scaled per sample by InputEncoder.scaleSeries; a single value has no series.
            v = 0
        case .runningZScore:
            let n = count.pointer[i]
            let variance = n > 1 ? m2.pointer[i] / n : 0
            v = variance > 1e-12 ? Float((Double(x) - mean.pointer[i]) / variance.squareRoot()) : 0
        }
        v *= config.gain
        if config.clip > 0 { v = min(max(v, -config.clip), config.clip) }
        return v
    }

    public func writeState(to w: inout StateWriter) {
        w.tag("scaler")
        w.write(count); w.write(mean); w.write(m2); w.write(minimum); w.write(maximum)
    }

    public func readState(from r: inout StateReader) throws {
        try r.expectTag("scaler")
        try r.read(into: count, "scaler counts"); try r.read(into: mean, "scaler means")
        try r.read(into: m2, "scaler variances"); try r.read(into: minimum, "scaler minima")
        try r.read(into: maximum, "scaler maxima")
    }
}

import RealModule

/// The two constants of one direction of one device's NeuroSim curve, fixed once its A is
/// drawn: the normalization `1 − e^(−Pmax/A)` of `B = R/(1 − e^(−Pmax/A))` and the one-pulse
/// factor `1 − e^(−1/A)` (LTP) or `1 − e^(1/A)` (LTD). See ``NeuroSimParameters`` for the law.
public struct NeuroSimCurve: Equatable, Sendable, BitwiseCopyable {
    public var normalization: Float
    public var factor: Float

    /// A placeholder (both constants zero), for buffers filled afterwards.
    public init() {
        normalization = 0
        factor = 0
    }

    public init(a: Float, pulsesMax: Int, up: Bool) {
        normalization = 1 - Float.exp(-Float(pulsesMax) / a)
        factor = up ? 1 - Float.exp(-1 / a) : 1 - Float.exp(1 / a)
    }

    /// The mean change of one pulse at `x = w − lo` on a window of width `range`: `(B − x)·factor`.
    @inlinable
    public func step(x: Float, range: Float) -> Float {
        (range / normalization - x) * factor
    }
}

import Foundation

/// A linear map from data values to canvas coordinates, with "nice" tick marks.
///
/// Ticks follow Heckbert's nice-numbers rule ("Nice numbers for graph labels", Graphics
/// Gems, 1990): the step is 1, 2, 5 or 10 times a power of ten, and the domain is widened
/// to whole steps so the first and last ticks sit on the frame.
public struct LinearAxis: Sendable, Equatable {
    /// Data domain after widening to whole tick steps.
    public let lo: Double
    public let hi: Double
    /// Tick step, data units.
    public let step: Double
    /// Canvas coordinates of `lo` and `hi` (`end < start` for a y axis).
    public let start: Double
    public let end: Double

    /// An axis over the values `lo…hi`, about `ticks` ticks, mapped onto `start…end`.
    /// A degenerate or non-finite domain is widened to something drawable: all zeros to
    /// 0…1 (counts and shares that stayed at zero are never negative), another single value
    /// by 10 % either side.
    public init(lo rawLo: Double, hi rawHi: Double, ticks: Int = 5, start: Double, end: Double) {
        var lo = rawLo.isFinite ? rawLo : 0
        var hi = rawHi.isFinite ? rawHi : 1
        if hi < lo { swap(&lo, &hi) }
        if hi == lo {
            if lo == 0 {
                hi = 1
            } else {
                lo -= abs(lo) * 0.1
                hi += abs(hi) * 0.1
            }
        }
        let step = LinearAxis.niceNumber((hi - lo) / Double(max(ticks - 1, 1)), round: true)
        self.lo = (lo / step).rounded(.down) * step
        self.hi = (hi / step).rounded(.up) * step
        self.step = step
        self.start = start
        self.end = end
    }

    /// Canvas coordinate of data value `v` (extrapolates outside the domain).
    public func position(_ v: Double) -> Double {
        start + (v - lo) / (hi - lo) * (end - start)
    }

    /// Tick values from `lo` to `hi` inclusive.
    public var ticks: [Double] {
        let n = Int(((hi - lo) / step).rounded())
        return (0...n).map { lo + Double($0) * step }
    }

    /// The label of a tick: as many decimals as the step needs, and `k`/`M`/`G` suffixes
    /// once the values reach ten thousand (`12k`, `1.5M`).
    public func label(_ v: Double) -> String {
        let magnitude = max(abs(lo), abs(hi))
        let (scale, suffix): (Double, String) =
            magnitude >= 1e10 ? (1e9, "G") : magnitude >= 1e7 ? (1e6, "M") : magnitude >= 1e4 ? (1e3, "k") : (1, "")
        let scaledStep = step / scale
        let decimals = scaledStep >= 1 ? 0 : Int((-log10(scaledStep)).rounded(.up))
        if abs(v) < step * 1e-9 { return "0" }
        return Format.fixed(v / scale, min(decimals, 6)) + suffix
    }

    /// The nice number near `x` (> 0): 1, 2, 5 or 10 × 10^k; rounded to the nearest when
    /// `round`, else the smallest not below `x`.
    public static func niceNumber(_ x: Double, round: Bool) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let exponent = floor(log10(x))
        let power = pow(10, exponent)
        let f = x / power
        let nice: Double
        if round {
            nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10
        } else {
            nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10
        }
        return nice * power
    }
}

/// Colours of every chart, as `#rrggbb` strings.
///
/// Series colours are the Okabe–Ito palette (distinguishable with the common colour-vision
/// deficiencies); the sequential scale is viridis (perceptually uniform, readable in grey),
/// sampled at nine anchors and interpolated linearly in sRGB.
public enum Palette {
    /// Text and axes.
    public static let ink = "#222222"
    /// Grid lines.
    public static let grid = "#e3e3e3"
    /// Axis lines.
    public static let axis = "#888888"
    /// Failure markers.
    public static let failure = "#c0392b"
    /// Task-boundary markers.
    public static let taskBoundary = "#555555"
    /// Cells without a value.
    public static let missing = "#cccccc"

    /// Okabe–Ito, black moved last.
    public static let series = [
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
    ]

    /// The colour of series `k` (cycling).
    public static func series(_ k: Int) -> String { series[k % series.count] }

    /// Viridis anchors at 0, 1/8, …, 1.
    static let viridis: [(Double, Double, Double)] = [
        (68, 1, 84), (71, 44, 122), (59, 81, 139), (44, 113, 142), (33, 144, 141),
        (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37),
    ]

    /// Viridis at `t` in [0, 1] (clamped), quantized to `levels` steps so neighbouring
    /// cells of nearly equal value share a colour (and can share a rectangle).
    public static func sequential(_ t: Double, levels: Int = 64) -> String {
        guard t.isFinite else { return missing }
        let q = (min(max(t, 0), 1) * Double(levels - 1)).rounded() / Double(levels - 1)
        let pos = q * Double(viridis.count - 1)
        let i = min(Int(pos), viridis.count - 2)
        let f = pos - Double(i)
        let a = viridis[i], b = viridis[i + 1]
        return hex(a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
    }

    /// Black or white, whichever reads better on the viridis colour at `t` (for cell labels).
    public static func textOn(_ t: Double) -> String { t.isFinite && t > 0.6 ? "#000000" : "#ffffff" }

    static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        let digits = Array("0123456789abcdef")
        func byte(_ v: Double) -> String {
            let n = Int(min(max(v.rounded(), 0), 255))
            return String([digits[n / 16], digits[n % 16]])
        }
        return "#" + byte(r) + byte(g) + byte(b)
    }
}

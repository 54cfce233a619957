/// Points on two numeric axes, with a highlighted subset joined by a line (a Pareto front).
public struct ScatterChart: Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// Every point; non-finite coordinates are left out.
    public var points: [(x: Double, y: Double)]
    /// Indices into `points` joined in this order and drawn in the front colour.
    public var highlighted: [Int]
    public var highlightName: String
    public var width: Double = 720
    public var height: Double = 360

    public init(title: String, xLabel: String, yLabel: String, points: [(x: Double, y: Double)],
                highlighted: [Int], highlightName: String) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.points = points
        self.highlighted = highlighted
        self.highlightName = highlightName
    }

    public func canvas() -> SVGCanvas {
        var svg = SVGCanvas(width: width, height: height, title: title)
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        let legend = [PlotFrame.LegendEntry(name: "configuration", color: Palette.series(0), style: .block),
                      PlotFrame.LegendEntry(name: highlightName, color: Palette.series(1), style: .line)]
        let xs = finite.map(\.x), ys = finite.map(\.y)
        let frame = PlotFrame(width: width, height: height, x: (xs.min() ?? 0, xs.max() ?? 1),
                              y: (min(ys.min() ?? 0, 0), ys.max() ?? 1), legend: legend)
        frame.draw(into: &svg, title: title, xLabel: xLabel, yLabel: yLabel)
        if finite.isEmpty { frame.drawEmpty(into: &svg) }
        for p in finite { svg.dot(x: frame.x.position(p.x), y: frame.y.position(p.y), radius: 3, fill: Palette.series(0)) }
        let front = highlighted.map { points[$0] }.filter { $0.x.isFinite && $0.y.isFinite }
            .map { (x: frame.x.position($0.x), y: frame.y.position($0.y)) }
        if front.count > 1 { svg.polyline(front, stroke: Palette.series(1), width: 2, dash: nil) }
        for p in front { svg.dot(x: p.x, y: p.y, radius: 4, fill: Palette.series(1)) }
        return svg
    }
}

/// A bar chart over named categories; with several layers the bars are stacked (layer 0 at
/// the bottom) and a legend names the layers. One layer makes a plain bar chart.
public struct BarChart: Sendable {
    public struct Layer: Sendable {
        public var name: String
        /// One value per category, ≥ 0 (negative values are drawn as 0).
        public var values: [Double]

        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var categories: [String]
    public var layers: [Layer]
    public var width: Double = 720
    public var height: Double = 320

    public init(title: String, xLabel: String, yLabel: String, categories: [String], layers: [Layer]) {
        precondition(layers.allSatisfy { $0.values.count == categories.count }, "one value per category in every layer")
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.categories = categories
        self.layers = layers
    }

    public func canvas() -> SVGCanvas {
        var svg = SVGCanvas(width: width, height: height, title: title)
        let totals = categories.indices.map { i in layers.reduce(0.0) { $0 + max($1.values[i], 0) } }
        let legend = layers.count > 1
            ? layers.enumerated().map { PlotFrame.LegendEntry(name: $0.element.name, color: Palette.series($0.offset), style: .block) }
            : []
        let frame = PlotFrame(width: width, height: height, x: (0, 1), y: (0, totals.max() ?? 1), legend: legend)
        frame.draw(into: &svg, title: title, xLabel: xLabel, yLabel: yLabel, xTickLabels: false)
        guard !categories.isEmpty else {
            frame.drawEmpty(into: &svg)
            return svg
        }
        let slot = (frame.right - frame.left) / Double(categories.count)
        let barWidth = max(slot * 0.7, 1)
        // Label every k-th category so labels never overlap.
        let widest = categories.map { PlotFrame.textWidth($0, size: 10) }.max() ?? 0
        let every = max(1, Int((widest + 6) / slot) + 1)
        for (i, name) in categories.enumerated() {
            let x = frame.left + slot * Double(i) + (slot - barWidth) / 2
            var base = 0.0
            for (k, layer) in layers.enumerated() {
                let v = max(layer.values[i], 0)
                guard v > 0, v.isFinite else { continue }
                let y0 = frame.y.position(base), y1 = frame.y.position(base + v)
                svg.rect(x: x, y: y1, width: barWidth, height: y0 - y1, fill: Palette.series(k),
                         tooltip: "\(name) · \(layer.name): \(Format.significant(v))")
                base += v
            }
            if i % every == 0 {
                svg.text(name, x: x + barWidth / 2, y: frame.bottom + 16, size: 10, anchor: .middle)
            }
        }
        return svg
    }
}

/// A histogram over a numeric axis: bar k spans `edges[k]…edges[k+1]`, its height is
/// `counts[k]`.
public struct HistogramChart: Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var edges: [Double]
    public var counts: [Double]
    public var color: String = Palette.series(0)
    public var width: Double = 360
    public var height: Double = 260

    public init(title: String, xLabel: String, yLabel: String, edges: [Double], counts: [Double]) {
        precondition(edges.count == counts.count + 1, "a histogram needs one more edge than bins")
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.edges = edges
        self.counts = counts
    }

    public func canvas() -> SVGCanvas {
        var svg = SVGCanvas(width: width, height: height, title: title)
        let frame = PlotFrame(width: width, height: height, x: (edges.first ?? 0, edges.last ?? 1),
                              y: (0, counts.max() ?? 1), legend: [], xTicks: 4)
        frame.draw(into: &svg, title: title, xLabel: xLabel, yLabel: yLabel)
        if counts.isEmpty { frame.drawEmpty(into: &svg) }
        for (k, n) in counts.enumerated() where n > 0 {
            let x0 = frame.x.position(edges[k]), x1 = frame.x.position(edges[k + 1])
            let y = frame.y.position(n)
            svg.rect(x: x0, y: y, width: max(x1 - x0 - 0.5, 0.5), height: frame.bottom - y, fill: color,
                     tooltip: "\(Format.significant(edges[k]))–\(Format.significant(edges[k + 1])): \(Format.count(n))")
        }
        return svg
    }
}

/// The layout every x–y chart shares: title on top, a legend row under it, the plot area
/// with grid lines, tick labels and axis labels.
struct PlotFrame {
    /// One legend item: a colour swatch (a line, a dashed line or a block) and a name.
    struct LegendEntry {
        enum Style { case line, dashed, block, rug }
        var name: String
        var color: String
        var style: Style
    }

    static let titleHeight = 28.0
    static let legendLineHeight = 16.0
    static let marginLeft = 64.0
    static let marginRight = 20.0
    static let marginBottom = 46.0

    let x: LinearAxis
    let y: LinearAxis
    let left: Double
    let right: Double
    let top: Double
    let bottom: Double
    /// Legend entries laid out in rows that fit the width.
    let legendRows: [[LegendEntry]]

    init(width: Double, height: Double, x: (Double, Double), y: (Double, Double), legend: [LegendEntry], xTicks: Int = 6) {
        legendRows = PlotFrame.wrap(legend, width: width - PlotFrame.marginLeft - PlotFrame.marginRight)
        left = PlotFrame.marginLeft
        right = width - PlotFrame.marginRight
        top = PlotFrame.titleHeight + Double(legendRows.count) * PlotFrame.legendLineHeight + 8
        bottom = height - PlotFrame.marginBottom
        self.x = LinearAxis(lo: x.0, hi: x.1, ticks: xTicks, start: left, end: right)
        self.y = LinearAxis(lo: y.0, hi: y.1, ticks: 5, start: bottom, end: top)
    }

    /// Approximate width of a text, user units (DejaVu Sans averages ~0.6 em per glyph).
    static func textWidth(_ s: String, size: Double) -> Double { Double(s.count) * size * 0.6 }

    /// Draws title, legend, grid, axes, tick labels and axis labels; without
    /// `xTickLabels` the x axis has no ticks (category charts label their own bars).
    func draw(into svg: inout SVGCanvas, title: String, xLabel: String, yLabel: String, xTickLabels: Bool = true) {
        svg.text(title, x: 10, y: 19, size: 13, bold: true)
        drawLegend(into: &svg)
        for t in y.ticks {
            let py = y.position(t)
            svg.line(x1: left, y1: py, x2: right, y2: py, stroke: Palette.grid)
            svg.text(y.label(t), x: left - 6, y: py + 4, size: 10, anchor: .end)
        }
        for t in x.ticks where xTickLabels {
            let px = x.position(t)
            svg.line(x1: px, y1: bottom, x2: px, y2: bottom + 4, stroke: Palette.axis)
            svg.text(x.label(t), x: px, y: bottom + 16, size: 10, anchor: .middle)
        }
        svg.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: Palette.axis)
        svg.line(x1: left, y1: top, x2: left, y2: bottom, stroke: Palette.axis)
        svg.text(xLabel, x: (left + right) / 2, y: bottom + 36, size: 11, anchor: .middle)
        let midY = (top + bottom) / 2
        svg.text(yLabel, x: 14, y: midY, size: 11, anchor: .middle, rotate: -90)
    }

    /// "No data" in the middle of the plot area.
    func drawEmpty(into svg: inout SVGCanvas) {
        svg.text("no data recorded", x: (left + right) / 2, y: (top + bottom) / 2, size: 12, anchor: .middle, fill: Palette.axis)
    }

    private func drawLegend(into svg: inout SVGCanvas) {
        for (row, entries) in legendRows.enumerated() {
            let y = PlotFrame.titleHeight + Double(row) * PlotFrame.legendLineHeight + 8
            var x = left
            for e in entries {
                switch e.style {
                case .line: svg.line(x1: x, y1: y - 4, x2: x + 18, y2: y - 4, stroke: e.color, width: 2)
                case .dashed: svg.line(x1: x, y1: y - 4, x2: x + 18, y2: y - 4, stroke: e.color, width: 1.5, dash: "4 3")
                case .block: svg.rect(x: x + 4, y: y - 9, width: 10, height: 10, fill: e.color)
                case .rug: svg.line(x1: x + 9, y1: y - 10, x2: x + 9, y2: y + 1, stroke: e.color, width: 1.5)
                }
                svg.text(e.name, x: x + 23, y: y, size: 11)
                x += PlotFrame.legendWidth(e)
            }
        }
    }

    private static func legendWidth(_ e: LegendEntry) -> Double { 23 + textWidth(e.name, size: 11) + 16 }

    private static func wrap(_ entries: [LegendEntry], width: Double) -> [[LegendEntry]] {
        var rows: [[LegendEntry]] = []
        var current: [LegendEntry] = []
        var used = 0.0
        for e in entries {
            let w = legendWidth(e)
            if !current.isEmpty && used + w > width {
                rows.append(current)
                current = []
                used = 0
            }
            current.append(e)
            used += w
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }
}

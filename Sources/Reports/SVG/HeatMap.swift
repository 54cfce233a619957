/// A rows × columns grid of values coloured on the viridis scale, with a colour legend.
///
/// Used for the wear of a tile (one cell per crossbar cell) and, with cell labels, for
/// the continual-learning R matrix. Row 0 is at the top, as in a matrix. Without cell
/// labels, neighbouring cells of the same (quantized) colour in a row are merged into one
/// rectangle, which keeps a 64 × 64 tile to a few hundred elements when wear is smooth.
public struct HeatMap: Sendable {
    public var title: String
    public var rows: Int
    public var cols: Int
    /// `rows × cols` values, row-major; non-finite values are drawn grey.
    public var values: [Double]
    /// Axis titles.
    public var rowAxis: String
    public var colAxis: String
    /// Names of rows and columns; `nil` labels a few indices instead.
    public var rowNames: [String]?
    public var colNames: [String]?
    /// What the colour means, with its unit.
    public var legendTitle: String
    /// Fixed colour range; `nil` spans the finite values.
    public var range: ClosedRange<Double>?
    /// Print each value in its cell with this many decimals (small matrices only).
    public var cellLabelDecimals: Int?
    /// Largest cell edge and largest grid edge, user units.
    public var maxCell: Double = 44
    public var maxGrid: Double = 320

    public init(title: String, rows: Int, cols: Int, values: [Double], rowAxis: String, colAxis: String,
                legendTitle: String, rowNames: [String]? = nil, colNames: [String]? = nil,
                range: ClosedRange<Double>? = nil, cellLabelDecimals: Int? = nil) {
        precondition(values.count == rows * cols, "heat map needs rows × cols values")
        self.title = title
        self.rows = rows
        self.cols = cols
        self.values = values
        self.rowAxis = rowAxis
        self.colAxis = colAxis
        self.legendTitle = legendTitle
        self.rowNames = rowNames
        self.colNames = colNames
        self.range = range
        self.cellLabelDecimals = cellLabelDecimals
    }

    public func canvas() -> SVGCanvas {
        let cell = min(maxGrid / Double(max(rows, cols, 1)), maxCell)
        let rowNameWidth = (rowNames ?? ["000"]).map { PlotFrame.textWidth($0, size: 10) }.max() ?? 0
        let left = 34 + rowNameWidth
        let top = 40.0
        let gridW = cell * Double(cols), gridH = cell * Double(rows)
        let legendX = left + gridW + 24
        let legendH = max(gridH, 120)
        // Column names wider than a cell (task names under an R matrix) are set at 45° so
        // neighbours do not overlap; they then need about 0.71 × their width below the grid.
        let colLabels = HeatMap.labels(count: cols, names: colNames)
        let colNameWidth = colLabels.map { PlotFrame.textWidth($0.1, size: 10) }.max() ?? 0
        let slanted = colNames != nil && colNameWidth > cell - 4
        let colLabelDepth = slanted ? (colNameWidth * 0.71).rounded(.up) + 12 : 14
        let titleW = PlotFrame.textWidth(title, size: 13) + 20
        let width = max(legendX + 90, titleW, PlotFrame.textWidth(legendTitle, size: 10) + legendX)
        let height = top + max(gridH + colLabelDepth - 14, legendH) + 52
        var svg = SVGCanvas(width: width, height: height, title: title)
        svg.text(title, x: 10, y: 19, size: 13, bold: true)

        // Colours span exactly lo…hi (the data, or the fixed range) so the whole scale is
        // used; legend ticks are the nice values inside that span.
        let finite = values.filter(\.isFinite)
        let lo = range?.lowerBound ?? finite.min() ?? 0
        var hi = range?.upperBound ?? finite.max() ?? 1
        if hi <= lo { hi = lo + 1 }
        func t(_ v: Double) -> Double { (v - lo) / (hi - lo) }
        let tickAxis = LinearAxis(lo: lo, hi: hi, ticks: 5, start: 0, end: 1)
        let slack = (hi - lo) * 1e-9
        let legendTicks = tickAxis.ticks.filter { $0 >= lo - slack && $0 <= hi + slack }

        for r in 0..<rows {
            var c = 0
            while c < cols {
                let v = values[r * cols + c]
                let color = Palette.sequential(t(v))
                var run = 1
                if cellLabelDecimals == nil {
                    while c + run < cols && Palette.sequential(t(values[r * cols + c + run])) == color { run += 1 }
                }
                let x = left + cell * Double(c), y = top + cell * Double(r)
                if let d = cellLabelDecimals {
                    let label = v.isFinite ? Format.fixed(v, d) : "–"
                    svg.rect(x: x, y: y, width: cell, height: cell, fill: color, stroke: "#ffffff",
                             tooltip: "\(rowNames?[r] ?? "\(r)") / \(colNames?[c] ?? "\(c)"): \(label)")
                    svg.text(label, x: x + cell / 2, y: y + cell / 2 + 4, size: min(11, cell / 3.2),
                             anchor: .middle, fill: Palette.textOn(t(v)))
                } else {
                    svg.rect(x: x, y: y, width: cell * Double(run), height: cell, fill: color)
                }
                c += run
            }
        }
        svg.rect(x: left, y: top, width: gridW, height: gridH, fill: "none", stroke: Palette.axis)

        for (r, name) in HeatMap.labels(count: rows, names: rowNames) {
            svg.text(name, x: left - 5, y: top + cell * (Double(r) + 0.5) + 4, size: 10, anchor: .end)
        }
        for (c, name) in colLabels {
            let x = left + cell * (Double(c) + 0.5)
            if slanted {
                svg.text(name, x: x + 3, y: top + gridH + 10, size: 10, anchor: .end, rotate: -45)
            } else {
                svg.text(name, x: x, y: top + gridH + 14, size: 10, anchor: .middle)
            }
        }
        svg.text(colAxis, x: left + gridW / 2, y: top + gridH + colLabelDepth + 18, size: 11, anchor: .middle)
        svg.text(rowAxis, x: 12, y: top + gridH / 2, size: 11, anchor: .middle, rotate: -90)

        // Colour legend: 32 steps from hi (top) to lo (bottom), ticks on the right.
        let steps = 32
        for k in 0..<steps {
            let f = (Double(k) + 0.5) / Double(steps)
            svg.rect(x: legendX, y: top + legendH * (1 - Double(k + 1) / Double(steps)),
                     width: 14, height: legendH / Double(steps) + 0.3, fill: Palette.sequential(f))
        }
        for v in legendTicks {
            let y = top + legendH * (1 - t(v))
            svg.line(x1: legendX + 14, y1: y, x2: legendX + 18, y2: y, stroke: Palette.axis)
            svg.text(tickAxis.label(v), x: legendX + 20, y: y + 4, size: 10)
        }
        svg.text(legendTitle, x: legendX, y: top + legendH + 18, size: 10)
        return svg
    }

    /// Which rows (or columns) get a label: all names when given and they fit, else about
    /// five indices at nice steps.
    static func labels(count: Int, names: [String]?) -> [(Int, String)] {
        if let names, names.count == count, count <= 16 { return Array(names.enumerated()) }
        guard count > 0 else { return [] }
        let step = max(1, Int(LinearAxis.niceNumber(Double(count) / 5, round: true)))
        return stride(from: 0, to: count, by: step).map { ($0, names?[$0] ?? "\($0)") }
    }
}

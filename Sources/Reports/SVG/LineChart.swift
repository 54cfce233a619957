/// A line chart of one or more series over a shared numeric x axis, with vertical event
/// markers.
///
/// Task boundaries are dashed full-height lines labelled at the top; failures are short
/// red ticks along the bottom of the plot (a rug), one per pixel column at most, so that
/// thousands of device failures stay readable and the file stays small.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        /// Points in x order; non-finite y values break the line.
        public var points: [(x: Double, y: Double)]
        public var dashed: Bool

        public init(name: String, points: [(x: Double, y: Double)], dashed: Bool = false) {
            self.name = name
            self.points = points
            self.dashed = dashed
        }
    }

    public struct Marker: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case failure, taskBoundary }
        public var x: Double
        public var kind: Kind
        /// Shown at the top of task-boundary lines; failures are not labelled one by one.
        public var label: String

        public init(x: Double, kind: Kind, label: String = "") {
            self.x = x
            self.kind = kind
            self.label = label
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    public var markers: [Marker]
    /// Fixed y range (for example 0…1 for accuracies); `nil` fits the data (and includes 0).
    public var yRange: ClosedRange<Double>?
    public var width: Double = 720
    public var height: Double = 340

    public init(title: String, xLabel: String, yLabel: String, series: [Series],
                markers: [Marker] = [], yRange: ClosedRange<Double>? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.markers = markers
        self.yRange = yRange
    }

    public func canvas() -> SVGCanvas {
        var svg = SVGCanvas(width: width, height: height, title: title)
        let finite = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        let xs = finite.map(\.x) + markers.map(\.x)
        let ys = finite.map(\.y)
        var legend = series.enumerated().map {
            PlotFrame.LegendEntry(name: $0.element.name, color: Palette.series($0.offset), style: $0.element.dashed ? .dashed : .line)
        }
        if markers.contains(where: { $0.kind == .taskBoundary }) {
            legend.append(.init(name: "task boundary", color: Palette.taskBoundary, style: .dashed))
        }
        if markers.contains(where: { $0.kind == .failure }) {
            legend.append(.init(name: "device failure", color: Palette.failure, style: .rug))
        }
        let yLo = yRange?.lowerBound ?? min(ys.min() ?? 0, 0)
        let yHi = yRange?.upperBound ?? (ys.max() ?? 1)
        let frame = PlotFrame(width: width, height: height, x: (xs.min() ?? 0, xs.max() ?? 1), y: (yLo, yHi), legend: legend)
        frame.draw(into: &svg, title: title, xLabel: xLabel, yLabel: yLabel)
        if finite.isEmpty { frame.drawEmpty(into: &svg) }

        for m in markers where m.kind == .taskBoundary {
            let px = frame.x.position(m.x)
            svg.line(x1: px, y1: frame.top, x2: px, y2: frame.bottom, stroke: Palette.taskBoundary, dash: "4 3")
            if !m.label.isEmpty { svg.text(m.label, x: px + 3, y: frame.top + 10, size: 9, fill: Palette.taskBoundary) }
        }
        var rugColumns = Set<Int>()
        for m in markers where m.kind == .failure {
            let px = frame.x.position(m.x)
            guard rugColumns.insert(Int(px.rounded())).inserted else { continue }
            svg.line(x1: px, y1: frame.bottom - 8, x2: px, y2: frame.bottom, stroke: Palette.failure, width: 1.2)
        }
        for (k, s) in series.enumerated() {
            let color = Palette.series(k)
            for run in LineChart.finiteRuns(s.points) {
                let pts = run.map { (x: frame.x.position($0.x), y: frame.y.position($0.y)) }
                if pts.count == 1 {
                    svg.dot(x: pts[0].x, y: pts[0].y, fill: color)
                } else {
                    svg.polyline(pts, stroke: color, width: s.dashed ? 1.5 : 2, dash: s.dashed ? "5 3" : nil)
                }
            }
        }
        return svg
    }

    /// Splits a series at non-finite points into runs that can be drawn as one polyline.
    static func finiteRuns(_ points: [(x: Double, y: Double)]) -> [[(x: Double, y: Double)]] {
        var runs: [[(x: Double, y: Double)]] = []
        var current: [(x: Double, y: Double)] = []
        for p in points {
            if p.x.isFinite && p.y.isFinite {
                current.append(p)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}

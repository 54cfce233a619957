import Foundation
import Testing
import XMLTestSupport
@testable import Reports

/// Each chart type draws well-formed SVG from awkward data and escapes its text.
@Suite struct SVGTests {
    @Test func hostileTextIsEscaped() {
        var chart = LineChart(title: "a <b> & \"c\" 'd'", xLabel: "x\u{1}", yLabel: "]]>",
                              series: [.init(name: "</svg><script>", points: [(x: 0, y: 1), (x: 1, y: 2)])])
        chart.markers = [.init(x: 0.5, kind: .taskBoundary, label: "&amp;")]
        let svg = chart.canvas().render(standalone: true)
        #expect(XMLCheck.problem(svg) == nil)
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;"))
        #expect(svg.contains("&amp;amp;"))
    }

    @Test func emptyAndDegenerateDataStillDraw() {
        let charts: [SVGCanvas] = [
            LineChart(title: "empty", xLabel: "x", yLabel: "y", series: []).canvas(),
            LineChart(title: "one point", xLabel: "x", yLabel: "y", series: [.init(name: "s", points: [(x: 5, y: 5)])]).canvas(),
            LineChart(title: "gaps", xLabel: "x", yLabel: "y",
                      series: [.init(name: "s", points: [(x: 0, y: 1), (x: 1, y: .nan), (x: 2, y: .infinity), (x: 3, y: 2)])]).canvas(),
            BarChart(title: "no bars", xLabel: "x", yLabel: "y", categories: [], layers: []).canvas(),
            BarChart(title: "zeros", xLabel: "x", yLabel: "y", categories: ["a"], layers: [.init(name: "l", values: [0])]).canvas(),
            HistogramChart(title: "flat", xLabel: "x", yLabel: "y", edges: [0, 1], counts: [0]).canvas(),
            HeatMap(title: "constant", rows: 2, cols: 2, values: [3, 3, 3, .nan], rowAxis: "r", colAxis: "c", legendTitle: "v").canvas(),
        ]
        for c in charts {
            let svg = c.render(standalone: true)
            #expect(XMLCheck.problem(svg) == nil, "\(c.title): \(XMLCheck.problem(svg) ?? "")")
            #expect(!svg.contains("nan") && !svg.contains("inf"), "\(c.title) printed a non-finite coordinate")
        }
    }

    @Test func heatMapMergesEqualNeighboursButNotDifferentOnes() {
        let flat = HeatMap(title: "flat", rows: 4, cols: 64, values: Array(repeating: 1, count: 256),
                           rowAxis: "r", colAxis: "c", legendTitle: "v", range: 0...2).canvas().render(standalone: false)
        let ramp = HeatMap(title: "ramp", rows: 1, cols: 64, values: (0..<64).map(Double.init),
                           rowAxis: "r", colAxis: "c", legendTitle: "v").canvas().render(standalone: false)
        // 4 row rectangles + frame + background + 32 legend steps.
        #expect(flat.components(separatedBy: "<rect").count - 1 == 4 + 1 + 1 + 32)
        // 64 distinct colours on one row: no merging.
        #expect(ramp.components(separatedBy: "<rect").count - 1 == 64 + 1 + 1 + 32)
    }

    @Test func failureMarkersAreThinnedToOnePerPixelColumn() {
        let markers = (1...10_000).map { LineChart.Marker(x: Double($0), kind: .failure) }
        let chart = LineChart(title: "t", xLabel: "x", yLabel: "y", series: [], markers: markers)
        let svg = chart.canvas().render(standalone: true)
        let ticks = svg.components(separatedBy: "stroke=\"\(Palette.failure)\"").count - 1
        // One legend swatch plus at most one tick per pixel of the ~636-unit-wide plot.
        #expect(ticks > 600 && ticks <= 1 + 640)
    }

    @Test func niceTicksCoverTheDataOnRoundNumbers() {
        let axis = LinearAxis(lo: 3, hi: 97, ticks: 5, start: 0, end: 100)
        #expect(axis.ticks == [0, 20, 40, 60, 80, 100])
        #expect(axis.label(40) == "40")
        let small = LinearAxis(lo: 0, hi: 0.93, ticks: 5, start: 0, end: 1)
        #expect(small.ticks.map(small.label) == ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let big = LinearAxis(lo: 0, hi: 5400, ticks: 6, start: 0, end: 1)
        #expect(big.label(5000) == "5000")
        let huge = LinearAxis(lo: 0, hi: 54_000, ticks: 6, start: 0, end: 1)
        #expect(huge.label(20_000) == "20k")
        #expect(huge.label(0) == "0")
        let negative = LinearAxis(lo: -0.3, hi: 0.3, ticks: 5, start: 0, end: 1)
        #expect(negative.ticks.map(negative.label) == ["-0.3", "-0.2", "-0.1", "0", "0.1", "0.2", "0.3"])
    }

    @Test func columnNamesWiderThanACellAreSlanted() {
        func svg(_ names: [String]) -> String {
            HeatMap(title: "R", rows: 5, cols: 5, values: Array(repeating: 0.5, count: 25), rowAxis: "i", colAxis: "j",
                    legendTitle: "accuracy", rowNames: names, colNames: names, range: 0...1, cellLabelDecimals: 2)
                .canvas().render(standalone: true)
        }
        let long = svg((0..<5).map { "classes \(2 * $0)–\(2 * $0 + 1)" })
        #expect(long.components(separatedBy: "rotate(-45").count - 1 == 5)
        #expect(XMLCheck.problem(long) == nil)
        #expect(!svg(["a", "b", "c", "d", "e"]).contains("rotate(-45"))
    }

    @Test func aSingleValueWidensToADrawableRangeAndZeroNeverGoesNegative() {
        // A run without failures plots failed devices at 0 throughout: 0…1, not −1…1.
        let zero = LinearAxis(lo: 0, hi: 0, ticks: 5, start: 0, end: 1)
        #expect(zero.lo == 0 && zero.hi == 1)
        let flat = LinearAxis(lo: 50, hi: 50, ticks: 5, start: 0, end: 1)
        #expect(flat.lo <= 45 && flat.hi >= 55 && flat.lo > 0)
        let negative = LinearAxis(lo: -2, hi: -2, ticks: 5, start: 0, end: 1)
        #expect(negative.lo <= -2.2 && negative.hi >= -1.8 && negative.hi < 0)
    }

    @Test func standaloneSVGHasTheNamespaceAndInlineHasNoURL() {
        let c = LineChart(title: "t", xLabel: "x", yLabel: "y", series: []).canvas()
        #expect(c.render(standalone: true).contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!c.render(standalone: false).contains("http"))
    }
}

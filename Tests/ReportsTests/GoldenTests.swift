import Foundation
import Testing
@testable import Reports

/// Golden files pin the Markdown, CSV and SVG charts of a small fixed run (and of a
/// comparison). The SVGs are why the chart writer is ours: the same input gives the same
/// bytes, so a chart change shows up as a diff here.
/// Regenerate with `SPIKEBAR_UPDATE_GOLDENS=1 swift test --filter ReportsTests`.
@Suite struct GoldenTests {
    @Test func runMarkdown() throws {
        let files = RunReport.markdown(Fixtures.small, options: ReportOptions(samplesPerSecond: 50))
        try Golden.check(["report.md": files["report.md"]!], folder: "run-markdown")
    }

    @Test func runCharts() throws {
        let files = RunReport.markdown(Fixtures.small, options: ReportOptions(samplesPerSecond: 50))
        let charts = files.filter { $0.key.hasSuffix(".svg") }
        #expect(!charts.isEmpty)
        try Golden.check(charts, folder: "run-svg")
    }

    @Test func runCSV() throws {
        try Golden.check(RunReport.csv(Fixtures.small, options: ReportOptions(samplesPerSecond: 50)), folder: "run-csv")
    }

    @Test func comparisonMarkdownAndCSV() throws {
        var second = Fixtures.small
        second.run.id = 8
        second.run.preset = "pcm"
        second.energy.windows = second.energy.windows.map { w in
            var w = w
            w.pulsesPerSample /= 2
            return w
        }
        // Half the wear and no failures: the lifetime columns must differ from run 7.
        second.lifetime.layers = second.lifetime.layers.map { layer in
            LayerDevices(name: layer.name, tiles: layer.tiles.map { t in
                TileDevices(index: t.index, pulses: t.pulses.map { $0 / 2 }, budgets: t.pulses.map { _ in 200 },
                            failed: t.failed.map { _ in false })
            })
        }
        let runs = [Fixtures.small, second]
        let options = ReportOptions(samplesPerSecond: 50)
        var files = ComparisonReport.csv(runs, options: options)
        files["comparison.md"] = ComparisonReport.markdown(runs, options: options)["comparison.md"]
        try Golden.check(files, folder: "comparison")
    }

    @Test func markdownLinksEveryChartItShips() {
        let files = RunReport.markdown(Fixtures.small)
        let md = files["report.md"]!
        let svgs = files.keys.filter { $0.hasSuffix(".svg") }
        #expect(svgs.count == RunReport.document(Fixtures.small).charts.count)
        for name in svgs { #expect(md.contains("](\(name))"), "\(name) is not linked") }
        #expect(files.count == svgs.count + 1)
    }

    @Test func markdownAndHTMLShowTheSameNumbers() {
        // Every table cell of the document appears in both renderings (escaped per format).
        let doc = RunReport.document(Fixtures.small)
        let md = MarkdownWriter.render(doc)
        let html = HTMLWriter.render(doc)
        for section in doc.sections {
            for case .table(let t) in section.blocks {
                for cell in t.rows.joined() {
                    #expect(md.contains(Escape.markdown(cell)), "Markdown lacks \(cell)")
                    #expect(html.contains(Escape.xml(cell)), "HTML lacks \(cell)")
                }
            }
        }
    }

    @Test func csvFilesAreRectangular() {
        for (name, content) in RunReport.csv(RealisticFixture.make()) {
            let widths = Set(content.split(separator: "\n").map { CSVTableTests.fieldCount(String($0)) })
            #expect(widths.count == 1, "\(name) has rows of different widths: \(widths)")
        }
    }
}

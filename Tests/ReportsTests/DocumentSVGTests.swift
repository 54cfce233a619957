import Foundation
import Testing
import XMLTestSupport
@testable import Reports

/// Every chart of every document is well-formed XML and deterministic.
@Suite struct DocumentSVGTests {
    static let documents: [(String, ReportDocument)] = [
        ("small", RunReport.document(Fixtures.small)),
        ("realistic", RunReport.document(RealisticFixture.make())),
        ("comparison", ComparisonReport.document([Fixtures.small, RealisticFixture.make()])),
    ]

    @Test func everySVGFileParsesAsXML() {
        for (name, doc) in Self.documents {
            #expect(!doc.charts.isEmpty)
            for chart in doc.charts {
                let svg = chart.canvas.render(standalone: true)
                #expect(XMLCheck.problem(svg) == nil, "\(name)/\(chart.fileName): \(XMLCheck.problem(svg) ?? "")")
            }
        }
    }

    @Test func everyInlineSVGOfTheHTMLParsesAsXML() {
        let html = RunReport.html(Fixtures.small)
        let pieces = html.components(separatedBy: "<svg").dropFirst().map { "<svg" + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
        #expect(pieces.count == RunReport.document(Fixtures.small).charts.count)
        for svg in pieces { #expect(XMLCheck.problem(svg) == nil, "\(XMLCheck.problem(svg) ?? "")") }
    }

    @Test func chartsAreDeterministic() {
        let a = RunReport.markdown(RealisticFixture.make())
        let b = RunReport.markdown(RealisticFixture.make())
        #expect(a == b)
    }
}

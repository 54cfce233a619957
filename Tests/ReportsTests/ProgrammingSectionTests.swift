import Foundation
import Testing
@testable import Reports

/// The report's "Programming" section (issue #19): one row per crossbar and a total row, pinned
/// by a golden Markdown file; absent for runs without an imported model.
@Suite("Programming section")
struct ProgrammingSectionTests {
    static let layers = [
        ProgrammingLayer(name: "hidden 1", algorithm: "iterative", pairs: 8320, rounds: 1, pulses: 160_163,
                         setPulses: 81_101, resetPulses: 79_062, verifyReads: 673_932, failures: 0,
                         writeLatencySeconds: 4.455e-4, energyPicojoules: 22_081_879.08, rmsError: 0.037546,
                         convergedPairs: 8318, exhaustedPairs: 2, maxPulsesPerPair: 400),
        ProgrammingLayer(name: "readout", algorithm: "iterative", pairs: 1290, rounds: 1, pulses: 20_694,
                         setPulses: 10_858, resetPulses: 9_836, verifyReads: 87_936, failures: 3,
                         writeLatencySeconds: 3.5455e-4, energyPicojoules: 2_881_263.9, rmsError: 0.038418,
                         convergedPairs: 1290, exhaustedPairs: 0, maxPulsesPerPair: 160),
    ]

    static func document(_ layers: [ProgrammingLayer]?) -> ReportDocument {
        var d = Fixtures.small
        d.programming = layers
        return RunReport.document(d)
    }

    @Test("a run with a programming phase: per-crossbar rows, the total row and the facts line (golden)")
    func golden() throws {
        let doc = Self.document(Self.layers)
        let section = try #require(doc.sections.first { $0.title == "Programming" })
        guard case let .table(t) = section.blocks[0] else { Issue.record("no table"); return }
        #expect(t.rows.map { $0[0] } == ["hidden 1", "readout", "total"])
        // The total row adds the crossbars up: pairs, pulses, verify reads, within tolerance, at budget.
        #expect(t.rows[2][2] == "9610" && t.rows[2][3] == Format.count(180_857))
        #expect(t.rows[2][10] == "9608" && t.rows[2][11] == "2" && t.rows[2][5] == "400")
        let only = ReportDocument(title: doc.title, subtitle: doc.subtitle, sections: [section])
        try Golden.check(["report.md": MarkdownWriter.files(only)["report.md"]!], folder: "run-programming")
    }

    @Test("the rounds algorithm has no per-pair tallies: dashes, and the rounds in the facts line")
    func rounds() throws {
        let layers = Self.layers.map { l -> ProgrammingLayer in
            var l = l
            l.algorithm = "rounds"; l.rounds = 8
            l.convergedPairs = nil; l.exhaustedPairs = nil; l.maxPulsesPerPair = nil
            return l
        }
        let section = try #require(Self.document(layers).sections.first { $0.title == "Programming" })
        guard case let .table(t) = section.blocks[0], case let .paragraph(facts) = section.blocks[1] else {
            Issue.record("blocks"); return
        }
        #expect(t.rows.allSatisfy { $0[5] == "—" && $0[10] == "—" && $0[11] == "—" })
        #expect(facts.contains("8 closed-loop round(s)") && facts.contains("3 devices failed"))
    }

    @Test("without a programming phase the report has no Programming section")
    func absent() {
        #expect(!Self.document(nil).sections.contains { $0.title == "Programming" })
        #expect(!Self.document([]).sections.contains { $0.title == "Programming" })
    }
}

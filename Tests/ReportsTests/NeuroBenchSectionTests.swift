import Foundation
import SpikingKit
import Testing
@testable import Reports

@Suite("NeuroBench section")
struct NeuroBenchSectionTests {
    static let metrics = NeuroBenchMetrics(
        workload: "eval", samples: 360, footprintBytes: 37900, connectionSparsity: 0.0272, activationSparsity: 0.7766,
        synapticOperations: .init(effectiveMACs: 120734, effectiveACs: 2782.3, dense: 151552), membraneUpdates: 2206.6,
        neuronOperations: .init(effective: 8826.2, dense: 8832), accuracy: 0.91, modelExecutionRateHertz: 1600)

    @Test("a run with NeuroBench metrics gets a section with NeuroBench's names, values and definitions")
    func section() throws {
        var d = Fixtures.small
        d.neuroBench = Self.metrics
        let doc = RunReport.document(d)
        let section = try #require(doc.sections.first { $0.title == "NeuroBench metrics" })
        guard case let .table(t) = section.blocks[0] else { Issue.record("no table"); return }
        #expect(t.rows.map { $0[0] } == ["accuracy", "Footprint", "ConnectionSparsity", "ActivationSparsity",
                                        "SynapticOperations Effective_MACs", "SynapticOperations Effective_ACs",
                                        "SynapticOperations Dense", "MembraneUpdates", "NeuronOperations Effective",
                                        "NeuronOperations Dense", "ModelExecutionRate"])
        #expect(t.rows[1][1] == "37900 B")
        #expect(t.rows[6][1] == Format.significant(151552))
        #expect(MarkdownWriter.files(doc)["report.md"]?.contains("NeuroBench metrics") == true)
    }

    @Test("without metrics (older runs) the report has no NeuroBench section")
    func absent() {
        #expect(!RunReport.document(Fixtures.small).sections.contains { $0.title == "NeuroBench metrics" })
    }

    @Test("the JSON keys are NeuroBench's names, and decoding gives the same value back")
    func keys() throws {
        let data = try JSONEncoder().encode(Self.metrics)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["workload", "samples", "accuracy", "Footprint", "ConnectionSparsity",
                                     "ActivationSparsity", "SynapticOperations", "MembraneUpdates",
                                     "NeuronOperations", "ModelExecutionRate"])
        let syn = try #require(object["SynapticOperations"] as? [String: Any])
        #expect(Set(syn.keys) == ["Effective_MACs", "Effective_ACs", "Dense"])
        #expect(try JSONDecoder().decode(NeuroBenchMetrics.self, from: data) == Self.metrics)
    }
}

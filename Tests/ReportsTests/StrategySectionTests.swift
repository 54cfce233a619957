import Testing
@testable import Reports

@Suite("Strategy comparison section")
struct StrategySectionTests {
    func run(_ id: Int64, _ name: String, pulses: Double, energy: Double, buffer: Int) -> RunReportData {
        var d = Fixtures.small
        d.run.id = id
        d.strategy = StrategyResult(name: name, pulsesPerSample: pulses, energyPerSamplePicojoules: energy,
                                    bufferBytes: buffer, strategyMemoryBytes: buffer + 40,
                                    projectedLifetimeSeconds: 3600, lifetimeSamplesPerSecond: 100)
        return d
    }

    @Test("two experiments with strategies: a table row each with its cost, three bar charts, an R matrix each")
    func section() throws {
        let runs = [run(1, "naive", pulses: 500, energy: 4.5e5, buffer: 0), run(2, "replay", pulses: 900, energy: 9e5, buffer: 52_000)]
        let doc = ComparisonReport.document(runs)
        let section = try #require(doc.sections.first { $0.title == "Continual strategies" })
        guard case let .table(t) = section.blocks[0] else { Issue.record("no table first"); return }
        #expect(t.rows.map { $0[0] } == ["run 1 (naive)", "run 2 (replay)"])
        #expect(t.rows[1][5] == Format.significant(900) && t.rows[1][6] == Format.significant(9e5))
        #expect(t.rows[1][7] == "52000" && t.rows[1][8] == "52040" && t.rows[1][9] == Format.duration(3600))
        let acc = Fixtures.small.continual!.averageAccuracy!
        #expect(t.rows[0][1] == Format.fixed(acc, 4))
        let charts = section.blocks.compactMap { b -> String? in if case let .chart(c) = b { return c.fileName }; return nil }
        #expect(charts == ["strategies-acc.svg", "strategies-pulses.svg", "strategies-energy.svg", "r-matrix-1.svg", "r-matrix-2.svg"])
    }

    @Test("runs without a recorded strategy get no strategy section")
    func absent() {
        let doc = ComparisonReport.document([Fixtures.small, Fixtures.small])
        #expect(!doc.sections.contains { $0.title == "Continual strategies" })
    }
}

import AppTestSupport
import Foundation
import Store
import Testing

/// `spikebar run --model` on noisy devices: the programming phase is recorded as its own rows
/// (`programming`, one per crossbar) that add up to the summary's `programming` object, and the
/// run report has a Programming section.
@Suite("Programming phase: recorded and reported")
struct ProgrammingCommandLineTests {
    @Test("rram, iterative program-and-verify: per-crossbar rows add up to the summary; the report shows them")
    func recordedAndReported() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let input = try dir.digits(20)
        let db = dir.path("run.sqlite")
        var args = ["run", "--input", input, "--model", ModelCommandLineTests.fixture, "--preset", "rram", "--summary", "json"]
        args += ModelCommandLineTests.inference.map { $0 == "none" ? db : $0 }
        let r = try SpikebarProcess.run(args, in: dir)
        try #require(r.status == 0, "\(r.stderr)")
        let s = try jsonObject(String(r.stdout.split(separator: "\n").last!))
        let p = try #require(s["programming"] as? [String: Any])
        #expect(p["algorithm"] as? String == "iterative")

        let store = try RecordStore.openForReading(path: db)
        let rows = try store.programmingRecords(runId: try #require(s["runId"] as? Int).int64)
        #expect(rows.map(\.name) == ["hidden 1", "readout"])
        #expect(rows.map(\.pairs) == [65 * 128, 129 * 10])
        #expect(rows.allSatisfy { $0.algorithm == "iterative" && $0.rounds == 1 })
        #expect(rows.map(\.pulses).reduce(0, +) == p["pulses"] as? Double)
        #expect(rows.map(\.verifyReads).reduce(0, +) == p["verifyReads"] as? Double)
        #expect(rows.compactMap(\.convergedPairs).reduce(0, +) == p["convergedPairs"] as? Int)
        #expect(rows.compactMap(\.exhaustedPairs).reduce(0, +) == p["exhaustedPairs"] as? Int)
        let rms = try #require(p["rmsError"] as? [Double])   // JSON keeps 16 digits
        #expect(rms.count == 2 && zip(rows, rms).allSatisfy { abs($0.rmsError - $1) <= 1e-12 * $1 })
        // Pricing is linear in the counts: the rows' energies add up to the phase's.
        let energy = try #require(p["energyPicojoules"] as? Double)
        #expect(abs(rows.map(\.energyPicojoules).reduce(0, +) - energy) <= 1e-9 * energy)
        // Verify reads are averaged 4 to a check (the default): a multiple of 4.
        #expect(rows.allSatisfy { $0.verifyReads.truncatingRemainder(dividingBy: 4) == 0 })

        let out = dir.path("report")
        let report = try SpikebarProcess.run(["report", "--db", db, "--configs", Repo.configs, "--format", "md", "--out", out], in: dir)
        try #require(report.status == 0, "\(report.stderr)")
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(md.contains("## Programming"))
        #expect(md.contains("| hidden 1 | iterative | 8320 |"))
    }
}

private extension Int {
    var int64: Int64 { Int64(self) }
}

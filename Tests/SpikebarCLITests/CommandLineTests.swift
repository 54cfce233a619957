import AppTestSupport
import Foundation
import Store
import Testing

/// `spikebar run` records by default; `--db none` does not; `spikebar db` reads it back;
/// misuse is refused with a message. Runs the built binary (see ``SpikebarProcess``).
@Suite struct CommandLineTests {
    static let small = ["--set", "network.layers=0,32,10", "--set", "network.timesteps=8"]

    @Test func runRecordsToLogsByDefaultAndDbReadsIt() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let input = try dir.digits(60)
        let run = try SpikebarProcess.run(["run", "--input", input, "--no-progress", "--configs", Repo.configs] + Self.small, in: dir)
        try #require(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("recorded         run 1 in Logs/spikebar.sqlite"))
        let store = try RecordStore.openForReading(path: dir.path("Logs/spikebar.sqlite"))
        #expect(try store.integrityCheck() == ["ok"])

        let runs = try SpikebarProcess.run(["db", "runs"], in: dir)
        #expect(runs.status == 0)
        let row = runs.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(row.hasPrefix("1 ") && row.contains("finished") && row.contains(" 60 ") && row.hasSuffix(input))

        let csv = try SpikebarProcess.run(["db", "export", "--run", "1", "--table", "accuracyWindow", "--csv"], in: dir)
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("id,runId,windowIndex,firstSample,lastSample"))
        #expect(lines[1].hasPrefix("1,1,0,0,59,0,60,"))
    }

    @Test func dbNoneRecordsNothing() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let input = try dir.digits(20)
        let run = try SpikebarProcess.run(["run", "--input", input, "--no-progress", "--db", "none", "--configs", Repo.configs] + Self.small, in: dir)
        #expect(run.status == 0 && !run.stdout.contains("recorded"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("Logs")))
    }

    @Test func misuseIsRefusedWithAMessage() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let input = try dir.digits(20)
        let db = dir.path("db.sqlite")
        let first = try SpikebarProcess.run(["run", "--input", input, "--no-progress", "--db", db, "--configs", Repo.configs] + Self.small, in: dir)
        try #require(first.status == 0, "\(first.stderr)")

        let finished = try SpikebarProcess.run(["run", "--resume", "--db", db, "--no-progress", "--configs", Repo.configs], in: dir)
        #expect(finished.status == 2 && finished.stderr.contains("\(db): run 1 finished; nothing to resume"))
        let none = try SpikebarProcess.run(["run", "--resume", "--db", "none"], in: dir)
        #expect(none.status == 64 && none.stderr.contains("--resume needs a database"))
        let missing = try SpikebarProcess.run(["db", "runs", "--db", dir.path("nope.sqlite")], in: dir)
        #expect(missing.status == 2 && missing.stderr.contains("nope.sqlite: database file not found"))
        let table = try SpikebarProcess.run(["db", "export", "--db", db, "--run", "1", "--table", "nope", "--csv"], in: dir)
        #expect(table.status == 2 && table.stderr.contains("no table 'nope'"))
        let runId = try SpikebarProcess.run(["db", "export", "--db", db, "--run", "9", "--table", "event", "--csv"], in: dir)
        #expect(runId.status == 2 && runId.stderr.contains("run 9 not found"))
    }
}

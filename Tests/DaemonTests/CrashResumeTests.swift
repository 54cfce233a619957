import AppTestSupport
import Daemon
import Foundation
import GRDB
import Runtime
import Store
import Testing

/// The "must show": run a digits stream once; run it again, SIGKILL the process
/// part way, `--resume` to the end; the final state digest and accuracy equal the
/// uninterrupted run's exactly, and no accuracy window is missing or duplicated. Meanwhile
/// a reader in another process (this one, and `spikebar db runs`) never sees a partial flush.
///
/// Uses the `spikebar` binary of this build (see ``SpikebarProcess``): build it with
/// `swift build --build-tests` before `swift test --skip-build`.
@Suite struct CrashResumeTests {
    /// 300 digits, two shuffled passes: the kill lands in pass 0 and the resume must skip
    /// into the middle of a shuffled pass, then run a whole second one.
    static let width = 40
    func arguments(_ input: String, db: String) -> [String] {
        ["run", "--input", input, "--passes", "2", "--shuffle", "11", "--no-progress", "--summary", "json",
         "--configs", Repo.configs, "--db", db,
         "--set", "recording.flushEverySamples=50", "--set", "recording.windowSamples=\(Self.width)",
         "--set", "recording.flushEverySeconds=1000"]
    }

    @Test func aKilledRunResumesExactly() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let input = try dir.digits(300)
        let whole = try SpikebarProcess.run(arguments(input, db: dir.path("whole.sqlite")), in: dir)
        try #require(whole.status == 0, "uninterrupted run failed: \(whole.stderr)")
        let expected = try JSONDecoder().decode(RunSummary.self, from: Data(whole.lastLine.utf8))

        let crashedPath = dir.path("crashed.sqlite")
        let victim = try SpikebarProcess.start(arguments(input, db: crashedPath), in: dir)
        var reads = 0, partial: [String] = [], listed = false
        var recorded = 0
        while victim.isRunning && recorded < 100 {
            Thread.sleep(forTimeInterval: 0.02)
            guard let reader = try? RecordStore.openForReading(path: crashedPath),
                  let seen = try? reader.read({ db in
                      (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accuracyWindow") ?? 0,
                       try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM checkpoint") ?? 0,
                       try Int.fetchOne(db, sql: "SELECT samplesRecorded FROM run") ?? 0)
                  }) else { continue }
            reads += 1
            // Every committed flush holds the windows completed up to its checkpoint, no more, no less.
            if seen.0 != seen.1 / Self.width || seen.2 != seen.1 { partial.append("\(seen)") }
            recorded = seen.1
            if recorded > 0 && !listed {
                let runs = try SpikebarProcess.run(["db", "runs", "--db", crashedPath], in: dir)
                #expect(runs.status == 0 && runs.stdout.contains("running"), "\(runs.stdout)\(runs.stderr)")
                listed = true
            }
        }
        try #require(victim.isRunning, "the run ended before it could be killed (recorded \(recorded) samples)")
        victim.kill(SIGKILL)
        let killed = try victim.wait()
        #expect(killed.reason == .uncaughtSignal && killed.status == SIGKILL)
        #expect(reads > 0 && partial.isEmpty, "partial flushes seen: \(partial)")

        let crashed = try RecordStore.openForReading(path: crashedPath)
        let before = try crashed.run(id: 1)
        #expect(before.status == .running && before.samplesRecorded >= 100 && before.samplesRecorded < 600)

        let resumed = try SpikebarProcess.run(
            ["run", "--resume", "--db", crashedPath, "--input", input, "--no-progress", "--summary", "json",
             "--configs", Repo.configs], in: dir)
        try #require(resumed.status == 0, "resume failed: \(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming run 1 of \(crashedPath) at sample \(before.samplesRecorded)"))
        let actual = try JSONDecoder().decode(RunSummary.self, from: Data(resumed.lastLine.utf8))
        #expect(actual.stateDigest == expected.stateDigest)
        #expect(actual.prequentialAccuracy == expected.prequentialAccuracy)
        #expect(actual.windowAccuracy == expected.windowAccuracy)
        #expect(actual.lastPassAccuracy == expected.lastPassAccuracy)
        #expect(actual.samples == 600 && expected.samples == 600)
        #expect(actual.pulses == expected.pulses && actual.spikesPerSample == expected.spikesPerSample)
        #expect(actual.energyPicojoules == expected.energyPicojoules && actual.latencyMicroseconds == expected.latencyMicroseconds)

        // Every window exactly once, identical to the uninterrupted run's.
        let reference = try RecordStore.openForReading(path: dir.path("whole.sqlite"))
        func windows(_ s: RecordStore, _ table: String) throws -> [[DatabaseValue]] {
            try s.read { db in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY windowIndex").map { Array($0.databaseValues.dropFirst()) } }
        }
        let indices = try crashed.read { db in try Int.fetchAll(db, sql: "SELECT windowIndex FROM accuracyWindow ORDER BY windowIndex") }
        #expect(indices == Array(0..<(600 / Self.width)))
        #expect(try windows(crashed, "accuracyWindow") == windows(reference, "accuracyWindow"))
        #expect(try windows(crashed, "energyWindow") == windows(reference, "energyWindow"))
        #expect(try crashed.run(id: 1).status == .finished)
        #expect(try crashed.integrityCheck() == ["ok"] && reference.integrityCheck() == ["ok"])
    }
}

import AppTestSupport
import CrossbarKit
import Datasets
import Foundation
import GRDB
import LineProtocol
import Testing
@testable import Runtime
@testable import Recording
@testable import Store

/// What a recorded run leaves in the database.
@Suite struct RecorderTests {
    @Test func everySampleIsInExactlyOneWindowAndTheRecordsAddUp() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let input = try dir.digits(120)
        let store = try RecordStore.open(path: dir.path("run.sqlite"))
        let (summary, recorder) = try recordedRun(input: input, passes: 2, shuffle: 3, store: store)
        let id = try #require(recorder.runId)
        #expect(summary.runId == id && summary.database == store.path)

        let (accuracy, energy, wear, events) = try store.read { db in
            (try AccuracyWindowRecord.order(Column("windowIndex")).fetchAll(db),
             try EnergyWindowRecord.order(Column("windowIndex")).fetchAll(db),
             try WearSnapshotRecord.fetchAll(db), try EventRecord.order(Column("id")).fetchAll(db))
        }
        let checkpoint = try store.latestCheckpoint(runId: id)
        // 240 samples in windows of 25: nine full windows and one of 15, contiguous.
        #expect(accuracy.map(\.windowIndex) == Array(0..<10))
        #expect(accuracy.map(\.firstSample) == (0..<10).map { $0 * 25 })
        #expect(accuracy.map(\.lastSample) == (0..<9).map { $0 * 25 + 24 } + [239])
        #expect(accuracy.map(\.samples).reduce(0, +) == 240)
        // Window 4 (samples 100–124) straddles the pass boundary at 120: it belongs to pass 1.
        #expect(accuracy.map(\.pass) == [0, 0, 0, 0, 1, 1, 1, 1, 1, 1])
        #expect(accuracy.last?.prequentialAccuracy == summary.prequentialAccuracy)
        #expect(Double(accuracy.map(\.correct).reduce(0, +)) / 240 == summary.prequentialAccuracy)
        #expect(energy.map(\.windowIndex) == Array(0..<10))
        #expect(energy.map(\.pulses).reduce(0, +) == summary.pulses)
        #expect(energy.map(\.setPulses).reduce(0, +) == summary.setPulses)
        // Each window is priced with the run's cost preset; pricing is linear in the counts,
        // so the windows add up to the run's energy (to rounding).
        let priced = energy.compactMap(\.energyPicojoules)
        #expect(priced.count == 10 && summary.energyPicojoules > 0)
        #expect(abs(priced.reduce(0, +) - summary.energyPicojoules) <= 1e-9 * summary.energyPicojoules)
        let breakdown = try JSONDecoder().decode([String: Double].self, from: Data(try #require(energy[0].energyBreakdownJSON).utf8))
        #expect(breakdown.count == EnergyBreakdown.fields.count)
        #expect(abs(breakdown.values.reduce(0, +) - energy[0].energyPicojoules!) <= 1e-9 * energy[0].energyPicojoules!)

        // A wear snapshot of every tile at every flush; the last one adds pulse maps and
        // agrees with the run's pulse totals.
        #expect(Set(wear.map(\.sample)) == [40, 80, 120, 160, 200, 240])
        let last = wear.filter { $0.sample == 240 }
        #expect(last.allSatisfy { $0.pulseMapBlob?.count == 4 * $0.rows * $0.cols })
        #expect(wear.filter { $0.sample < 240 }.allSatisfy { $0.pulseMapBlob == nil })
        #expect(Double(last.map { $0.setPulses + $0.resetPulses }.reduce(0, +)) == summary.pulses)
        #expect(last.map(\.devices).reduce(0, +) == summary.devices)

        #expect(checkpoint?.sequence == 240 && checkpoint?.stateDigest == summary.stateDigest)
        #expect(try store.count("checkpoint") == 2)
        #expect(events.map(\.kind) == [.start, .stop])
        let run = try store.run(id: id)
        #expect(run.status == .finished && run.samplesRecorded == 240 && run.endedAt != nil)
        let recorded = try JSONDecoder().decode(RunSummary.self, from: Data(try #require(run.summaryJSON).utf8))
        #expect(recorded == summary)
        #expect(try store.integrityCheck() == ["ok"])
    }

    /// Devices worn out during the run show up as `deviceFailure` events, in the energy
    /// windows and in the wear snapshots — the same number everywhere, and the summary's.
    @Test func deviceFailuresAreRecordedConsistently() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let store = try RecordStore.open(path: dir.path("run.sqlite"))
        let (summary, _) = try recordedRun(input: try dir.digits(120), store: store,
                                           sets: quickSets + ["hardware.endurance.medianPulses=20"])
        let (events, windows, wear, early) = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT SUM(json_extract(detailJSON, '$.failures')) FROM event WHERE kind = 'deviceFailure'") ?? 0,
             try Int.fetchOne(db, sql: "SELECT SUM(failures) FROM energyWindow") ?? 0,
             try Int.fetchOne(db, sql: "SELECT SUM(failed) FROM wearSnapshot WHERE sample = 120") ?? 0,
             try Int.fetchOne(db, sql: "SELECT SUM(failed) FROM wearSnapshot WHERE sample = 40") ?? 0)
        }
        // No device is stuck from the start in this preset, so every failure happened in the run.
        #expect(events > 0)
        #expect(events == windows && windows == wear && wear == summary.failedDevices)
        #expect(early < wear)
        let last = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT json_extract(detailJSON, '$.failuresTotal') FROM event WHERE kind = 'deviceFailure' ORDER BY id DESC LIMIT 1")
        }
        #expect(last == summary.failedDevices)
    }

    /// While the database refuses writes the recorder keeps the records and retries at
    /// every flush; once it accepts them again nothing is missing, and an `error` event
    /// says what happened.
    @Test func failedWritesAreHeldAndRetried() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let input = try dir.digits(200)
        let store = try RecordStore.open(path: dir.path("run.sqlite"))
        try store.write { db in
            try db.execute(sql: "CREATE TRIGGER full BEFORE INSERT ON checkpoint BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END")
        }
        let log = LogLines()
        var recorder: Recorder?
        let heal = AtSample(130) {
            // Flushes at 40, 80 and 120 were submitted; wait until the writer holds a failed
            // batch (it may lag behind the learning thread), then let writes through again.
            _ = recorder?.writer?.waitUntilHolding(before: Date().addingTimeInterval(30))
            try store.write { db in try db.execute(sql: "DROP TRIGGER full") }
        }
        let (summary, _) = try recordedRun(input: input, store: store, log: log, extra: [heal]) { recorder = $0 }
        #expect(try store.count("accuracyWindow") == 8)
        #expect(try store.count("energyWindow") == 8)
        #expect(Set(try store.read { db in try Int.fetchAll(db, sql: "SELECT sample FROM wearSnapshot") }) == [40, 80, 120, 160, 200])
        #expect(try store.latestCheckpoint(runId: summary.runId!)?.stateDigest == summary.stateDigest)
        #expect(try store.count("event", where: "kind = 'error'") == 1)
        let failures = log.all.filter { $0.contains("recording failed") }
        #expect(failures.count == 1, "one warning per streak, got \(log.all)")
        #expect(log.all.contains { $0.contains("recording resumed") })
    }

    /// If the last flush cannot be written the run says so, and how to continue.
    @Test func aLastFlushThatCannotBeWrittenIsReported() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let input = try dir.digits(50)
        let store = try RecordStore.open(path: dir.path("run.sqlite"))
        try store.write { db in
            try db.execute(sql: "CREATE TRIGGER broken BEFORE INSERT ON accuracyWindow BEGIN SELECT RAISE(FAIL, 'simulated'); END")
        }
        let log = LogLines()
        let error = #expect(throws: StoreError.self) {
            try recordedRun(input: input, store: store, log: log) { r in
                r.finalFlushAttempts = 2
            }
        }
        #expect(error?.description.contains("spikebar run --resume --db \(store.path)") == true)
        #expect(try store.count("accuracyWindow") == 0)
        #expect(try store.latestRun()?.status == .running)
    }

    /// A sample the learner rejects mid-run ends the run `crashed`, with a `badInput`
    /// event and a checkpoint at the last good sample whose open window is not written.
    @Test func aBadSampleMidRunIsRecordedAsACrash() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let input = try dir.digits(80, replace: [57: "11," + Array(repeating: "0.5", count: 64).joined(separator: ",")])
        let store = try RecordStore.open(path: dir.path("run.sqlite"))
        #expect(throws: DatasetError.self) { try recordedRun(input: input, store: store) }
        let run = try #require(try store.latestRun())
        #expect(run.status == .crashed && run.samplesRecorded == 57)
        let event = try #require(try store.read { db in try EventRecord.filter(Column("kind") == "badInput").fetchOne(db) })
        #expect(event.sample == 57 && event.detailJSON.contains("\"line\":59"))  // the file line: header + 58
        #expect(try store.latestCheckpoint(runId: run.id!)?.sequence == 57)
        #expect(try store.count("accuracyWindow") == 2)  // 0–24, 25–49; 50–56 stays open in the checkpoint
    }

    /// A crash while scoring `--eval` (after training) keeps the last training checkpoint
    /// as the resume point: a learner that has seen evaluation samples is never checkpointed
    /// mid-run, so the resume is accepted (and here meets the same bad line again).
    @Test func aCrashDuringEvaluationStaysResumable() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let input = try dir.digits(50)
        let eval = try dir.digits(5, name: "eval.csv", replace: [2: "11," + Array(repeating: "0.5", count: 64).joined(separator: ",")])
        let store = try RecordStore.open(path: dir.path("run.sqlite"))
        let config = try Repo.config(quickSets)
        var request = RunRequest()
        request.input = .file(input)
        request.eval = .file(eval)
        request.progress = false
        let session = RunSession(config: config, request: request)
        let recorder = Recorder(store: store, version: "test", log: LogLines().sink)
        session.observers = [recorder]
        #expect(throws: DatasetError.self) { try session.run() }
        recorder.abandon(error: DatasetError.badLine(source: eval, line: 4, reason: "label"))
        let run = try #require(try store.latestRun())
        #expect(run.status == .crashed && run.samplesRecorded == 40)
        #expect(try store.latestCheckpoint(runId: run.id!)?.sequence == 40)

        let plan = try ResumePlan.latest(in: store, loader: Repo.loader, input: nil)
        #expect(plan.resumeSample == 40)
        var again = plan.request
        again.progress = false
        let resumed = RunSession(config: plan.config, request: again)
        resumed.observers = [Recorder(store: store, version: "test", resuming: plan, log: LogLines().sink)]
        #expect(throws: DatasetError.self) { try resumed.run() }  // not ResumeError: the state fits
    }

    /// SIGINT/SIGTERM path: queued flushes are written, the run is marked interrupted,
    /// and later flushes are not accepted.
    @Test func anInterruptMarksTheRunAndStopsRecording() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let input = try dir.digits(160)
        let store = try RecordStore.open(path: dir.path("run.sqlite"))
        var recorder: Recorder?
        let stop = AtSample(100) { recorder?.interrupt(reason: "SIGTERM") }
        _ = try recordedRun(input: input, store: store, extra: [stop]) { recorder = $0 }
        let run = try #require(try store.latestRun())
        #expect(run.status == .interrupted && run.samplesRecorded == 80)
        #expect(try store.count("accuracyWindow") == 3)
        let stopEvent = try store.read { db in try EventRecord.filter(Column("kind") == "stop").fetchAll(db) }
        #expect(stopEvent.count == 1 && stopEvent[0].detailJSON.contains("SIGTERM"))
    }
}

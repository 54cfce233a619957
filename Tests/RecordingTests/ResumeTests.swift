import AppTestSupport
import Settings
import Foundation
import GRDB
import Testing
@testable import Runtime
@testable import Recording
@testable import Store

/// In-process resume: an interrupted run continued from its checkpoint ends exactly like
/// the run that was never stopped (the process-level SIGKILL test is CrashResumeTests).
@Suite struct ResumeTests {
    func resume(_ store: RecordStore) throws -> (RunSummary, ResumePlan) {
        let plan = try ResumePlan.latest(in: store, loader: Repo.loader, input: nil)
        var request = plan.request
        request.progress = false
        let session = RunSession(config: plan.config, request: request)
        session.observers = [Recorder(store: store, version: "test", resuming: plan)]
        return (try session.run(), plan)
    }

    func windows(_ store: RecordStore, _ table: String) throws -> [[DatabaseValue]] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY windowIndex").map { Array($0.databaseValues.dropFirst()) }
        }
    }

    @Test(arguments: [100, 10])  // after two flushes; before the first one
    func anInterruptedRunResumesExactly(stopAt: Int) throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let input = try dir.digits(90)
        let whole = try RecordStore.open(path: dir.path("whole.sqlite"))
        let (expected, _) = try recordedRun(input: input, passes: 2, shuffle: 5, store: whole)

        let broken = try RecordStore.open(path: dir.path("broken.sqlite"))
        var first: Recorder?
        _ = try recordedRun(input: input, passes: 2, shuffle: 5, store: broken,
                            extra: [AtSample(stopAt) { first?.interrupt(reason: "test") }]) { first = $0 }
        let (summary, plan) = try resume(broken)
        #expect(plan.resumeSample == (stopAt / 40) * 40)
        let resumed = plan.request.resume.map { $0.pass * 90 + $0.position }
        #expect(resumed == (plan.resumeSample > 0 ? plan.resumeSample : nil))

        #expect(summary.stateDigest == expected.stateDigest)
        #expect(summary.prequentialAccuracy == expected.prequentialAccuracy)
        #expect(summary.windowAccuracy == expected.windowAccuracy)
        #expect(summary.lastPassAccuracy == expected.lastPassAccuracy)
        #expect(summary.spikesPerSample == expected.spikesPerSample)
        #expect(summary.pulses == expected.pulses && summary.samples == expected.samples)
        #expect(summary.energyPicojoules == expected.energyPicojoules && summary.energyBreakdown == expected.energyBreakdown)
        #expect(try windows(broken, "accuracyWindow") == windows(whole, "accuracyWindow"))
        #expect(try windows(broken, "energyWindow") == windows(whole, "energyWindow"))
        let run = try broken.run(id: plan.runId)
        #expect(run.status == .finished && run.samplesRecorded == 180)
        #expect(try broken.count("run") == 1)
        #expect(try broken.count("event", where: "kind = 'start'") == 2)
    }

    @Test func aFinishedOrAbsentRunIsNotResumed() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let store = try RecordStore.open(path: dir.path("db.sqlite"))
        #expect(throws: ResumeError.noRun(database: store.path)) {
            try ResumePlan.latest(in: store, loader: Repo.loader, input: nil)
        }
        _ = try recordedRun(input: try dir.digits(20), store: store)
        #expect(throws: ResumeError.alreadyFinished(runId: 1, database: store.path)) {
            try ResumePlan.latest(in: store, loader: Repo.loader, input: nil)
        }
    }

    /// The configuration comes back from the run's YAML snapshot, not from today's files.
    @Test func theConfigurationIsRebuiltFromItsSnapshot() throws {
        let original = try Repo.config(quickSets + ["seed=9", "hardware.device.dwMinStd=2", "hardware.crossbar.adcBits=6"])
        let yaml = YAMLRenderer.render(original.snapshot)
        let restored = try ResumePlan.restoreConfig(yaml, loader: Repo.loader, runId: 3)
        #expect(restored.hardware == original.hardware)
        #expect(restored.run.engine == original.run.engine && restored.run.seed == 9)
        #expect(restored.run.recording == original.run.recording && restored.run.preset == original.run.preset)
        #expect(YAMLRenderer.render(restored.snapshot) == yaml)

        let tampered = yaml.replacingOccurrences(of: "seed: 9", with: "seed: 9\nsurprise: 1")
        #expect(throws: ResumeError.self) { try ResumePlan.restoreConfig(tampered, loader: Repo.loader, runId: 3) }
    }

    /// A snapshot written before a key existed (here the piecewise law's tables) rebuilds
    /// with the key at its default; a value that reads back differently is still refused.
    @Test func aSnapshotFromBeforeAKeyExistedRebuildsWithItsDefault() throws {
        let original = try Repo.config(quickSets + ["hardware.device.dwMinStd=2"])
        let yaml = YAMLRenderer.render(original.snapshot)
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let older = lines.filter { !$0.contains("piecewiseUp") && !$0.contains("piecewiseDown") }
        #expect(older.count < lines.count)
        let restored = try ResumePlan.restoreConfig(older.joined(separator: "\n"), loader: Repo.loader, runId: 4)
        #expect(restored.hardware == original.hardware && restored.run.engine == original.run.engine)
        let changed = yaml.replacingOccurrences(of: "dwMinStd: 2.0\n", with: "dwMinStd: 2.0000000001\n")
        #expect(changed != yaml)
        #expect(throws: ResumeError.self) { try ResumePlan.restoreConfig(changed, loader: Repo.loader, runId: 4) }
    }
}

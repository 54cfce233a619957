import AppTestSupport
import Foundation
import GRDB
import Recording
import Runtime
import Settings
import Store
import Testing

@Suite("Recorded experiments")
struct ExperimentRecordingTests {
    @Test("an experiment writes its R matrix (baseline as afterTask −1), task boundaries, and learns the same with or without recording")
    func recordsTheRMatrix() throws {
        let dir = NSTemporaryDirectory() + "spikebar-exp-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let config = try ConfigLoader(configsDirectory: Repo.configs).resolve(
            file: Repo.configs + "/experiments/split-digits.yaml",
            sets: ["network.timesteps=4", "experiment.tasks=3", "network.layers=0,32,10"])
        let plain = try ExperimentRunner(config: config).run()
        let recorded = ExperimentRunner(config: config)
        let store = try RecordStore.open(path: dir + "/e.sqlite")
        recorded.observers.append(ExperimentRecorder(recorder: Recorder(store: store, version: "test")))
        let summary = try recorded.run()
        #expect(summary.stateDigest == plain.stateDigest)
        let runId = try #require(summary.runId)
        let rows = try store.read { db in try TaskEvalRecord.filter(Column("runId") == runId).fetchAll(db) }
        #expect(rows.count == 4 * 3)
        for row in rows {
            let expected = row.afterTask < 0 ? summary.baseline[row.task] : summary.R[row.afterTask][row.task]
            #expect(abs(row.accuracy - expected) < 1e-12)
        }
        let boundaries = try store.read { db in
            try EventRecord.filter(Column("runId") == runId && Column("kind") == "taskBoundary").fetchCount(db)
        }
        #expect(boundaries == 3)
        #expect(try store.run(id: runId).status == .finished)
    }
}

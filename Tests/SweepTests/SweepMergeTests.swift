import Foundation
import GRDB
import Store
import Testing
@testable import Settings
@testable import Sweep

@Suite struct SweepMergeTests {
    /// Writes a finished run with two accuracy windows and an event into a run database.
    func writeRun(_ path: String, seed: Int, finished: Bool) throws {
        let store = try RecordStore.open(path: path)
        let run = try store.createRun(RunRecord(startedAt: Date(), preset: "rram", seed: seed, version: "t", input: "digits",
                                                passes: 1, requestJSON: "{}", configYAML: "seed: \(seed)\n"))
        try store.write { db in
            for w in 0..<2 {
                try db.execute(sql: """
                    INSERT INTO accuracyWindow (runId, windowIndex, firstSample, lastSample, pass, samples, correct, windowAccuracy, prequentialAccuracy)
                    VALUES (?, ?, ?, ?, 0, 100, ?, ?, 0.5)
                    """, arguments: [run.id, w, w * 100, w * 100 + 99, 50 + seed, Double(50 + seed) / 100])
            }
        }
        if finished { try store.finishRun(runId: run.id!, RunEnd(status: .finished, summaryJSON: "{\"seed\":\(seed)}")) }
    }

    @Test func mergeGathersFinishedRunsOnceAndMarksTheRest() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-merge-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = "name: m\ngrid: {network.timesteps: [4, 8]}\nseeds: [1, 2]\n"
        let plan = SweepPlan(spec: try SweepSpec(document: YAMLDocument(text: text, source: "m.yaml")))
        let folder = SweepFolder(path: dir)
        try folder.prepare(specText: text, name: "m")
        try writeRun(folder.runDatabase(0), seed: 1, finished: true)
        try writeRun(folder.runDatabase(1), seed: 2, finished: true)
        try writeRun(folder.runDatabase(2), seed: 1, finished: false)
        try folder.write(.init(attempts: 2, failed: true, message: "exited(2): boom"), of: 2)
        for _ in 0..<2 {   // merging twice must not duplicate
            let tally = try SweepMerge.merge(plan: plan, folder: folder, specText: text)
            #expect(tally == .init(finished: 2, failed: 1, missing: 1))
        }
        let merged = try RecordStore.openForReading(path: folder.database)
        try merged.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run") == 2)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accuracyWindow") == 4)
            #expect(try Int.fetchAll(db, sql: "SELECT correct FROM accuracyWindow ORDER BY runId, windowIndex") == [51, 51, 52, 52])
            let rows = try Row.fetchAll(db, sql: "SELECT runIndex, runId, status, axesJSON, message FROM sweepRun ORDER BY runIndex")
            #expect(rows.map { $0["status"] as String } == ["finished", "finished", "failed", "missing"])
            #expect(rows[1]["axesJSON"] as String == "{\"network.timesteps\":\"4\",\"seed\":\"2\"}")
            #expect((rows[2]["message"] as String?) == "exited(2): boom")
            #expect(try String.fetchOne(db, sql: "SELECT specYAML FROM sweep") == text)
        }
    }

    @Test func aFolderHoldsOneSweep() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-folder-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SweepFolder(path: dir).prepare(specText: "name: a\n", name: "a")
        try SweepFolder(path: dir).prepare(specText: "name: a\n", name: "a")
        #expect(throws: SweepError.self) { try SweepFolder(path: dir).prepare(specText: "name: b\n", name: "b") }
    }
}

import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct FlushTests {
    @Test(arguments: StoreKind.allCases)
    func aFlushWritesEverythingAndPrunesCheckpoints(kind: StoreKind) throws {
        let (store, dir) = try kind.open()
        defer { dir?.cleanup() }
        let id = try #require(try store.createRun(Fixture.run()).id)
        for k in 0..<4 { try store.record(Fixture.flush(id, windows: (2 * k)..<(2 * k + 2), keep: 2)) }
        #expect(try store.count("accuracyWindow") == 8)
        #expect(try store.count("energyWindow") == 8)
        #expect(try store.count("wearSnapshot") == 4)
        #expect(try store.count("event") == 4)
        let sequences = try store.read { db in try Int.fetchAll(db, sql: "SELECT sequence FROM checkpoint ORDER BY sequence") }
        #expect(sequences == [60, 80])
        let run = try store.run(id: id)
        #expect(run.samplesRecorded == 80 && run.lastFlushAt == Fixture.date && run.status == .running)
    }

    @Test func theLastFlushEndsTheRun() throws {
        let store = try RecordStore.inMemory()
        let id = try #require(try store.createRun(Fixture.run()).id)
        var batch = Fixture.flush(id, windows: 0..<1)
        batch.end = RunEnd(status: .finished, endedAt: Fixture.date, summaryJSON: #"{"ok":true}"#)
        try store.record(batch)
        let run = try store.run(id: id)
        #expect(run.status == .finished && run.endedAt == Fixture.date && run.summaryJSON == #"{"ok":true}"#)
    }

    /// A failure in the middle of a flush (here: a trigger standing in for an I/O error on
    /// the checkpoint insert, after the windows went in) leaves nothing of it behind.
    @Test(arguments: StoreKind.allCases)
    func aFailedFlushWritesNothing(kind: StoreKind) throws {
        let (store, dir) = try kind.open()
        defer { dir?.cleanup() }
        let id = try #require(try store.createRun(Fixture.run()).id)
        try store.record(Fixture.flush(id, windows: 0..<2))
        try store.write { db in
            try db.execute(sql: "CREATE TRIGGER failCheckpoint BEFORE INSERT ON checkpoint BEGIN SELECT RAISE(ABORT, 'simulated I/O failure'); END")
        }
        let batch = Fixture.flush(id, windows: 2..<5)
        #expect(throws: StoreError.self) { try store.record(batch) }
        #expect(try store.count("accuracyWindow") == 2)
        #expect(try store.count("energyWindow") == 2)
        #expect(try store.count("wearSnapshot") == 1)
        #expect(try store.count("event") == 1)
        #expect(try store.count("checkpoint") == 1)
        #expect(try store.run(id: id).samplesRecorded == 20)

        // The same batch, retried once the cause is gone, goes in whole.
        try store.write { db in try db.execute(sql: "DROP TRIGGER failCheckpoint") }
        try store.record(batch)
        #expect(try store.count("accuracyWindow") == 5)
        #expect(try store.run(id: id).samplesRecorded == 50)
    }

    @Test func finishRunEndsARunWithoutRecords() throws {
        let store = try RecordStore.inMemory()
        let id = try #require(try store.createRun(Fixture.run()).id)
        try store.record(Fixture.flush(id, windows: 0..<1))
        let stop = EventRecord(runId: id, sample: 10, kind: .stop, createdAt: Fixture.date)
        try store.finishRun(runId: id, RunEnd(status: .finished, endedAt: Fixture.date, summaryJSON: "{}"), event: stop)
        let run = try store.run(id: id)
        #expect(run.status == .finished && run.summaryJSON == "{}" && run.endedAt == Fixture.date && run.samplesRecorded == 10)
        #expect(try store.count("event") == 2)
        #expect(throws: StoreError.notFound(path: ":memory:", what: "run 99")) {
            try store.finishRun(runId: 99, RunEnd(status: .crashed))
        }
    }

    @Test func aDuplicateWindowIsRefusedWhole() throws {
        let store = try RecordStore.inMemory()
        let id = try #require(try store.createRun(Fixture.run()).id)
        try store.record(Fixture.flush(id, windows: 0..<2))
        let error = #expect(throws: StoreError.self) { try store.record(Fixture.flush(id, windows: 1..<3)) }
        guard case .invalid? = error else { Issue.record("expected .invalid, got \(String(describing: error))"); return }
        #expect(try store.count("accuracyWindow") == 2)
        #expect(try store.count("checkpoint") == 1)
    }

    @Test func aSecondFlushAtTheSameSampleReplacesItsCheckpointAndWear() throws {
        let store = try RecordStore.inMemory()
        let id = try #require(try store.createRun(Fixture.run()).id)
        try store.record(Fixture.flush(id, windows: 0..<2))
        var last = Fixture.flush(id, windows: 2..<2)
        last.samplesProcessed = 20
        last.checkpoint = Fixture.checkpoint(id, sequence: 20, bytes: 8)
        last.wearSnapshots = [Fixture.wear(id, sample: 20)]
        try store.record(last)
        #expect(try store.count("checkpoint") == 1)
        #expect(try store.count("wearSnapshot") == 1)
        #expect(try store.latestCheckpoint(runId: id)?.stateBlob.count == 8)
    }

    @Test func samplesRecordedFollowsTheCheckpoint() throws {
        let store = try RecordStore.inMemory()
        let id = try #require(try store.createRun(Fixture.run()).id)
        try store.record(Fixture.flush(id, windows: 0..<2))
        var recordsOnly = Fixture.flush(id, windows: 2..<3)
        recordsOnly.checkpoint = nil
        try store.record(recordsOnly)
        #expect(try store.run(id: id).samplesRecorded == 20)
        #expect(try store.count("accuracyWindow") == 3)
    }

    @Test func aFlushForAnUnknownRunFails() throws {
        let store = try RecordStore.inMemory()
        var batch = FlushBatch(runId: 42, samplesProcessed: 0)
        batch.events = []
        #expect(throws: StoreError.self) { try store.record(batch) }
    }

    @Test func absorbKeepsEveryRecordAndTheNewestCheckpoint() {
        var a = Fixture.flush(1, windows: 0..<2)
        var b = Fixture.flush(1, windows: 2..<3)
        b.end = RunEnd(status: .crashed, endedAt: Fixture.date)
        a.absorb(b)
        #expect(a.accuracyWindows.map(\.windowIndex) == [0, 1, 2])
        #expect(a.energyWindows.count == 3 && a.wearSnapshots.count == 2 && a.events.count == 2)
        #expect(a.checkpoint?.sequence == 30 && a.samplesProcessed == 30 && a.end?.status == .crashed)
        #expect(a.rowCount == 3 + 3 + 2 + 2 + 1)
    }
}

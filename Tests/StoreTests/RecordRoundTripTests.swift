import Foundation
import GRDB
import Testing
@testable import Store

/// Every record type comes back from the database exactly as it went in.
@Suite struct RecordRoundTripTests {
    @Test(arguments: StoreKind.allCases)
    func everyRecordRoundTrips(kind: StoreKind) throws {
        let (store, dir) = try kind.open()
        defer { dir?.cleanup() }
        var run = try store.createRun(Fixture.run())
        let id = try #require(run.id)
        run.summaryJSON = #"{"samples":3}"#
        run.endedAt = Fixture.date.addingTimeInterval(60)
        try store.write { db in try run.update(db) }
        #expect(try store.run(id: id) == run)

        var taskEval = TaskEvalRecord(runId: id, afterTask: 1, task: 0, accuracy: 0.875, samples: 40)
        var event = EventRecord(runId: id, sample: 12, kind: .deviceFailure,
                                detailJSON: EventRecord.detail(["failures": 2, "note": "a \"quoted\", comma"]),
                                createdAt: Fixture.date)
        let records = try store.write { db -> (AccuracyWindowRecord, EnergyWindowRecord, WearSnapshotRecord, CheckpointRecord) in
            var a = Fixture.accuracy(id, 3)
            var e = Fixture.energy(id, 3)
            e.energyPicojoules = 1.5e6
            e.energyBreakdownJSON = #"{"adc":1e6,"write":5e5}"#
            var w = Fixture.wear(id, sample: 40)
            var c = Fixture.checkpoint(id, sequence: 40, bytes: 100_000)
            try a.insert(db); try e.insert(db); try w.insert(db); try c.insert(db)
            try taskEval.insert(db); try event.insert(db)
            return (a, e, w, c)
        }
        let back = try store.read { db in
            (try AccuracyWindowRecord.fetchOne(db, key: records.0.id), try EnergyWindowRecord.fetchOne(db, key: records.1.id),
             try WearSnapshotRecord.fetchOne(db, key: records.2.id), try CheckpointRecord.fetchOne(db, key: records.3.id),
             try TaskEvalRecord.fetchOne(db, key: taskEval.id), try EventRecord.fetchOne(db, key: event.id))
        }
        #expect(back.0 == records.0)
        #expect(back.1 == records.1)
        #expect(back.2 == records.2)
        #expect(back.3 == records.3)
        #expect(back.4 == taskEval)
        #expect(back.5 == event)
        #expect(event.detailJSON == #"{"failures":2,"note":"a \"quoted\", comma"}"#)
        #expect(try store.latestCheckpoint(runId: id) == records.3)
    }

    @Test func nullableColumnsStayNull() throws {
        let store = try RecordStore.inMemory()
        let id = try #require(try store.createRun(Fixture.run()).id)
        var a = Fixture.accuracy(id, 0)
        a.windowAccuracy = nil
        var w = Fixture.wear(id, sample: 1)
        w.budgetUsedMean = nil; w.budgetUsedMax = nil; w.pulseMapBlob = nil
        let e = Fixture.energy(id, 0)
        try store.write { db in try a.insert(db); try w.insert(db); var e2 = e; try e2.insert(db) }
        let nulls = try store.read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM accuracyWindow WHERE windowAccuracy IS NULL)
                     + (SELECT COUNT(*) FROM wearSnapshot WHERE budgetUsedMean IS NULL AND budgetUsedMax IS NULL AND pulseMapBlob IS NULL)
                     + (SELECT COUNT(*) FROM energyWindow WHERE energyPicojoules IS NULL AND energyBreakdownJSON IS NULL)
                     + (SELECT COUNT(*) FROM run WHERE endedAt IS NULL AND summaryJSON IS NULL AND lastFlushAt IS NULL)
                """)
        }
        #expect(nulls == 4)
    }

    @Test func aRunIsCreatedWithItsFirstEvents() throws {
        let store = try RecordStore.inMemory()
        let run = try store.createRun(Fixture.run(), events: [EventRecord(runId: 0, sample: 0, kind: .start, createdAt: Fixture.date)])
        let events = try store.read { db in try EventRecord.fetchAll(db) }
        #expect(events.map(\.runId) == [run.id!] && events.map(\.kind) == [.start])
    }

    @Test func runsAreListedWithTheirLastWindow() throws {
        let store = try RecordStore.inMemory()
        let a = try #require(try store.createRun(Fixture.run()).id)
        let b = try #require(try store.createRun(Fixture.run()).id)
        try store.record(Fixture.flush(b, windows: 0..<3))
        let listing = try store.runs()
        #expect(listing.map(\.run.id) == [a, b])
        #expect(listing[0].checkpoints == 0 && listing[0].prequentialAccuracy == nil)
        #expect(listing[1].checkpoints == 1)
        #expect(listing[1].windowAccuracy == Fixture.accuracy(b, 2).windowAccuracy)
        #expect(try store.latestRun()?.id == b)
    }
}

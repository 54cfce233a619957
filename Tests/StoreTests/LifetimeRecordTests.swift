import Foundation
import GRDB
import Testing
@testable import Store

/// Migration `v3-lifetime` (issue #18): the new tables round-trip, and the rebuilt `event`
/// table keeps the rows of an older database and accepts the `lifetime` kind.
@Suite struct LifetimeRecordTests {
    @Test(arguments: StoreKind.allCases)
    func lifetimeRowsRoundTripThroughAFlush(kind: StoreKind) throws {
        let (store, dir) = try kind.open()
        defer { dir?.cleanup() }
        let id = try #require(try store.createRun(Fixture.run()).id)
        var batch = FlushBatch(runId: id, samplesProcessed: 200)
        batch.lifetimeWindows = [
            LifetimeWindowRecord(runId: id, windowIndex: 1, sample: 200, layer: 0, tileRow: 0, tileCol: 1, active: true,
                                 writeScale: 0.125, projectedSeconds: 3.5e7, horizonPulses: 42),
            LifetimeWindowRecord(runId: id, windowIndex: 1, sample: 200, layer: 1, tileRow: 0, tileCol: 0, active: false,
                                 writeScale: 1, projectedSeconds: nil, horizonPulses: 0),
        ]
        batch.recentWear = [RecentWearRecord(runId: id, sample: 200, layer: 0, tileRow: 0, tileCol: 1, windows: 20,
                                             horizonSamples: 200, pulsesBlob: RecentWearRecord.blob([0, 1, 70_000, .max]))]
        batch.events = [EventRecord(runId: id, sample: 200, kind: .lifetime,
                                    detailJSON: EventRecord.detail(["regime": "throttled", "layer": 0]), createdAt: Fixture.date)]
        try store.record(batch)
        let back = try store.lifetimeRecords(runId: id)
        #expect(back.windows.map { $0.writeScale } == [0.125, 1])
        #expect(back.windows.map { $0.projectedSeconds } == [3.5e7, nil])
        #expect(back.windows.map { $0.active } == [true, false])
        #expect(back.recent.count == 1)
        #expect(back.recent[0].pulses == [0, 1, 70_000, .max])
        let events = try store.read { db in try EventRecord.filter(EventRecord.Columns.kind == EventKind.lifetime.rawValue).fetchAll(db) }
        #expect(events.count == 1)
        // Deleting the run takes its lifetime rows with it.
        try store.write { db in _ = try RunRecord.deleteOne(db, key: id) }
        #expect(try store.lifetimeRecords(runId: id).windows.isEmpty)
    }

    @Test func migratingAnOlderDatabaseKeepsItsEvents() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v2-delayLine")
        try queue.write { db in
            var run = Fixture.run()
            try run.insert(db)
            var e = EventRecord(runId: run.id!, sample: 7, kind: .taskBoundary, detailJSON: #"{"task":1}"#, createdAt: Fixture.date)
            try e.insert(db)
            #expect(throws: (any Error).self) {
                try db.execute(sql: "INSERT INTO event (runId, sample, kind, detailJSON, createdAt) VALUES (?, 0, 'lifetime', '{}', ?)",
                               arguments: [run.id!, Fixture.date])
            }
        }
        try queue.close()
        let store = try RecordStore.open(path: path)
        let events = try store.read { db in try EventRecord.fetchAll(db) }
        #expect(events.map(\.sample) == [7])
        #expect(events.map(\.kind) == [.taskBoundary])
        try store.write { db in
            var e = EventRecord(runId: events[0].runId, sample: 9, kind: .lifetime, createdAt: Fixture.date)
            try e.insert(db)
            #expect(e.id! > events[0].id!)
        }
        #expect(try store.integrityCheck() == ["ok"])
        let hasIndex = try store.read { db in try db.indexes(on: "event").contains { $0.columns == ["runId"] } }
        #expect(hasIndex)
    }
}

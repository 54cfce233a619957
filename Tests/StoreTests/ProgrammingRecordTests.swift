import Foundation
import GRDB
import Testing
@testable import Store

/// Migration `v4-programming` (issue #19): a run's programming phase round-trips, in crossbar
/// order; an older database gains the table and keeps its runs.
@Suite struct ProgrammingRecordTests {
    static func row(_ runId: Int64, layer: Int, algorithm: String = "iterative") -> ProgrammingRecord {
        ProgrammingRecord(runId: runId, layer: layer, name: layer == 0 ? "hidden 1" : "readout", algorithm: algorithm,
                          pairs: 8320 - 7030 * layer, rounds: 1, pulses: 160_163, setPulses: 81_101, resetPulses: 79_062,
                          verifyReads: 673_932, failures: 0, writeLatencySeconds: 4.455e-4, energyPicojoules: 2.2e7,
                          rmsError: 0.0375, convergedPairs: 8319, exhaustedPairs: 1, maxPulsesPerPair: 232)
    }

    @Test(arguments: StoreKind.allCases)
    func rowsRoundTripInCrossbarOrder(kind: StoreKind) throws {
        let (store, dir) = try kind.open()
        defer { dir?.cleanup() }
        let id = try #require(try store.createRun(Fixture.run()).id)
        var rounds = Self.row(id, layer: 0, algorithm: "rounds")
        rounds.convergedPairs = nil; rounds.exhaustedPairs = nil; rounds.maxPulsesPerPair = nil
        try store.insertProgramming([Self.row(id, layer: 1), rounds])
        let back = try store.programmingRecords(runId: id)
        #expect(back.map(\.layer) == [0, 1])
        let stripped = back.map { r -> ProgrammingRecord in
            var r = r
            r.id = nil
            return r
        }
        #expect(stripped == [rounds, Self.row(id, layer: 1)])
        #expect(try store.programmingRecords(runId: id + 1).isEmpty)
        // One row per run and crossbar: writing it again replaces it.
        try store.insertProgramming([Self.row(id, layer: 1)])
        #expect(try store.programmingRecords(runId: id).count == 2)
        // An unknown algorithm is refused by the table's CHECK.
        #expect(throws: (any Error).self) { try store.insertProgramming([Self.row(id, layer: 2, algorithm: "magic")]) }
        // Deleting the run takes its programming rows with it.
        try store.write { db in _ = try RunRecord.deleteOne(db, key: id) }
        #expect(try store.programmingRecords(runId: id).isEmpty)
    }

    @Test func migratingAnOlderDatabaseAddsTheTable() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v3-lifetime")
        try queue.write { db in
            var run = Fixture.run()
            try run.insert(db)
            #expect(try !db.tableExists("programming"))
        }
        try queue.close()
        let store = try RecordStore.open(path: path)
        let runs = try store.read { db in try RunRecord.fetchAll(db) }
        #expect(runs.count == 1)
        try store.insertProgramming([Self.row(runs[0].id!, layer: 0)])
        #expect(try store.programmingRecords(runId: runs[0].id!).count == 1)
        #expect(try store.integrityCheck() == ["ok"])
        #expect(Schema.runTables.contains("programming") && Schema.tables.contains("programming"))
    }
}

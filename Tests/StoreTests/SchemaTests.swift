import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct SchemaTests {
    @Test(arguments: StoreKind.allCases)
    func migrationsCreateEveryTable(kind: StoreKind) throws {
        let (store, dir) = try kind.open()
        defer { dir?.cleanup() }
        let (applied, tables) = try store.read { db in
            (try Schema.migrator.appliedMigrations(db), try (Schema.tables + Schema.sweepTables).filter { try db.tableExists($0) })
        }
        #expect(applied == Schema.migrator.migrations)
        #expect(tables == Schema.tables + Schema.sweepTables)
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func fileStoreIsWALAndReopens() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("a/b/spikebar.sqlite")
        let first = try RecordStore.open(path: path)
        #expect(try first.journalMode() == "wal")
        let run = try first.createRun(Fixture.run())
        let again = try RecordStore.open(path: path)
        #expect(try again.run(id: run.id!) == run)
        let reader = try RecordStore.openForReading(path: path)
        #expect(try reader.latestRun() == run)
    }

    @Test func refusesANewerSchema() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("db.sqlite")
        let store = try RecordStore.open(path: path)
        try store.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        #expect(throws: StoreError.newerSchema(path: path, unknown: ["v99-from-the-future"])) {
            try RecordStore.open(path: path)
        }
        #expect(throws: StoreError.newerSchema(path: path, unknown: ["v99-from-the-future"])) {
            try RecordStore.openForReading(path: path)
        }
    }

    @Test func readerRefusesAnUnmigratedOrMissingFile() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let missing = dir.path("none.sqlite")
        #expect(throws: StoreError.notFound(path: missing, what: "database file")) {
            try RecordStore.openForReading(path: missing)
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
        let empty = dir.path("empty.sqlite")
        try DatabaseQueue(path: empty).write { db in try db.execute(sql: "CREATE TABLE other (x)") }
        #expect(throws: StoreError.olderSchema(path: empty, missing: Schema.migrator.migrations)) {
            try RecordStore.openForReading(path: empty)
        }
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("notes.sqlite")
        try Data(String(repeating: "these are not pages of a database\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try RecordStore.open(path: path) }
        guard case let .corrupt(p, _)? = error else {
            Issue.record("expected .corrupt, got \(String(describing: error))")
            return
        }
        #expect(p == path)
        #expect(error!.description.contains(path))
    }

    @Test func statusAndKindConstraintsHold() throws {
        let store = try RecordStore.inMemory()
        let run = try store.createRun(Fixture.run())
        let error = #expect(throws: StoreError.self) {
            try store.write { db in try db.execute(sql: "UPDATE run SET status = 'paused' WHERE id = ?", arguments: [run.id]) }
        }
        guard case .invalid? = error else { Issue.record("expected .invalid, got \(String(describing: error))"); return }
        #expect(throws: StoreError.self) {
            try store.write { db in
                try db.execute(sql: "INSERT INTO event (runId, sample, kind, detailJSON, createdAt) VALUES (?, 0, 'party', '{}', 0)",
                               arguments: [run.id])
            }
        }
    }
}

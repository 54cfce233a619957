import Foundation
import GRDB

/// The Spikebar database: runs and what they recorded (accuracy, energy counts, wear, task
/// evaluations, events) and the checkpoints they resume from.
///
/// A file store is a GRDB `DatabasePool` in WAL mode: one writer (the recorder, or the
/// daemon) and any number of concurrent readers — in this process or another, including
/// `sqlite3` and pandas — that only ever see committed transactions and never block the
/// writer. Every method throws ``StoreError`` naming the file; none of them keeps state
/// outside the database, so a store may be shared between threads.
public final class RecordStore: Sendable {
    /// The database file (`:memory:` for an in-memory store).
    public let path: String
    /// The underlying GRDB connection(s). Prefer the typed methods; this is for queries
    /// the store has no method for (reports) and for tests.
    public let database: any DatabaseWriter

    init(path: String, database: any DatabaseWriter) {
        self.path = path
        self.database = database
    }

    /// Opens (creating it and its folders if needed) the database at `path` for writing,
    /// in WAL mode, and migrates it to this build's schema.
    ///
    /// - Parameter busyTimeoutSeconds: how long a write waits for another writer's lock
    ///   before failing with ``StoreError/busy(path:message:)``, seconds.
    /// - Throws: ``StoreError/newerSchema(path:unknown:)`` if a newer Spikebar wrote it,
    ///   ``StoreError/corrupt(path:message:)`` if it is not an SQLite database.
    public static func open(path: String, busyTimeoutSeconds: Double = 5) throws -> RecordStore {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw StoreError.unavailable(path: path, message: "cannot create folder \(dir): \(error.localizedDescription)")
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeoutSeconds)
        let pool = try StoreError.wrap(path) { try DatabasePool(path: path, configuration: config) }
        let store = RecordStore(path: path, database: pool)
        try store.migrate()
        return store
    }

    /// Opens an existing database for reading only (never creates, never migrates): for
    /// `spikebar db` and reports, possibly while a run writes it.
    ///
    /// - Throws: ``StoreError/notFound(path:what:)`` if there is no file,
    ///   ``StoreError/olderSchema(path:missing:)`` or ``StoreError/newerSchema(path:unknown:)``
    ///   if its schema is not this build's.
    public static func openForReading(path: String) throws -> RecordStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.notFound(path: path, what: "database file")
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(5)
        let pool = try StoreError.wrap(path) { try DatabasePool(path: path, configuration: config) }
        let store = RecordStore(path: path, database: pool)
        try store.checkSchema(requireComplete: true)
        return store
    }

    /// A fresh in-memory store (tests, dry runs).
    public static func inMemory() throws -> RecordStore {
        let store = RecordStore(path: ":memory:", database: try StoreError.wrap(":memory:") { try DatabaseQueue() })
        try store.migrate()
        return store
    }

    /// Applies the migrations this database lacks, after refusing a newer schema.
    func migrate() throws {
        try checkSchema(requireComplete: false)
        try StoreError.wrap(path) { try Schema.migrator.migrate(database) }
    }

    /// Refuses a database that holds migrations this build does not know (and, with
    /// `requireComplete`, one that lacks some).
    func checkSchema(requireComplete: Bool) throws {
        let migrator = Schema.migrator
        let applied = try read { db in try migrator.appliedIdentifiers(db) }
        let unknown = applied.subtracting(migrator.migrations).sorted()
        guard unknown.isEmpty else { throw StoreError.newerSchema(path: path, unknown: unknown) }
        if requireComplete {
            let missing = migrator.migrations.filter { !applied.contains($0) }
            guard missing.isEmpty else { throw StoreError.olderSchema(path: path, missing: missing) }
        }
    }

    /// Runs a read-only block on a consistent snapshot (committed transactions only).
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try StoreError.wrap(path) { try database.read(body) }
    }

    /// Runs `body` in one write transaction: all of it is committed, or none of it.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try StoreError.wrap(path) { try database.write(body) }
    }

    /// `PRAGMA integrity_check`: `["ok"]` for a sound file, else SQLite's complaints.
    public func integrityCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// The journal mode in effect (`wal` for a file store).
    public func journalMode() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }
}

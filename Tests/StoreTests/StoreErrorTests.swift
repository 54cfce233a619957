import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct StoreErrorTests {
    /// A database whose size limit is reached reports "disk full" (SQLITE_FULL), names the
    /// file, is transient, and leaves the previous flushes intact.
    @Test func aFullDatabaseIsDiskFull() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("full.sqlite")
        let store = try RecordStore.open(path: path)
        let id = try #require(try store.createRun(Fixture.run()).id)
        try store.record(Fixture.flush(id, windows: 0..<1))
        try store.database.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages + 2)")
        }
        var big = Fixture.flush(id, windows: 1..<2)
        big.checkpoint = Fixture.checkpoint(id, sequence: 20, bytes: 1_000_000)
        let error = #expect(throws: StoreError.self) { try store.record(big) }
        guard case let .diskFull(p, _)? = error else { Issue.record("expected .diskFull, got \(String(describing: error))"); return }
        #expect(p == path)
        #expect(error!.isTransient)
        #expect(error!.description.contains("disk full") && error!.description.contains(path))
        #expect(try store.count("accuracyWindow") == 1)
    }

    /// Another process holding the write lock past the busy timeout gives `.busy`.
    @Test func aLockedDatabaseIsBusy() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("locked.sqlite")
        let store = try RecordStore.open(path: path, busyTimeoutSeconds: 0.1)
        let id = try #require(try store.createRun(Fixture.run()).id)
        let other = try DatabaseQueue(path: path)
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let holder = Thread {
            try? other.inTransaction(.immediate) { _ in
                locked.signal()
                release.wait()
                return .commit
            }
            done.signal()
        }
        holder.start()
        locked.wait()
        let error = #expect(throws: StoreError.self) { try store.record(Fixture.flush(id, windows: 0..<1)) }
        release.signal()
        done.wait()
        guard case let .busy(p, _)? = error else { Issue.record("expected .busy, got \(String(describing: error))"); return }
        #expect(p == path && error!.isTransient)
        // Once the lock is gone the same flush goes through.
        try store.record(Fixture.flush(id, windows: 0..<1))
        #expect(try store.count("accuracyWindow") == 1)
    }

    @Test func sqliteResultCodesMapToKinds() {
        func kind(_ code: ResultCode) -> String {
            switch StoreError.map(DatabaseError(resultCode: code, message: "m"), path: "p") {
            case .busy: return "busy"
            case .diskFull: return "diskFull"
            case .corrupt: return "corrupt"
            case .invalid: return "invalid"
            case .unavailable: return "unavailable"
            default: return "other"
            }
        }
        #expect(kind(.SQLITE_BUSY) == "busy")
        #expect(kind(.SQLITE_LOCKED) == "busy")
        #expect(kind(.SQLITE_FULL) == "diskFull")
        #expect(kind(.SQLITE_NOTADB) == "corrupt")
        #expect(kind(.SQLITE_CORRUPT) == "corrupt")
        #expect(kind(.SQLITE_CONSTRAINT) == "invalid")
        #expect(kind(.SQLITE_IOERR) == "unavailable")
        #expect(kind(.SQLITE_CANTOPEN) == "unavailable")
    }

    @Test func everyMessageNamesTheFile() {
        let errors: [StoreError] = [
            .busy(path: "/x/db.sqlite", message: "m"), .diskFull(path: "/x/db.sqlite", message: "m"),
            .corrupt(path: "/x/db.sqlite", message: "m"), .newerSchema(path: "/x/db.sqlite", unknown: ["v9"]),
            .olderSchema(path: "/x/db.sqlite", missing: ["v1"]), .unavailable(path: "/x/db.sqlite", message: "m"),
            .notFound(path: "/x/db.sqlite", what: "run 3"), .invalid(path: "/x/db.sqlite", message: "m"),
        ]
        for e in errors { #expect(e.description.hasPrefix("/x/db.sqlite: "), "\(e)") }
        #expect(errors.filter(\.isTransient).count == 3)
    }

    @Test func aFolderThatCannotBeCreatedIsUnavailable() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let blocker = dir.path("file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let path = blocker + "/sub/db.sqlite"
        let error = #expect(throws: StoreError.self) { try RecordStore.open(path: path) }
        guard case .unavailable? = error else { Issue.record("expected .unavailable, got \(String(describing: error))"); return }
    }
}

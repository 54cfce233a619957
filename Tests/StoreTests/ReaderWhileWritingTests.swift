import Foundation
import GRDB
import Testing
@testable import Store

/// WAL: a second connection reads while a run writes, never blocks it, and only ever sees
/// whole flushes.
@Suite struct ReaderWhileWritingTests {
    /// A reader inside a long read transaction does not stop a flush from committing, and
    /// keeps seeing its snapshot until it starts a new read.
    @Test func aReaderDoesNotBlockTheWriter() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("wal.sqlite")
        let store = try RecordStore.open(path: path, busyTimeoutSeconds: 0.2)
        let id = try #require(try store.createRun(Fixture.run()).id)
        try store.record(Fixture.flush(id, windows: 0..<1))
        let reader = try RecordStore.openForReading(path: path)
        let inside = DispatchSemaphore(value: 0), written = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var seen: (before: Int, after: Int, timedOut: Bool) = (0, 0, true)
        let thread = Thread {
            try? reader.read { db in
                seen.before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accuracyWindow") ?? -1
                inside.signal()
                seen.timedOut = written.wait(timeout: .now() + 10) == .timedOut
                seen.after = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accuracyWindow") ?? -1
            }
            inside.signal()
        }
        thread.start()
        inside.wait()
        try store.record(Fixture.flush(id, windows: 1..<3))  // commits while the reader is inside
        written.signal()
        inside.wait()
        #expect(!seen.timedOut)
        #expect(seen.before == 1 && seen.after == 1)
        #expect(try reader.count("accuracyWindow") == 3)
    }

    /// A reader polling while flushes commit sees, in every read, windows and checkpoints
    /// that belong together: never the windows of a flush without its checkpoint.
    @Test func aPollingReaderNeverSeesAPartialFlush() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("poll.sqlite")
        let store = try RecordStore.open(path: path)
        let id = try #require(try store.createRun(Fixture.run()).id)
        let reader = try RecordStore.openForReading(path: path)
        let flushes = 40
        let finished = DispatchSemaphore(value: 0)
        let writer = Thread {
            for k in 0..<flushes {
                var b = Fixture.flush(id, windows: (3 * k)..<(3 * k + 3), keep: 0)
                b.checkpoint = Fixture.checkpoint(id, sequence: (3 * k + 3) * 10, bytes: 100_000)
                try? store.record(b)
            }
            finished.signal()
        }
        writer.start()
        var observed = Set<Int>()
        var violations: [String] = []
        repeat {
            let (windows, checkpoints, recorded, energy) = try reader.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accuracyWindow") ?? -1,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM checkpoint") ?? -1,
                 try Int.fetchOne(db, sql: "SELECT samplesRecorded FROM run") ?? -1,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM energyWindow") ?? -1)
            }
            if windows != 3 * checkpoints || energy != windows || recorded != windows * 10 {
                violations.append("windows \(windows) energy \(energy) checkpoints \(checkpoints) samplesRecorded \(recorded)")
            }
            observed.insert(checkpoints)
        } while finished.wait(timeout: .now()) == .timedOut
        #expect(violations.count == 0, "first partial reads: \(violations.prefix(3))")
        #expect(try reader.count("checkpoint") == flushes)
        // The reader ran alongside the writer, not only before or after it.
        #expect(observed.count >= 3, "observed \(observed.sorted())")
    }
}

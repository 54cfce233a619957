import Foundation

/// Lines written to a file (created or truncated) or to stdout, through a 64 KiB buffer:
/// a large export is streamed, never held whole. A file is written beside its final path
/// and moved there by ``close()``, so a failed export (see ``discard()``) leaves no half-written file.
final class LineOutput {
    private let handle: FileHandle
    private let partial: String?
    private let final: String?
    private var buffer: [UInt8] = []
    private var closed = false
    private static let flushBytes = 1 << 16

    /// `path` nil: stdout.
    init(path: String?) throws {
        final = path
        guard let path else {
            handle = FileHandle.standardOutput
            partial = nil
            return
        }
        let temporary = path + ".partial"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        partial = temporary
        buffer.reserveCapacity(Self.flushBytes + 1024)
    }

    /// Appends `line` and a line feed.
    func write(_ line: String) throws {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= Self.flushBytes { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Drops an export that stopped early: a file's partial copy is removed (stdout keeps
    /// what was already written). `fail` exits without unwinding, so callers discard
    /// explicitly before rethrowing.
    func discard() {
        buffer.removeAll()
        guard let partial, !closed else { return }
        closed = true
        try? handle.close()
        try? FileManager.default.removeItem(atPath: partial)
    }

    /// Writes what is buffered; a file is closed and moved to its path.
    func close() throws {
        try flush()
        guard let partial, let final else { return }
        try handle.close()
        closed = true
        if FileManager.default.fileExists(atPath: final) { try FileManager.default.removeItem(atPath: final) }
        try FileManager.default.moveItem(atPath: partial, toPath: final)
    }
}

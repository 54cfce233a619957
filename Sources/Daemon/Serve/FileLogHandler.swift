import Foundation
import Logging

/// A swift-log handler that appends lines to a file (and is combined with the stderr handler
/// through `MultiplexLogHandler`). Lines: `2026-11-29T06:00:00Z info spikebar: message key=value`.
public struct FileLogHandler: LogHandler {
    final class Sink: Sendable {
        let handle: FileHandle
        let lock = NSLock()
        init(handle: FileHandle) { self.handle = handle }
        func write(_ s: String) { lock.withLock { handle.write(Data(s.utf8)) } }
    }

    let label: String
    let sink: Sink
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]

    /// Opens (creating folders) `path` for appending.
    public static func open(path: String) throws -> @Sendable (String) -> FileLogHandler {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        // A file that cannot be created fails the open below, which names the path.
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let h = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        h.seekToEndOfFile()
        let sink = Sink(handle: h)
        return { label in FileLogHandler(label: label, sink: sink) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        var fields = all.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        if let error = event.error { fields += " error=\(error)" }
        let stamp = ISO8601DateFormatter().string(from: Date())
        sink.write("\(stamp) \(event.level) \(label): \(event.message)\(fields)\n")
    }
}

import Foundation

/// Reads a child process's stderr from a pipe as it arrives, copies it to a file (so the
/// process's `Result` still has it), and lets a test block until a line matching a pattern
/// has appeared, without polling: the reader thread's blocking `read` wakes the waiter
/// through a condition variable on every chunk and at end of file.
///
/// `@unchecked Sendable`: every stored mutable property (`text`, `finished`) is read and
/// written only while `condition` is locked; `file` and `pipe` are set once in `init`.
public final class StderrWatcher: @unchecked Sendable {
    let pipe = Pipe()
    private let file: FileHandle
    private let condition = NSCondition()
    private var text = ""
    private var finished = false

    /// Copies everything read from ``pipe`` to `path`.
    init(copyingTo path: String) throws {
        file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    /// Starts the reader thread; call after the process has started (`Process.run` closes
    /// the parent's copy of the write end, so end of file comes when the child exits).
    func start() {
        let thread = Thread { [self] in
            while true {
                let chunk = pipe.fileHandleForReading.availableData
                condition.lock()
                if chunk.isEmpty { finished = true } else {
                    file.write(chunk)
                    text += String(decoding: chunk, as: UTF8.self)
                }
                condition.broadcast()
                condition.unlock()
                if chunk.isEmpty { break }
            }
            try? file.close()
        }
        thread.start()
    }

    /// The first match of `pattern` (a regular expression) in stderr, waiting for it until
    /// `deadline`; nil if stderr ended or the deadline passed without one.
    public func firstMatch(of pattern: String, before deadline: Date) -> Substring? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let r = text.range(of: pattern, options: .regularExpression) { return text[r] }
            if finished || !condition.wait(until: deadline) { return nil }
        }
    }

    /// Blocks until the child's stderr has ended (all of it is in the file).
    func waitForEnd() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }
}

import Foundation

/// A one-line progress bar on stderr, redrawn at most ten times a second, shown only when
/// stderr is a terminal (or when forced).
final class ProgressBar {
    let total: Int
    let label: String
    let enabled: Bool
    var lastDraw = Date.distantPast

    init(total: Int, label: String, force: Bool = false) {
        self.total = total
        self.label = label
        enabled = force || isatty(STDERR_FILENO) != 0
    }

    func update(_ done: Int, accuracy: Double) {
        guard enabled else { return }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        let line = String(format: "\r%@ [%@] %d/%d  acc %.3f", label, bar, done, total, accuracy)
        FileHandle.standardError.write(Data(line.utf8))
        if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

import Daemon
import Foundation
import Logging
import Testing

/// The daemon's log file: one line per event, `stamp level label: message key=value…`.
@Suite("file log handler")
struct FileLogHandlerTests {
    struct Refused: Error, CustomStringConvertible { var description: String { "disk full" } }

    @Test("appends one line per event, with sorted metadata and the error, in a folder it creates")
    func linesAppended() throws {
        let folder = NSTemporaryDirectory() + "spikebar-log-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/logs/daemon.log"
        let make = try FileLogHandler.open(path: path)
        var logger = Logger(label: "spikebar", factory: make)
        logger[metadataKey: "run"] = "7"
        logger.info("checkpoint written", metadata: ["samples": "120"])
        logger.debug("below the level: not written")
        logger.error("flush failed", error: Refused())
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasSuffix(" info spikebar: checkpoint written run=7 samples=120"))
        #expect(lines[1].hasSuffix(" error spikebar: flush failed run=7 error=disk full"))
        // ISO 8601 stamp first.
        #expect(lines[0].split(separator: " ").first.map { ISO8601DateFormatter().date(from: String($0)) != nil } == true)
    }
}

import Foundation

/// The `spikebar` executable of this build, run as a separate process.
///
/// The tests use the binary the same build produced: `swift build --build-tests` (and
/// `swift test`, which builds every product first) puts it beside the test bundle, in
/// `.build/<triple>/debug/`. It is found next to the running test binary
/// (`/proc/self/exe`), or next to the `.xctest` bundle, or at `.build/debug/spikebar` in the
/// checkout; `SPIKEBAR_BIN` overrides all of them. A missing binary fails the test with
/// the command that builds it — it is never skipped.
public struct SpikebarProcess {
    public let process: Process
    public let stdoutPath: String
    public let stderrPath: String
    /// Set when the process was started with `watchingStderr`.
    public let stderrWatcher: StderrWatcher?

    public static func executable() throws -> URL {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["SPIKEBAR_BIN"] { candidates.append(URL(fileURLWithPath: env)) }
        let selfExe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        candidates.append(selfExe.deletingLastPathComponent().appendingPathComponent("spikebar"))
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("spikebar"))
        }
        candidates.append(Repo.root.appendingPathComponent(".build/debug/spikebar"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw BinaryMissing(looked: candidates.map(\.path))
        }
        return found
    }

    public struct BinaryMissing: Error, CustomStringConvertible {
        public let looked: [String]
        public var description: String {
            "the spikebar executable is not built (looked in \(looked.joined(separator: ", "))); run `swift build --build-tests` first"
        }
    }

    /// Starts `spikebar arguments…` in `directory`, stdout and stderr going to files there
    /// (stderr through a ``StderrWatcher`` when `watchingStderr`, so a test can wait for a line).
    public static func start(_ arguments: [String], in directory: TempDir,
                             watchingStderr: Bool = false) throws -> SpikebarProcess {
        let p = Process()
        p.executableURL = try executable()
        p.arguments = arguments
        p.currentDirectoryURL = directory.url
        let tag = UUID().uuidString.prefix(8)
        let out = directory.path("stdout-\(tag)"), err = directory.path("stderr-\(tag)")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        let watcher = watchingStderr ? try StderrWatcher(copyingTo: err) : nil
        if let watcher { p.standardError = watcher.pipe } else {
            p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        }
        try p.run()
        watcher?.start()
        return SpikebarProcess(process: p, stdoutPath: out, stderrPath: err, stderrWatcher: watcher)
    }

    /// Runs to completion.
    public static func run(_ arguments: [String], in directory: TempDir) throws -> Result {
        try start(arguments, in: directory).wait()
    }

    public struct Result {
        public var status: Int32
        public var reason: Process.TerminationReason
        public var stdout: String
        public var stderr: String
        /// The last line of stdout (the JSON summary with `--summary json`).
        public var lastLine: String { stdout.split(separator: "\n").last.map(String.init) ?? "" }
    }

    public func wait() throws -> Result {
        process.waitUntilExit()
        stderrWatcher?.waitForEnd()
        return Result(status: process.terminationStatus, reason: process.terminationReason,
                      stdout: try String(contentsOfFile: stdoutPath, encoding: .utf8),
                      stderr: try String(contentsOfFile: stderrPath, encoding: .utf8))
    }

    public var isRunning: Bool { process.isRunning }

    /// Sends `signal`, then waits for the exit; a process still running `graceSeconds` later
    /// is killed (a watchdog timer, so the test cannot hang). Returns the seconds it took.
    public func stop(_ signal: Int32, graceSeconds: Double) -> Double {
        let t0 = Date()
        kill(signal)
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { _ = Foundation.kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + graceSeconds, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        return Date().timeIntervalSince(t0)
    }
    public func kill(_ signal: Int32) { _ = Foundation.kill(process.processIdentifier, signal) }
}

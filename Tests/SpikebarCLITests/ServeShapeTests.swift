import AppTestSupport
import Foundation
import Testing

/// `spikebar serve --stdin < digits.csv` with the default configuration (issue #15, item 7):
/// the input width comes from the file's first sample, the classes from `--classes`; what
/// cannot be known is named as the one flag to add.
@Suite struct ServeShapeTests {
    /// Runs `spikebar serve --stdin …` with `file` as stdin (a regular file, or a pipe when
    /// `pipe` is set); returns the exit status, stdout and stderr.
    func serve(_ extra: [String], file: String, pipe: Bool = false, in dir: TempDir) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = try SpikebarProcess.executable()
        p.arguments = ["serve", "--stdin", "--db", "none", "--log-file", "", "--configs", Repo.configs] + extra
        p.currentDirectoryURL = dir.url
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let input = Pipe()
        if pipe { p.standardInput = input } else { p.standardInput = FileHandle(forReadingAtPath: file) }
        try p.run()
        if pipe {
            // The daemon may refuse to start before reading: no SIGPIPE, and a failed write is fine.
            signal(SIGPIPE, SIG_IGN)
            try? input.fileHandleForWriting.write(contentsOf: try Data(contentsOf: URL(fileURLWithPath: file)))
            try? input.fileHandleForWriting.close()
        }
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, stdout, stderr)
    }

    @Test func theWidthComesFromTheFileAndTheClassesFromOneFlag() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let file = try dir.digits(5)
        let (status, _, stderr) = try serve([], file: file, in: dir)
        #expect(status == 2)
        #expect(stderr.contains("network.layers is [64, 128, 0]: add --classes N"), "\(stderr)")
        #expect(!stderr.contains("--inputs"))

        let (ok, stdout, okErr) = try serve(["--classes", "10"], file: file, in: dir)
        #expect(ok == 0, "\(okErr)")
        let seqs = stdout.split(separator: "\n").compactMap { (try? jsonObject(String($0)))?["seq"] as? Int }
        #expect(seqs == [1, 2, 3, 4, 5])

        // A pipe cannot be peeked at: the error names --inputs.
        let (piped, _, pipedErr) = try serve(["--classes", "10"], file: file, pipe: true, in: dir)
        #expect(piped == 2 && pipedErr.contains("network.layers is [0, 128, 10]: add --inputs N"), "\(pipedErr)")
        let (both, bothOut, _) = try serve(["--classes", "10", "--inputs", "64"], file: file, pipe: true, in: dir)
        #expect(both == 0 && bothOut.split(separator: "\n").count == 5)
    }
}

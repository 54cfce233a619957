import Foundation
import LineProtocol

/// The files of a sweep's output folder:
///
/// ```
/// DIR/sweep.yaml              the sweep file, copied (a folder holds one sweep)
/// DIR/runs/run-0007.sqlite    run 7's own database (an ordinary `spikebar run` database)
/// DIR/runs/run-0007.lock      held (flock) by the process running run 7
/// DIR/runs/run-0007.json      run 7's attempts and, if it failed twice, why
/// DIR/sweep.sqlite            every run gathered into one database (`spikebar sweep merge`)
/// DIR/slurm/                  the job-array and merge scripts (`spikebar sweep slurm`)
/// ```
/// Each run writes only its own files, so shards on many machines can share the folder.
public struct SweepFolder: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public var specCopy: String { path + "/sweep.yaml" }
    public var runsFolder: String { path + "/runs" }
    public var database: String { path + "/sweep.sqlite" }
    public var slurmFolder: String { path + "/slurm" }

    func stem(_ index: Int) -> String { runsFolder + "/run-" + String(format: "%04d", index) }
    public func runDatabase(_ index: Int) -> String { stem(index) + ".sqlite" }
    public func lockFile(_ index: Int) -> String { stem(index) + ".lock" }
    public func outcomeFile(_ index: Int) -> String { stem(index) + ".json" }

    /// Creates the folder for `specText`, or checks that it already holds the same sweep.
    public func prepare(specText: String, name: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: runsFolder, withIntermediateDirectories: true)
        if let existing = try? String(contentsOfFile: specCopy, encoding: .utf8) {
            guard existing == specText else {
                let found = existing.split(separator: "\n").first { $0.hasPrefix("name:") }.map { String($0.dropFirst(5)).trimmingCharacters(in: .whitespaces) } ?? "?"
                throw SweepError.otherSweep(folder: path, found: found, expected: name)
            }
            return
        }
        let temporary = specCopy + ".\(getpid()).tmp"
        try specText.write(toFile: temporary, atomically: false, encoding: .utf8)
        _ = rename(temporary, specCopy)
    }

    /// What became of one run so far.
    public struct Outcome: Codable, Equatable, Sendable {
        public var attempts: Int
        public var failed: Bool
        public var message: String?
    }

    public func outcome(_ index: Int) -> Outcome? {
        guard let data = FileManager.default.contents(atPath: outcomeFile(index)) else { return nil }
        return try? JSONDecoder().decode(Outcome.self, from: data)
    }

    public func write(_ outcome: Outcome, of index: Int) throws {
        let data = Data(JSONWriter(sortedKeys: true).string(try JSONValueEncoder().encode(outcome)).utf8)
        let temporary = outcomeFile(index) + ".tmp"
        try data.write(to: URL(fileURLWithPath: temporary))
        _ = rename(temporary, outcomeFile(index))
    }

    /// Removes a run's database (and its WAL files) to start it afresh.
    public func removeDatabase(_ index: Int) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: runDatabase(index) + suffix) }
    }
}

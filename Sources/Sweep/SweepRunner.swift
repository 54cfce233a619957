import Foundation
import Store
import Subprocess

/// Runs a shard of a sweep's plan, `jobs` child processes at a time, each an ordinary
/// `spikebar run` recording to the run's own database in the sweep folder.
///
/// A run whose database holds a finished run is skipped; one with a checkpoint continues
/// from it (`run --resume`); any other starts afresh. A run whose process fails (an error,
/// a crash, a kill) is retried once — from its checkpoint if it wrote one — and then
/// marked failed (its outcome file keeps the reason); the sweep goes on. Children run
/// under `spikebar sweep exec`, which holds the run's lock file and dies with its parent,
/// so a killed sweep leaves no orphan writing a database, and two sweeps sharing a folder
/// never run the same run at once.
public struct SweepRunner: Sendable {
    public var plan: SweepPlan
    public var folder: SweepFolder
    public var shard: Shard
    /// Child processes at once.
    public var jobs: Int
    /// The `spikebar` executable the children run.
    public var executable: String
    /// Arguments every child's `run` gets in addition (e.g. `--configs DIR`).
    public var extraRunArguments: [String]
    /// Progress lines (stderr).
    public var log: @Sendable (String) -> Void

    public init(plan: SweepPlan, folder: SweepFolder, shard: Shard, jobs: Int, executable: String,
                extraRunArguments: [String] = [], log: @escaping @Sendable (String) -> Void) {
        self.plan = plan
        self.folder = folder
        self.shard = shard
        self.jobs = max(1, jobs)
        self.executable = executable
        self.extraRunArguments = extraRunArguments
        self.log = log
    }

    /// The exit code of `sweep exec` when another process holds the run's lock.
    public static let lockedExitCode: Int32 = 75

    /// What a shard's runs came to.
    public struct Tally: Equatable, Sendable {
        public var finished = 0, skipped = 0, failed = 0, busy = 0
    }

    /// Where a run stands before this shard touches it.
    enum State { case finished, resumable, fresh }

    func state(of index: Int) -> State {
        let path = folder.runDatabase(index)
        guard FileManager.default.fileExists(atPath: path),
              let store = try? RecordStore.openForReading(path: path),
              let run = try? store.latestRun(), let id = run.id else { return .fresh }
        if run.status == .finished { return .finished }
        return (try? store.latestCheckpoint(runId: id)) != nil ? .resumable : .fresh
    }

    /// Runs every run of the shard that is not finished yet.
    public func run() async throws -> Tally {
        let mine = plan.runs(in: shard)
        var tally = Tally()
        let pending = mine.filter { run in
            if state(of: run.index) == .finished { tally.skipped += 1; return false }
            return true
        }
        if tally.skipped > 0 { log("spikebar: sweep \(plan.spec.name): \(tally.skipped) run(s) already finished, skipped") }
        var done = tally.skipped
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var next = pending.makeIterator()
            func launch() -> Bool {
                guard let run = next.next() else { return false }
                group.addTask { (run.index, try await self.execute(run)) }
                return true
            }
            for _ in 0..<jobs where !launch() { break }
            while let (index, result) = try await group.next() {
                done += 1
                let axes = plan.runs[index].axes.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                switch result {
                case let .finished(summary):
                    tally.finished += 1
                    log("[\(done)/\(mine.count)] run \(index) finished (\(axes))\(summary.map { ": \($0)" } ?? "")")
                case let .failed(message):
                    tally.failed += 1
                    log("[\(done)/\(mine.count)] run \(index) FAILED twice (\(axes)): \(message)")
                case .busy:
                    tally.busy += 1
                    log("[\(done)/\(mine.count)] run \(index) is being run by another process; left to it")
                }
                _ = launch()
            }
        }
        return tally
    }

    enum Result: Sendable {
        case finished(String?), failed(String), busy
    }

    /// One run: up to two attempts.
    func execute(_ run: SweepPlan.PlannedRun) async throws -> Result {
        var outcome = folder.outcome(run.index) ?? SweepFolder.Outcome(attempts: 0, failed: false, message: nil)
        var lastMessage = ""
        for _ in 0..<2 {
            let database = folder.runDatabase(run.index)
            var arguments: [String]
            switch state(of: run.index) {
            case .finished: return .finished(nil)
            case .resumable: arguments = ["run", "--resume", "--db", database, "--summary", "json", "--no-progress"]
            case .fresh:
                folder.removeDatabase(run.index)
                arguments = plan.arguments(of: run, database: database)
            }
            arguments += extraRunArguments
            outcome.attempts += 1
            try folder.write(outcome, of: run.index)
            let result = try await Subprocess.run(
                .path(.init(executable)),
                arguments: .init(["sweep", "exec", "--lock", folder.lockFile(run.index), "--"] + arguments),
                output: .string(limit: 1 << 20), error: .string(limit: 1 << 20))
            switch result.terminationStatus {
            case .exited(0):
                outcome.failed = false
                outcome.message = nil
                try folder.write(outcome, of: run.index)
                return .finished(Self.headline(result.standardOutput))
            case .exited(Self.lockedExitCode):
                outcome.attempts -= 1
                try folder.write(outcome, of: run.index)
                return .busy
            case let status:
                let tail = result.standardError.split(separator: "\n").suffix(3).joined(separator: " | ")
                lastMessage = "\(status)\(tail.isEmpty ? "" : ": \(tail)")"
            }
        }
        outcome.failed = true
        outcome.message = lastMessage
        try folder.write(outcome, of: run.index)
        return .failed(lastMessage)
    }

    /// `acc 0.852, 544.2 pulses/sample` from a run's JSON summary (its last stdout line).
    static func headline(_ stdout: String) -> String? {
        guard let line = stdout.split(separator: "\n").last,
              let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
        var parts: [String] = []
        if let a = object["evalAccuracy"] as? Double ?? object["prequentialAccuracy"] as? Double { parts.append(String(format: "acc %.3f", a)) }
        if let p = object["pulsesPerSample"] as? Double { parts.append(String(format: "%.1f pulses/sample", p)) }
        if let d = object["stateDigest"] as? String { parts.append("digest \(d)") }
        return parts.joined(separator: ", ")
    }
}

import ArgumentParser
import CProcessSupport
import Settings
import Foundation
import Store
import Sweep

/// `spikebar sweep`: a design-space sweep from a sweep file, in parallel on this machine
/// (`--jobs`), as one shard of many (`--shard i/n`), or as a Slurm job array (`sweep slurm`).
struct SweepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a design-space sweep: a base run and axes over configuration keys.",
        discussion: """
        Each run is an ordinary `spikebar run` in a child process, recording to its own database \
        in the output folder; at the end every run is gathered into OUT/sweep.sqlite (the run \
        schema plus the sweep and sweepRun tables). See Configs/sweeps/.
        """,
        subcommands: [SweepStart.self, SweepSlurm.self, SweepMergeCommand.self, SweepExec.self],
        defaultSubcommand: SweepStart.self)
}

/// Options naming a sweep and its folder.
struct SweepLocation: ParsableArguments {
    @Option(help: "The sweep file (see Configs/sweeps/).")
    var config: String

    @Option(help: "The sweep's folder (default: Logs/sweep-<name>).")
    var out: String?

    @Option(help: "The Configs/ folder (default: ./Configs, $SPIKEBAR_CONFIGS, or next to the binary).")
    var configs: String?

    /// The parsed sweep, its plan, its text and its folder.
    func load() throws -> (SweepPlan, String, SweepFolder) {
        let text: String
        do { text = try String(contentsOfFile: config, encoding: .utf8) } catch {
            throw ConfigFileError(source: config, line: nil, message: "cannot read: \(error.localizedDescription)")
        }
        let spec = try SweepSpec(document: YAMLDocument(text: text, source: config))
        let plan = SweepPlan(spec: spec)
        return (plan, text, SweepFolder(path: absolute(out ?? "Logs/sweep-\(spec.name)")))
    }
}

func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
}

/// This executable's absolute path (children and Slurm tasks run the same binary).
var currentExecutable: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? absolute(CommandLine.arguments[0])
}

struct SweepStart: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Run the sweep (the default).")

    @OptionGroup var location: SweepLocation

    @Option(help: "Runs at once (default: the machine's cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Run only this share of the runs: INDEX/COUNT, from 0 (run i belongs to shard i mod COUNT).", valueName: "i/n"))
    var shard: String?

    @Flag(help: "Continue a sweep: skip finished runs, resume unfinished ones from their checkpoints.")
    var resume = false

    @Flag(help: "Do not gather the runs into sweep.sqlite at the end (each shard of a Slurm array).")
    var noMerge = false

    func run() async throws {
        do {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
            let part = try shard.map(Shard.init(parsing:)) ?? .all
            let (plan, text, folder) = try location.load()
            try plan.validate(loader: try ConfigLoader.locate(explicit: location.configs))
            try folder.prepare(specText: text, name: plan.spec.name)
            let started = plan.runs(in: part).filter { FileManager.default.fileExists(atPath: folder.outcomeFile($0.index)) }
            if !resume, !started.isEmpty {
                throw ValidationError("\(folder.path) already holds \(started.count) run(s) of this shard: add --resume to continue the sweep, or choose another --out")
            }
            let configs = try ConfigLoader.locate(explicit: location.configs).configsDirectory
            FileHandle.standardError.write(Data("spikebar: sweep \(plan.spec.name): \(plan.runs(in: part).count) of \(plan.runs.count) runs (shard \(part)), \(jobs) at once, in \(folder.path)\n".utf8))
            let runner = SweepRunner(plan: plan, folder: folder, shard: part, jobs: jobs, executable: currentExecutable,
                                     extraRunArguments: ["--configs", absolute(configs)]) { line in
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            let tally = try await runner.run()
            print("sweep \(plan.spec.name) shard \(part): \(tally.finished) finished, \(tally.skipped) already done, \(tally.failed) failed, \(tally.busy) left to other processes")
            if !noMerge {
                let merged = try SweepMerge.merge(plan: plan, folder: folder, specText: text)
                print("merged \(merged.finished) finished, \(merged.failed) failed, \(merged.missing) missing run(s) into \(folder.database)")
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            fail(error)
        }
    }
}

struct SweepMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge", abstract: "Gather the sweep's run databases into OUT/sweep.sqlite.")

    @OptionGroup var location: SweepLocation

    func run() throws {
        do {
            let (plan, text, folder) = try location.load()
            let merged = try SweepMerge.merge(plan: plan, folder: folder, specText: text)
            print("merged \(merged.finished) finished, \(merged.failed) failed, \(merged.missing) missing run(s) into \(folder.database)")
        } catch { fail(error) }
    }
}

struct SweepSlurm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm", abstract: "Write a Slurm job-array script (one shard per task) and its merge job.",
        discussion: "Writes OUT/slurm/array.sbatch, merge.sbatch and submit.sh; run submit.sh on the cluster's login node. OUT must be on a file system every node sees.")

    @OptionGroup var location: SweepLocation

    @Option(help: "Array tasks (shards).")
    var tasks: Int = 4

    @Option(help: "Cores per task (runs at once in a task).")
    var cpusPerTask: Int = 1

    @Option(help: "Memory per task (Slurm syntax).")
    var mem = "2G"

    @Option(help: "Wall-time limit per task (Slurm syntax).")
    var time = "01:00:00"

    @Option(help: "Slurm partition (default: the cluster's).")
    var partition: String?

    func run() throws {
        do {
            guard tasks >= 1, cpusPerTask >= 1 else { throw ValidationError("--tasks and --cpus-per-task must be at least 1") }
            let (plan, text, folder) = try location.load()
            try plan.validate(loader: try ConfigLoader.locate(explicit: location.configs))
            try folder.prepare(specText: text, name: plan.spec.name)
            let script = SlurmScript(
                tasks: tasks, cpusPerTask: cpusPerTask, memory: mem, time: time, partition: partition,
                executable: currentExecutable, sweepFile: absolute(location.config), outFolder: folder.path,
                configsFolder: absolute(try ConfigLoader.locate(explicit: location.configs).configsDirectory),
                workingFolder: FileManager.default.currentDirectoryPath, name: plan.spec.name)
            try FileManager.default.createDirectory(atPath: folder.slurmFolder, withIntermediateDirectories: true)
            for (name, body) in [("array.sbatch", script.arrayScript), ("merge.sbatch", script.mergeScript), ("submit.sh", script.submitScript)] {
                let path = folder.slurmFolder + "/" + name
                try body.write(toFile: path, atomically: true, encoding: .utf8)
                chmod(path, 0o755)
                print(path)
            }
        } catch let error as ValidationError { throw error } catch { fail(error) }
    }
}

/// Runs one `spikebar run` for a sweep: holds the run's lock file for its whole life and dies
/// with its parent. A second process for the same run (a sweep resumed the moment the last
/// one was killed, while its dying child still holds the lock; or a second sweep on the same
/// folder) waits for the lock, then finds the run finished and exits 0, or carries on.
struct SweepExec: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "exec", abstract: "Run one run of a sweep (used by sweep itself).", shouldDisplay: false)

    @Option(help: "The run's lock file.")
    var lock: String

    @Argument(parsing: .captureForPassthrough, help: "The `spikebar run` arguments.")
    var arguments: [String] = []

    func run() throws {
        _ = spikebar_die_with_parent()
        let fd = open(lock, O_CREAT | O_RDWR, 0o644)
        guard fd >= 0 else { fail(ConfigFileError(source: lock, line: nil, message: "cannot open the lock file")) }
        guard flock(fd, LOCK_EX) == 0 else { Foundation.exit(SweepRunner.lockedExitCode) }
        var args = arguments
        if args.first == "--" { args.removeFirst() }
        if args.first == "run" { args.removeFirst() }
        if let i = args.firstIndex(of: "--db"), i + 1 < args.count,
           FileManager.default.fileExists(atPath: args[i + 1]),
           (try? RecordStore.openForReading(path: args[i + 1]).latestRun())??.status == .finished {
            return   // finished by the process that held the lock before us
        }
        let command = try RunCommand.parse(args)
        try command.run()
    }
}

import ArgumentParser
import Foundation
import Recording
import Runtime
import Settings

struct ExperimentCommand: ErrorReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Run a continual-learning task stream and report the R matrix, ACC, BWT, FWT and forgetting.",
        discussion: "Experiment configs live in Configs/experiments/ (an `experiment:` section plus the usual run keys).")

    @OptionGroup var options: ConfigOptions

    @Option(help: "Summary format: text or json (one JSON object on the last line of stdout).")
    var summary: SummaryFormat = .text

    @Flag(help: "Print each task's progress on stderr.")
    var progress = false

    @Option(help: "Record to this SQLite database ('none' turns recording off; default: recording.database).")
    var db: String?

    func execute() throws {
        let resolved = try options.resolve()
        if !resolved.run.experiment.strategies.isEmpty { return try compare(resolved) }
        let runner = ExperimentRunner(config: resolved)
        runner.observers.append(StrategyLifetime())
        let opened = try openRecorder(db: db, recording: resolved.run.recording)
        if let opened { runner.observers.append(ExperimentRecorder(recorder: opened.recorder)) }
        var result = try runner.run(progress: progress)
        if result.runId != nil { result.database = opened?.path }
        print(summary == .json ? result.json : result.text)
    }

    /// `experiment.strategies`: one run per strategy, each recorded as its own run.
    func compare(_ resolved: ResolvedConfig) throws {
        var recorded: [(runner: ExperimentRunner, path: String)] = []
        var result = try StrategyComparison.run(config: resolved, progress: progress) { runner in
            runner.observers.append(StrategyLifetime())
            guard let opened = try openRecorder(db: db, recording: resolved.run.recording) else { return }
            runner.observers.append(ExperimentRecorder(recorder: opened.recorder))
            recorded.append((runner, opened.path))
        }
        for i in result.runs.indices where result.runs[i].runId != nil { result.runs[i].database = recorded.first?.path }
        print(summary == .json ? result.json : result.text)
    }
}

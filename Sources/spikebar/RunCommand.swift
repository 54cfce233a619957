import ArgumentParser
import Recording
import Runtime
import Settings
import Foundation
import Store

struct RunCommand: ErrorReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Stream a file, stdin or a bundled dataset through predict → score → learn, then exit.",
        discussion: """
        With no input, runs the default configuration on the bundled digits stream. The run is \
        recorded to \(RecordingConfig.defaultDatabase) (recording.database) unless --db says otherwise; \
        --resume continues the latest run of that database from its last checkpoint.
        """)

    @OptionGroup var options: ConfigOptions

    @Option(help: "Samples: a CSV/NDJSON file, '-' for stdin, a bundled dataset (digits, basicmotions-train, basicmotions-test), or an IDX pair (idx:DIR, idx:DIR/PREFIX, idx:IMAGES,LABELS). Default: digits (with --resume: the run's own input).")
    var input: String?

    @Option(help: "Take the input in NumPy's RandomState(SEED).permutation(n) order (0 … 2^32-1; default: file order).")
    var orderSeed: UInt32?

    @Option(help: "Use only the first N samples of the input (after --order-seed).")
    var limit: Int?

    @Option(help: "Passes over the input (default 1).")
    var passes: Int?

    @Option(help: "Shuffle each pass with this seed (a new order per pass; default: file order).")
    var shuffle: UInt64?

    @Option(help: "After training, score this file or bundled dataset with learning off.")
    var eval: String?

    @Option(help: "Reshape each flat channel-major row into this many channels (temporal samples; without --config, Configs/temporal.yaml is used).")
    var channels: Int?

    @Option(help: "Summary format: text or json (one JSON object on the last line of stdout).")
    var summary: SummaryFormat = .text

    @Flag(help: "Do not draw the progress bar.")
    var noProgress = false

    @Option(help: ArgumentHelp("Record to this SQLite database, or 'none' (default: recording.database, \(RecordingConfig.defaultDatabase)).", valueName: "path"))
    var db: String?

    @Flag(help: "Continue the latest run in --db from its last checkpoint, with its recorded configuration, skipping the samples it already processed. Other options may be given if they equal the recorded ones.")
    var resume = false

    func validate() throws {
        if let passes, passes < 1 { throw ValidationError("--passes must be at least 1") }
        if let channels, channels < 1 { throw ValidationError("--channels must be at least 1") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if resume {
            if db == "none" { throw ValidationError("--resume needs a database (--db PATH)") }
        }
    }

    func execute() throws {
        let inputSource = InputSource(argument: input ?? "digits")
        var resolved = try options.resolve(temporal: !resume && (try inputSource.isTemporal(channels: channels)))
        var request: RunRequest
        var recorder: Recorder?
        if resume {
            let path = db ?? resolved.run.recording.database
            let store = try RecordStore.open(path: path)
            let plan = try ResumePlan.latest(in: store, loader: try ConfigLoader.locate(explicit: options.configs), input: input)
            let mismatches = try resumeMismatches(plan)
            guard mismatches.isEmpty else {
                throw ResumeOptionsDiffer(runId: plan.runId, mismatches: mismatches)
            }
            resolved = plan.config
            request = plan.request
            Recorder.standardError("spikebar: resuming run \(plan.runId) of \(path) at sample \(plan.resumeSample) (\(request.input))")
            recorder = Recorder(store: store, version: SpikebarVersion.string, resuming: plan)
        } else {
            request = RunRequest()
            request.input = inputSource
            request.passes = passes ?? 1
            request.shuffleSeed = shuffle
            request.orderSeed = orderSeed
            request.limit = limit
            request.eval = eval.map(InputSource.init(argument:))
            request.channels = channels
            if let opened = try openRecorder(db: db, recording: resolved.run.recording) {
                resolved.run.recording.database = opened.path
                recorder = opened.recorder
            }
        }
        request.progress = !noProgress
        let session = RunSession(config: resolved, request: request)
        session.observers = recorder.map { [$0] } ?? []
        let signals = recorder?.stopOnSignals() ?? []
        defer { signals.forEach { $0.cancel() } }
        let result: RunSummary
        do {
            result = try session.run()
        } catch {
            recorder?.abandon(error: error)
            throw error
        }
        switch summary {
        case .json: print(result.json)
        case .text: print(result.text)
        }
    }
}

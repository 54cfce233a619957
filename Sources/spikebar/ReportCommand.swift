import ArgumentParser
import Recording
import Settings
import Foundation
import Reports
import Store

/// `spikebar report`: a recorded run (or several, side by side) as HTML, Markdown + SVG, or CSV.
struct ReportCommand: ErrorReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the endurance, lifetime, energy and accuracy report of a recorded run (or compare runs).",
        discussion: """
        Reads the database (safe while a run writes it) and writes report.html, report.md with SVG \
        charts beside it, or one CSV per series into --out, then prints the paths. --runs A,B,C \
        writes a comparison instead. See docs/REPORTS.md for how to read each section.
        """)

    @OptionGroup var location: DatabaseLocation

    @Option(name: .customLong("run"), help: "Run id (default: the latest run; see `spikebar db runs`).")
    var runId: Int64?

    @Option(help: ArgumentHelp("Compare these runs side by side, e.g. --runs 1,2,3.", valueName: "A,B,…"))
    var runs: String?

    @Option(help: ArgumentHelp("Report the sweep gathered in this database (OUT/sweep.sqlite of `spikebar sweep`) instead of a run.", valueName: "path"))
    var sweep: String?

    @Option(help: "Format: html (one self-contained page), md (report.md + SVG files) or csv (one file per series).")
    var format: ReportFormat = .html

    @Option(help: ArgumentHelp("Folder to write into (default: Logs/report-<run>, or Logs/compare-<A>-<B>… for --runs).", valueName: "dir"))
    var out: String?

    @Option(help: "Deployment sample rate for the lifetime projection, samples per second (default 100; a reading-stream run with stream.readingsPerSecond: its windows per second).")
    var rate: Double?

    @Option(help: "The Configs/ folder (for the run's cost preset; default: ./Configs, $SPIKEBAR_CONFIGS, or next to the binary).")
    var configs: String?

    func validate() throws {
        if let rate, !(rate > 0 && rate.isFinite) { throw ValidationError("--rate must be a positive number of samples per second") }
        if runs != nil, runId != nil { throw ValidationError("give either --run or --runs, not both") }
        if sweep != nil, runs != nil || runId != nil { throw ValidationError("--sweep reports a whole sweep: drop --run/--runs") }
        if runs != nil {
            let ids = try comparedIds()
            guard ids.count >= 2 else { throw ValidationError("--runs needs at least two run ids, e.g. --runs 1,2") }
        }
    }

    func comparedIds() throws -> [Int64] {
        try commaList(runs ?? "", option: "--runs", what: "a run id") { Int64($0) }
    }

    func execute() throws {
        if let sweep {
            let store = try RecordStore.openForReading(path: sweep)
            let runs = RunReportLoader(store: store, loader: try ConfigLoader.locate(explicit: configs))
            let (data, notes) = try SweepReportLoader(runs: runs).load(options: ReportOptions(samplesPerSecond: rate ?? 100))
            for n in notes { FileHandle.standardError.write(Data("spikebar: note: \(n)\n".utf8)) }
            let folder = out ?? (sweep as NSString).deletingLastPathComponent + "/report"
            for path in try ReportFiles.write(ReportFiles.renderSweep(data, format: format), to: folder) { print(path) }
            return
        }
        let store = try RecordStore.openForReading(path: location.db)
        let loader = RunReportLoader(store: store, loader: try ConfigLoader.locate(explicit: configs))
        var options = ReportOptions(samplesPerSecond: rate ?? 100)
        let files: [String: String]
        let folder: String
        if runs != nil {
            let ids = try comparedIds()
            let inputs = try ids.map { try loader.load(runId: $0) }
            for (id, input) in zip(ids, inputs) { warn(input.notes, run: id) }
            files = ReportFiles.renderComparison(inputs.map(\.data), format: format, options: options)
            folder = out ?? "Logs/compare-" + ids.map(String.init).joined(separator: "-")
        } else {
            let input = try loader.load(runId: runId)
            warn(input.notes, run: input.data.run.id)
            if rate == nil, let w = input.windowsPerSecond { options = ReportOptions(samplesPerSecond: w) }
            files = ReportFiles.render(input.data, format: format, options: options)
            folder = out ?? "Logs/report-\(input.data.run.id)"
        }
        for path in try ReportFiles.write(files, to: folder) { print(path) }
    }

    func warn(_ notes: [String], run id: Int64) {
        for n in notes { FileHandle.standardError.write(Data("spikebar: note: run \(id): \(n)\n".utf8)) }
    }
}

extension ReportFormat: ExpressibleByArgument {}

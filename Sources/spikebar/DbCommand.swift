import ArgumentParser
import Foundation
import Store

/// `spikebar db`: read a Spikebar database — safe while a run writes it (WAL readers never
/// block the writer and see committed flushes only).
struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Read a Spikebar database: list runs, export a table as CSV.",
        subcommands: [Runs.self, Export.self])

    struct Runs: ErrorReportingCommand {
        static let configuration = CommandConfiguration(abstract: "List the runs, oldest first.")
        @OptionGroup var location: DatabaseLocation

        func execute() throws {
            let store = try RecordStore.openForReading(path: location.db)
            print(RunTable.render(try store.runs()))
        }
    }

    struct Export: ErrorReportingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one table's rows of one run as CSV.",
            discussion: "Tables: \(Schema.tables.joined(separator: ", ")). BLOB columns are printed as their size (<name>Bytes).")
        @OptionGroup var location: DatabaseLocation

        @Option(name: .customLong("run"), help: "Run id (see `spikebar db runs`).")
        var runId: Int64

        @Option(help: "Table to export.")
        var table: String

        @Flag(help: "CSV output (the only format; the flag keeps scripts explicit).")
        var csv = false

        func execute() throws {
            let store = try RecordStore.openForReading(path: location.db)
            try store.exportCSV(runId: runId, table: table) { line in print(line) }
        }
    }
}

/// The text table `spikebar db runs` prints.
enum RunTable {
    static func render(_ runs: [RunListing]) -> String {
        guard !runs.isEmpty else { return "no runs" }
        let header = ["id", "status", "started (UTC)", "samples", "preq acc", "window acc", "checkpoints", "preset", "seed", "input"]
        let date = DateFormatter()
        date.dateFormat = "yyyy-MM-dd HH:mm:ss"
        date.timeZone = TimeZone(identifier: "UTC")
        let rows = runs.map { l -> [String] in
            let r = l.run
            return [String(r.id ?? 0), r.status.rawValue, date.string(from: r.startedAt), String(r.samplesRecorded),
                    l.prequentialAccuracy.map { String(format: "%.4f", $0) } ?? "-",
                    l.windowAccuracy.map { String(format: "%.4f", $0) } ?? "-",
                    String(l.checkpoints), r.preset, String(r.seed), r.input]
        }
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { c, v in c == row.count - 1 ? v : v.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

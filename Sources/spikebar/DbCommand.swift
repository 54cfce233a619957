import ArgumentParser
import Foundation
import Recording
import Settings
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
            discussion: "Tables: \(Export.tables.joined(separator: ", ")). BLOB columns are printed as their size (<name>Bytes). "
                + "\(DeviceWearExport.table) is one row per device (G+ and G- of every synapse) at the run's newest checkpoint: "
                + DeviceWearExport.header + ".")
        /// The stored tables and the derived per-device table.
        static var tables: [String] { Schema.tables + [DeviceWearExport.table] }

        @OptionGroup var location: DatabaseLocation

        @Option(help: "Write the CSV to this file instead of stdout.")
        var output: String?

        @Option(help: "The Configs/ folder (deviceWear rebuilds the run's network; default: ./Configs, $SPIKEBAR_CONFIGS, or next to the binary).")
        var configs: String?

        @Option(name: .customLong("run"), help: "Run id (see `spikebar db runs`).")
        var runId: Int64

        @Option(help: "Table to export.")
        var table: String

        @Flag(help: "CSV output (the only format; the flag keeps scripts explicit).")
        var csv = false

        func execute() throws {
            guard Self.tables.contains(table) else {
                throw ValidationError("no table '\(table)' (tables: \(Self.tables.joined(separator: ", ")))")
            }
            let store = try RecordStore.openForReading(path: location.db)
            _ = try store.run(id: runId)
            let out = try LineOutput(path: output)
            do {
                if table == DeviceWearExport.table {
                    try DeviceWearExport.write(store: store, runId: runId, loader: ConfigLoader.locate(explicit: configs), line: out.write)
                } else {
                    try store.exportCSV(runId: runId, table: table, line: out.write)
                }
                try out.close()
            } catch {
                out.discard()
                throw error
            }
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

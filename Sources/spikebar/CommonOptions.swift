import ArgumentParser
import Recording
import Settings
import Foundation
import NIR
import Store

/// Options every command that builds a network shares.
struct ConfigOptions: ParsableArguments {
    @Option(help: "A YAML run configuration (see Configs/).")
    var config: String?

    @Option(help: "Hardware preset: a name in Configs/presets/ or a path to a preset file.")
    var preset: String?

    @Option(help: "Seed of every random draw.")
    var seed: Int?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override one configuration key, e.g. --set network.timesteps=8 or --set hardware.device.dwMinStd=2.", valueName: "key=value"))
    var sets: [String] = []

    @Option(help: "The Configs/ folder (default: ./Configs, $SPIKEBAR_CONFIGS, or next to the binary).")
    var configs: String?

    @Option(help: ArgumentHelp("A NIR graph (HDF5) to program onto the chip instead of random weights (network.model).", valueName: "file.nir"))
    var model: String?

    @Option(name: .customLong("nir-dt"), help: ArgumentHelp("Time step of the NIR graph's discretisation, seconds (default: the file's metadata dt; network.modelTimestepSeconds).", valueName: "seconds"))
    var nirDt: Double?

    /// The configuration of `--config`, else `Configs/temporal.yaml` for temporal input,
    /// else the built-in defaults (`Configs/default.yaml`).
    func resolve(temporal: Bool = false) throws -> ResolvedConfig {
        let loader = try ConfigLoader.locate(explicit: configs)
        let modelSets = (model.map { ["network.model=\($0)"] } ?? []) + (nirDt.map { ["network.modelTimestepSeconds=\($0)"] } ?? [])
        var resolved = try loader.resolve(file: config, sets: sets + modelSets, preset: preset, seed: seed, temporal: temporal)
        try resolved.run.engine.network.importModel(exactWindows: resolved.hardware.preset.device.model == .ideal)
        return resolved
    }
}

/// The database a reading command (`db`, `report`) opens.
struct DatabaseLocation: ParsableArguments {
    @Option(help: ArgumentHelp("The database.", valueName: "path"))
    var db = RecordingConfig.defaultDatabase
}

/// Opens the recorder of a run or an experiment: the database of `--db` when given, else
/// the configuration's `recording.database`. Nil when that is `none` (recording off);
/// otherwise the recorder and the path it writes to.
func openRecorder(db: String?, recording: RecordingConfig) throws -> (path: String, recorder: Recorder)? {
    var recording = recording
    if let db { recording.database = db }
    guard let path = recording.databasePath else { return nil }
    return (path, Recorder(store: try RecordStore.open(path: path), version: SpikebarVersion.string))
}

/// Parses a comma-separated option value (`784,256,10`): each item, trimmed of spaces, is
/// converted by `parse`; an item it rejects is the error "`option`: 'item' is not `what`".
func commaList<T>(_ text: String, option: String, what: String, _ parse: (String) -> T?) throws -> [T] {
    try text.split(separator: ",").map { part in
        guard let value = parse(part.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("\(option): '\(part)' is not \(what)")
        }
        return value
    }
}

enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// A command whose errors are printed the one way (``fail(_:)``): it implements `execute()`
/// and the shared `run()` turns whatever it throws into one line on stderr and exit 2.
/// Opt-in: a command that keeps its own `run()` is unaffected.
protocol ErrorReportingCommand: ParsableCommand {
    /// The command's work; any error it throws is reported by ``fail(_:)``.
    func execute() throws
}

extension ErrorReportingCommand {
    func run() throws {
        do { try execute() } catch { fail(error) }
    }
}

/// Prints an error the way every command does: one line on stderr naming the problem.
func fail(_ error: Error) -> Never {
    FileHandle.standardError.write(Data("spikebar: error: \(error)\n".utf8))
    exit(2)
}

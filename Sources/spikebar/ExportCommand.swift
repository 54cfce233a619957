import ArgumentParser
import Foundation
import NIR
import Recording
import Settings
import Store

/// `spikebar export nir`: a recorded run's learned network as a NIR graph.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a recorded run's network in an interchange format.",
        subcommands: [NIRFile.self])

    struct NIRFile: ErrorReportingCommand {
        static let configuration = CommandConfiguration(
            commandName: "nir",
            abstract: "Write the run's network, with the weights as the array reads them at its newest checkpoint, as a NIR graph (HDF5).",
            discussion: "Hidden layers become LIF nodes, the readout an LI node, each crossbar an Affine (with a bias row) or Linear node; time constants are τ = dt/(1 − λ) with R = τ/dt. `nir.read` loads the file; `spikebar run --model` imports it again.")
        @OptionGroup var location: DatabaseLocation

        @Option(name: .customLong("run"), help: "Run id (see `spikebar db runs`; default: the latest run).")
        var runId: Int64?

        @Option(name: [.short, .long], help: ArgumentHelp("The NIR file to write.", valueName: "file.nir"))
        var output: String

        @Option(name: .customLong("nir-dt"), help: ArgumentHelp("Time step the continuous-time constants are written for, seconds (default: the imported model's, else 0.001).", valueName: "seconds"))
        var nirDt: Double?

        @Option(help: "The Configs/ folder (default: ./Configs, $SPIKEBAR_CONFIGS, or next to the binary).")
        var configs: String?

        func execute() throws {
            let store = try RecordStore.openForReading(path: location.db)
            let recorded = try RecordedNetwork(store: store, loader: try ConfigLoader.locate(explicit: configs), runId: runId)
            let n = recorded.config.run.engine.network
            // 1 ms [assumption] when nothing says otherwise: snnTorch's and Norse's usual step.
            let dt = nirDt ?? (n.modelTimestepSeconds > 0 ? n.modelTimestepSeconds : 1e-3)
            guard dt > 0, dt.isFinite else { throw ValidationError("--nir-dt must be a positive number of seconds") }
            let graph = try NIRGraph(network: recorded.network, dtSeconds: dt)
            try NIRWriter.write(graph, to: output)
            if n.reset == .soft { FileHandle.standardError.write(Data((NIRGraph.softResetNote + "\n").utf8)) }
            let layers = n.layers.map(String.init).joined(separator: "-")
            print("wrote \(output): network \(layers) at sample \(recorded.sample), dt \(dt) s")
        }
    }
}

import ArgumentParser
import Runtime
import Settings
import Foundation

struct EnergyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "energy",
        abstract: "Hardware cost: energy, latency, area and throughput estimates.",
        subcommands: [EnergyEstimateCommand.self])
}

struct EnergyEstimateCommand: ErrorReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate one inference sample's energy, latency, TOPS/W and TOPS/mm² without running data.",
        discussion: """
        dense: SpikeSim's aggregation (every PE cycle charged). event: the event-driven ledger \
        on the expected counts of --spike-rate. Learning and write costs need data: see the \
        energy lines of `spikebar run`.
        """)

    @Option(help: "Layer sizes, inputs to outputs, e.g. 784,256,10.")
    var layers: String = "784,256,10"

    @Option(help: "Time steps per sample.")
    var timesteps: Int = 25

    @Option(help: "dense (SpikeSim-compatible) or event (event-driven ledger).")
    var mode: EnergyEstimate.Mode = .event

    @Option(help: "Cost preset: a name in Configs/costs/ or a path.")
    var preset: String = "spikesim-65nm"

    @Option(help: "Device preset for cell read energy, converter bits and tiling (event mode): a name in Configs/presets/ or a path.")
    var device: String = "rram"

    @Option(help: "Probability that an input line spikes at a step (event mode).")
    var spikeRate: Double = 0.1

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Option(help: "The Configs/ folder (default: ./Configs, $SPIKEBAR_CONFIGS, or next to the binary).")
    var configs: String?

    func execute() throws {
        let sizes = try commaList(layers, option: "--layers", what: "a whole number") { Int($0) }
        let loader = try ConfigLoader.locate(explicit: configs)
        let (cost, _) = try loader.loadCost(preset)
        let (hardware, _) = try loader.loadPreset(device)
        let estimate = EnergyEstimate(sizes: sizes, timesteps: timesteps, mode: mode, spikeRate: spikeRate,
                                      cost: cost, hardware: hardware)
        let result = try estimate.run()
        print(json ? result.json : result.text)
    }
}

extension EnergyEstimate.Mode: ExpressibleByArgument {}

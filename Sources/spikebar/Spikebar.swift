import ArgumentParser

@main
struct Spikebar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spikebar",
        abstract: "An online-learning spiking network on an emulated analog in-memory-computing crossbar.",
        discussion: """
        Spikebar streams sensor samples through a spiking network whose weights live in emulated \
        memory devices, learns from every labelled sample with local rules, and pushes every \
        weight change through a write-pulse model of the devices, counting wear and energy.
        """,
        version: SpikebarVersion.string,
        subcommands: [RunCommand.self, ServeCommand.self, ExperimentCommand.self, BenchCommand.self,
                      DeviceCommand.self, EnergyCommand.self, DbCommand.self, ReportCommand.self, PlayCommand.self,
                      SweepCommand.self, ExportCommand.self],
        defaultSubcommand: nil
    )
}

enum SpikebarVersion {
    static let string = "0.1.0"
}

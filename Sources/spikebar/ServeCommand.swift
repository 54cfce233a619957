import ArgumentParser
import KitSupport
import Settings
import Daemon
import DeviceKit
import Foundation
import Logging
import Runtime

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the daemon: NDJSON/CSV samples in on stdin, a Unix socket and/or TCP; one response line per request line.",
        discussion: """
        Precedence for the daemon's own settings: defaults < Configs/daemon.yaml (or --daemon-config) \
        < SPIKEBAR_* environment variables < flags. SIGTERM/SIGINT stop it cleanly: it stops \
        accepting, answers what it accepted, checkpoints and exits 0.
        """)

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Read requests from stdin, answer on stdout. Alone, the daemon ends when stdin ends.")
    var stdin = false

    @Option(help: "Listen on this Unix domain socket (created with mode 0600).")
    var socket: String?

    @Option(help: "Listen on TCP host:port (e.g. 127.0.0.1:7070).")
    var tcp: String?

    @Option(help: "Serve Prometheus /metrics and JSON /status on 127.0.0.1:PORT.")
    var metricsPort: Int?

    @Option(help: "Longest accepted line in bytes (default 1 MiB).")
    var maxLineBytes: Int?

    @Option(help: "The daemon's YAML settings (default: Configs/daemon.yaml if present).")
    var daemonConfig: String?

    @Option(help: "Log file ('' for stderr only).")
    var logFile: String?

    @Option(help: "Record to this SQLite database ('none' turns recording off; default: recording.database, Logs/spikebar.sqlite).")
    var db: String?

    @Option(help: "Classes (labels) of a new run: the last entry of network.layers.")
    var classes: Int?

    @Option(help: "Input values per sample (per frame) of a new run: the first entry of network.layers (default: from the first sample when stdin is a file).")
    var inputs: Int?

    @Flag(help: "Start a new run instead of resuming the database's unfinished daemon run.")
    var fresh = false

    /// The daemon's services run in this task until a signal (or, stdin-only, the end of
    /// input) has stopped them; errors are reported like every other command's.
    func run() async throws {
        do { try await execute() } catch { fail(error) }
    }

    func execute() async throws {
        let resolved = completingShape(try options.resolve())
        let daemon = try resolveDaemonConfig()
        let services: DaemonServices
        do {
            services = try DaemonServices.start(
                config: resolved, daemon: daemon, database: db ?? resolved.run.recording.database, fresh: fresh,
                configs: options.configs, version: SpikebarVersion.string, logger: try makeLogger(daemon))
        } catch ServeError.shapeNotConfigured {
            throw shapeUnknown(resolved)
        }
        try await services.run()
    }

    func resolveDaemonConfig() throws -> DaemonConfig {
        let loader = try? ConfigLoader.locate(explicit: options.configs)
        let defaultFile = loader.map { $0.configsDirectory + "/daemon.yaml" }
        let path = daemonConfig ?? defaultFile.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
        var flags: [ConfigEntry] = []
        if stdin { flags.append(ConfigEntry("stdin", .scalar("true"))) }
        if let socket { flags.append(ConfigEntry("socket", .scalar(socket))) }
        if let tcp { flags.append(ConfigEntry("tcp", .scalar(tcp))) }
        if let metricsPort { flags.append(ConfigEntry("metricsPort", .scalar(String(metricsPort)))) }
        if let maxLineBytes { flags.append(ConfigEntry("maxLineBytes", .scalar(String(maxLineBytes)))) }
        if let logFile { flags.append(ConfigEntry("logFile", .scalar(logFile))) }
        return try DaemonConfig.resolve(file: try path.map { try YAMLDocument(path: $0) },
                                        environment: ProcessInfo.processInfo.environment, flags: .map(flags))
    }

    func makeLogger(_ d: DaemonConfig) throws -> Logger {
        let level = Logger.Level(rawValue: d.logLevel) ?? .info
        let file = d.logFile.isEmpty ? nil : try FileLogHandler.open(path: d.logFile)
        var logger = Logger(label: "spikebar") { label in
            var err = StreamLogHandler.standardError(label: label)
            err.logLevel = level
            guard let file else { return err }
            var f = file(label)
            f.logLevel = level
            return MultiplexLogHandler([err, f])
        }
        logger.logLevel = level
        return logger
    }
}

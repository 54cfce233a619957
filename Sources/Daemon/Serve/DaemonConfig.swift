import KitSupport
import Settings
import DeviceKit

/// How `spikebar serve` listens. Precedence, lowest first: these defaults ←
/// `Configs/daemon.yaml` (or `--daemon-config FILE`) ← `SPIKEBAR_*` environment variables ←
/// command-line flags.
public struct DaemonConfig: Equatable, Sendable {
    /// Read requests from stdin and answer on stdout.
    public var stdin: Bool = false
    /// Unix domain socket path ("" = none). Created with mode 0600.
    public var socket: String = ""
    /// TCP listen address `host:port` ("" = none). Bind to 127.0.0.1 unless you mean otherwise.
    public var tcp: String = ""
    /// Longest accepted line, bytes; a longer line gets an error and the connection goes on.
    public var maxLineBytes: Int = 1 << 20
    /// Requests a client may have waiting for answers before the daemon stops reading it.
    public var maxInFlightPerClient: Int = 256
    /// Prometheus `/metrics` and JSON `/status` on 127.0.0.1:port (0 = off).
    public var metricsPort: Int = 0
    /// Log file ("" = stderr only).
    public var logFile: String = "Logs/spikebar.log"
    /// Log level: trace, debug, info, notice, warning, error, critical.
    public var logLevel: String = "info"

    public init() {}
}

extension DaemonConfig: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .bool("stdin", \.stdin), .string("socket", \.socket), .string("tcp", \.tcp),
            .int("maxLineBytes", \.maxLineBytes), .int("maxInFlightPerClient", \.maxInFlightPerClient),
            .int("metricsPort", \.metricsPort), .string("logFile", \.logFile), .string("logLevel", \.logLevel),
        ]
    }

    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.inRange(maxLineBytes, 64...(1 << 30), k("maxLineBytes"))
        try Validate.inRange(maxInFlightPerClient, 1...1_000_000, k("maxInFlightPerClient"))
        try Validate.inRange(metricsPort, 0...65535, k("metricsPort"))
        let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
        guard levels.contains(logLevel) else { throw ConfigError.unknownChoice(key: k("logLevel"), value: logLevel, choices: levels) }
        if !tcp.isEmpty, Self.parseHostPort(tcp) == nil {
            throw ConfigError.outOfRange(key: k("tcp"), value: tcp, allowed: "host:port, e.g. 127.0.0.1:7070")
        }
        guard stdin || !socket.isEmpty || !tcp.isEmpty else {
            throw ConfigError.inconsistent(key: k("stdin"), reason: "give at least one source: --stdin, --socket PATH or --tcp HOST:PORT")
        }
    }

    /// Splits `host:port` (IPv6 as `[::1]:port`).
    public static func parseHostPort(_ s: String) -> (host: String, port: Int)? {
        guard let colon = s.lastIndex(of: ":"), let port = Int(s[s.index(after: colon)...]), (0...65535).contains(port) else {
            return nil
        }
        var host = String(s[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }
}

extension DaemonConfig {
    /// The environment variables that set daemon keys (`SPIKEBAR_STDIN=true`, …).
    public static let environmentKeys: [(variable: String, key: String)] = [
        ("SPIKEBAR_STDIN", "stdin"), ("SPIKEBAR_SOCKET", "socket"), ("SPIKEBAR_TCP", "tcp"),
        ("SPIKEBAR_METRICS_PORT", "metricsPort"), ("SPIKEBAR_MAX_LINE_BYTES", "maxLineBytes"),
        ("SPIKEBAR_LOG_FILE", "logFile"), ("SPIKEBAR_LOG_LEVEL", "logLevel"),
    ]

    /// Resolves the daemon's settings with their documented precedence: defaults < the YAML
    /// document (`Configs/daemon.yaml` or `--daemon-config`) < `SPIKEBAR_*` environment
    /// variables < `flags` (a document of the keys given on the command line). Validates.
    public static func resolve(file: YAMLDocument?, environment: [String: String], flags: ConfigValue) throws -> DaemonConfig {
        var d = DaemonConfig()
        if let file {
            do { try d.apply(file.value) } catch { throw file.locate(error) }
        }
        for (variable, key) in environmentKeys {
            guard let value = environment[variable] else { continue }
            do { try d.apply(ConfigValue.from(path: key, value: value)) } catch {
                throw ConfigFileError(source: "environment variable \(variable)", line: nil, message: "\(error)")
            }
        }
        do {
            try d.apply(flags)
            try d.validateAll()
        } catch {
            throw ConfigFileError(source: "serve", line: nil, message: "\(error)")
        }
        return d
    }
}

import LineProtocol
import Runtime
import Settings
import Datasets
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// Everything `spikebar serve` runs, built by one function, which ``start`` calls
/// (``DaemonServices/make(config:daemon:core:extraServices:finalCheckpoint:logger:)``): the engine, the sources and the
/// metrics endpoint as swift-service-lifecycle services, ordered so that on SIGTERM/SIGINT
/// ingest stops first (no new lines), then the metrics endpoint, then the engine answers
/// what was accepted and checkpoints, and the recorder (first in the list) closes last.
public final class DaemonServices: @unchecked Sendable {
    public let group: ServiceGroup
    public let engine: EngineQueue
    public let listeners: Listeners
    public let metrics: MetricsServer?
    let eventLoops: MultiThreadedEventLoopGroup

    /// Builds the services; nothing listens until the group runs.
    public static func make(config: ResolvedConfig, daemon: DaemonConfig, core: EngineCore,
                            extraServices: [Service] = [], finalCheckpoint: (@Sendable () -> Void)? = nil,
                            logger: Logger) -> DaemonServices {
        DaemonServices(config: config, daemon: daemon, core: core, extraServices: extraServices,
                       finalCheckpoint: finalCheckpoint, logger: logger)
    }

    init(config: ResolvedConfig, daemon: DaemonConfig, core: EngineCore, extraServices: [Service],
         finalCheckpoint: (@Sendable () -> Void)?, logger: Logger) {
        eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        engine = EngineQueue(core: core)
        let decoder = InputLineDecoder(channels: nil)
        listeners = Listeners(group: eventLoops, queue: engine, config: daemon, decoder: decoder)
        listeners.streams = ReadingStream.factory(config: config)
        let queue = engine
        metrics = daemon.metricsPort > 0
            ? MetricsServer(group: eventLoops, port: daemon.metricsPort) {
                var stats = queue.sync { $0.stats() } ?? .object([])
                if case let .object(pairs) = stats {
                    stats = .object(pairs + [("queueDepth", .number(Double(queue.depth), isInteger: true))])
                }
                return stats
            }
            : nil
        let stdinOnly = daemon.stdin && daemon.socket.isEmpty && daemon.tcp.isEmpty
        let ingest = IngestService(listeners: listeners, daemon: daemon, engine: engine, group: eventLoops,
                                   decoder: decoder, endsWithStdin: stdinOnly, logger: logger)
        let engineService = EngineService(engine: engine, listeners: listeners, finalCheckpoint: finalCheckpoint, logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = extraServices.map { .init(service: $0) }
        services.append(.init(service: engineService))
        if let metrics { services.append(.init(service: MetricsService(server: metrics, logger: logger))) }
        services.append(.init(service: ingest, successTerminationBehavior: .gracefullyShutdownGroup))
        self.group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint],
                                                       cancellationSignals: [], logger: logger))
    }

    /// Runs until a signal or (stdin-only) the end of input. A clean stop returns normally.
    public func run() async throws {
        do {
            try await group.run()
        } catch is CancellationError {
            // A cancelled service at shutdown is a clean stop.
        }
        try? await eventLoops.shutdownGracefully()
    }

    public func shutdown() async { await group.triggerGracefulShutdown() }
}

/// Starts the sources and, on shutdown, stops reading from them.
struct IngestService: Service {
    let listeners: Listeners
    let daemon: DaemonConfig
    let engine: EngineQueue
    let group: EventLoopGroup
    let decoder: InputLineDecoder
    let endsWithStdin: Bool
    let logger: Logger

    func run() async throws {
        try await listeners.start()
        if !daemon.socket.isEmpty { logger.info("listening on unix \(daemon.socket)") }
        if let port = listeners.tcpPort { logger.info("listening on tcp \(daemon.tcp.split(separator: ":").dropLast().joined(separator: ":")):\(port)") }
        var stdin: StdinSource?
        let (ended, endedContinuation) = AsyncStream<Void>.makeStream()
        if daemon.stdin {
            let s = StdinSource(queue: engine, config: daemon, decoder: decoder, finished: { endedContinuation.finish() })
            s.streams = listeners.streams
            try await s.start(group: group)
            stdin = s
            logger.info("reading stdin\(StdinSource.isRegularFile ? " (a regular file)" : "")")
        }
        if endsWithStdin {
            // A filter in a shell pipeline: end once every line has been answered, or on a signal.
            await cancelOnGracefulShutdown { for await _ in ended {} }
            logger.info("stdin ended; every line answered")
        } else {
            try? await gracefulShutdown()
        }
        stdin?.stopReading()
        await listeners.stopAccepting()
    }
}

/// Runs the engine thread; on shutdown answers what is queued, checkpoints, closes clients.
struct EngineService: Service {
    let engine: EngineQueue
    let listeners: Listeners
    let finalCheckpoint: (@Sendable () -> Void)?
    let logger: Logger

    func run() async throws {
        engine.start()
        try? await gracefulShutdown()
        engine.drainAndStop()
        finalCheckpoint?()
        // Let the event loop write the last answers, then close the connections.
        try? await Task.sleep(nanoseconds: 20_000_000)
        await listeners.closeClients()
        logger.info("engine stopped: every accepted line answered")
    }
}

struct MetricsService: Service {
    let server: MetricsServer
    let logger: Logger

    func run() async throws {
        try await server.start()
        if let p = server.boundPort { logger.info("metrics on http://127.0.0.1:\(p)/metrics and /status") }
        try? await gracefulShutdown()
        await server.stop()
    }
}

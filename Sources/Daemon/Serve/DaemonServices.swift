import LineProtocol
import Runtime
import Settings
import Datasets
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// Everything `spikebar serve` runs, built by one function, which ``start`` calls
/// (``DaemonServices/make(config:daemon:core:extraServices:logger:)``): the engine, the sources and the
/// metrics endpoint as swift-service-lifecycle services, ordered so that on SIGTERM/SIGINT
/// ingest stops first (no new lines), then the metrics endpoint, then the engine answers
/// what was accepted, checkpoints (its observers' `engineStopped`) and closes each client
/// once its last answer is written. Every step is awaited: no timing sleeps.
public final class DaemonServices: Sendable {
    public let group: ServiceGroup
    public let engine: EngineQueue
    public let listeners: Listeners
    public let metrics: MetricsServer?
    let eventLoops: MultiThreadedEventLoopGroup

    /// Builds the services; nothing listens until the group runs. `core` (with its learner
    /// and observers) moves into the engine: the caller keeps no reference to it.
    public static func make(config: ResolvedConfig, daemon: DaemonConfig, core: sending EngineCore,
                            extraServices: [Service] = [], logger: Logger) -> DaemonServices {
        DaemonServices(config: config, daemon: daemon, core: core, extraServices: extraServices, logger: logger)
    }

    init(config: ResolvedConfig, daemon: DaemonConfig, core: sending EngineCore, extraServices: [Service], logger: Logger) {
        eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        engine = EngineQueue(core: core)
        let decoder = InputLineDecoder(channels: nil)
        listeners = Listeners(group: eventLoops, queue: engine, config: daemon, decoder: decoder,
                              streams: ReadingStream.factory(config: config))
        let queue = engine
        metrics = daemon.metricsPort > 0
            ? MetricsServer(group: eventLoops, port: daemon.metricsPort) {
                var stats = await queue.sync { $0.stats() } ?? .object([])
                if case let .object(pairs) = stats {
                    stats = .object(pairs + [("queueDepth", .number(Double(queue.depth), isInteger: true))])
                }
                return stats
            }
            : nil
        let stdinOnly = daemon.stdin && daemon.socket.isEmpty && daemon.tcp.isEmpty
        let ingest = IngestService(listeners: listeners, daemon: daemon, engine: engine, group: eventLoops,
                                   decoder: decoder, endsWithStdin: stdinOnly, logger: logger)
        let engineService = EngineService(engine: engine, listeners: listeners, logger: logger)
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

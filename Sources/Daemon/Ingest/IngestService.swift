import Datasets
import Foundation
import LineProtocol
import Logging
import NIOCore
import ServiceLifecycle

/// Starts the sources and, on graceful shutdown, stops reading from them. With stdin as the
/// only source it returns once every stdin line is answered, which shuts the group down.
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
        if daemon.stdin {
            let stdin = StdinSource(queue: engine, config: daemon, decoder: decoder, clients: listeners.clients,
                                    streams: listeners.streams)
            if StdinSource.isPollable(STDIN_FILENO) {
                let (ended, endedContinuation) = AsyncStream<Void>.makeStream()
                try await stdin.startPipe(group: group, finished: { endedContinuation.finish() })
                logger.info("reading stdin")
                if endsWithStdin {
                    // A filter in a shell pipeline: end once every line has been answered, or on a signal.
                    await cancelWhenGracefulShutdown { for await _ in ended {} }
                } else {
                    try? await gracefulShutdown()
                }
                stdin.stopReading()
            } else {
                logger.info("reading stdin\(StdinSource.isRegularFile ? " (a regular file)" : "")")
                if endsWithStdin {
                    await stdin.readFile()
                } else {
                    async let reading: Void = stdin.readFile()
                    try? await gracefulShutdown()
                    await reading
                }
            }
            if endsWithStdin && !Task.isShuttingDownGracefully { logger.info("stdin ended; every line answered") }
        } else {
            try? await gracefulShutdown()
        }
        await listeners.stopAccepting()
    }
}

import Datasets
import Foundation
import LineProtocol
import Runtime
import NIOCore
import NIOPosix

/// The sockets the daemon listens on, all feeding one ``EngineQueue``.
public final class Listeners: @unchecked Sendable {
    let group: EventLoopGroup
    let queue: EngineQueue
    let config: DaemonConfig
    let decoder: InputLineDecoder
    public private(set) var servers: [Channel] = []
    /// Open client connections, so shutdown can stop reading them and close them.
    let clients = ClientRegistry()
    /// Where the TCP server actually listens (useful with port 0).
    public private(set) var tcpPort: Int?
    /// Makes each connection's reading stream (`stream.mode: readings`); nil: sample lines.
    public var streams: (@Sendable () -> ReadingStream)?

    public init(group: EventLoopGroup, queue: EngineQueue, config: DaemonConfig, decoder: InputLineDecoder) {
        self.group = group
        self.queue = queue
        self.config = config
        self.decoder = decoder
    }

    func bootstrap() -> ServerBootstrap {
        let queue = self.queue, decoder = self.decoder, config = self.config, clients = self.clients, streams = self.streams
        return ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelInitializer { channel in
                clients.add(channel)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFrameDecoder(maxLineBytes: config.maxLineBytes)))
                    try channel.pipeline.syncOperations.addHandler(ConnectionHandler(
                        queue: queue, decoder: decoder, maxInFlight: config.maxInFlightPerClient,
                        maxLineBytes: config.maxLineBytes, stream: streams?()))
                }
            }
    }

    /// Binds every configured socket. The Unix socket is created with mode 0600 (owner only).
    public func start() async throws {
        if !config.socket.isEmpty {
            let old = umask(0o177)
            defer { umask(old) }
            let ch = try await bootstrap().bind(unixDomainSocketPath: config.socket, cleanupExistingSocketFile: true).get()
            chmod(config.socket, 0o600)
            servers.append(ch)
        }
        if !config.tcp.isEmpty, let (host, port) = DaemonConfig.parseHostPort(config.tcp) {
            let ch = try await bootstrap().bind(host: host, port: port).get()
            tcpPort = ch.localAddress?.port
            servers.append(ch)
        }
    }

    /// Stops accepting new connections and stops reading from open ones (what they sent
    /// before stays queued and is answered).
    public func stopAccepting() async {
        for s in servers { try? await s.close() }
        servers.removeAll()
        for c in clients.all { c.setOption(.autoRead, value: false).whenComplete { _ in } }
    }

    /// Closes every client connection once its answers are written.
    public func closeClients() async {
        for c in clients.all { try? await c.close() }
    }
}

/// The open client channels (added on accept, removed when they close).
final class ClientRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var channels: [ObjectIdentifier: Channel] = [:]

    func add(_ channel: Channel) {
        let key = ObjectIdentifier(channel)
        lock.withLock { channels[key] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.channels.removeValue(forKey: key) }
        }
    }

    var all: [Channel] { lock.withLock { Array(channels.values) } }
    var count: Int { lock.withLock { channels.count } }
}

import Datasets
import Foundation
import LineProtocol
import NIOConcurrencyHelpers
import Runtime
import NIOCore
import NIOPosix

/// The sockets the daemon listens on, all feeding one ``EngineQueue``.
public final class Listeners: Sendable {
    let group: EventLoopGroup
    let queue: EngineQueue
    let config: DaemonConfig
    let decoder: InputLineDecoder
    let servers = NIOLockedValueBox<[Channel]>([])
    /// Open client connections (and stdin read by NIO), so shutdown can stop reading them
    /// and close them once answered.
    let clients = ClientRegistry()
    let boundTCPPort = NIOLockedValueBox<Int?>(nil)
    /// Whether ``start()`` has finished, and who waits for it.
    let ready = NIOLockedValueBox<(done: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))
    /// Makes each connection's reading stream (`stream.mode: readings`); nil: sample lines.
    let streams: (@Sendable () -> ReadingStream)?

    public init(group: EventLoopGroup, queue: EngineQueue, config: DaemonConfig, decoder: InputLineDecoder,
                streams: (@Sendable () -> ReadingStream)? = nil) {
        self.streams = streams
        self.group = group
        self.queue = queue
        self.config = config
        self.decoder = decoder
    }

    /// Where the TCP server actually listens (useful with port 0).
    public var tcpPort: Int? { boundTCPPort.withLockedValue { $0 } }

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
        defer { markReady() }
        if !config.socket.isEmpty {
            let old = umask(0o177)
            defer { umask(old) }
            let ch = try await bootstrap().bind(unixDomainSocketPath: config.socket, cleanupExistingSocketFile: true).get()
            chmod(config.socket, 0o600)
            servers.withLockedValue { $0.append(ch) }
        }
        if !config.tcp.isEmpty, let (host, port) = DaemonConfig.parseHostPort(config.tcp) {
            let ch = try await bootstrap().bind(host: host, port: port).get()
            boundTCPPort.withLockedValue { $0 = ch.localAddress?.port }
            servers.withLockedValue { $0.append(ch) }
        }
    }

    /// Returns once ``start()`` has bound every socket (or failed).
    public func waitUntilListening() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let now = ready.withLockedValue { state in
                if !state.done { state.waiters.append(c) }
                return state.done
            }
            if now { c.resume() }
        }
    }

    func markReady() {
        let waiters = ready.withLockedValue { state in
            state.done = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for w in waiters { w.resume() }
    }

    /// Stops accepting new connections and stops reading from open ones (what they sent
    /// before stays queued and is answered).
    public func stopAccepting() async {
        for s in servers.withLockedValue({ s in defer { s = [] }; return s }) { try? await s.close() }
        for c in clients.all {
            c.pipeline.fireUserInboundEventTriggered(ConnectionHandler.StopReading())
            c.setOption(.autoRead, value: false).whenComplete { _ in }
        }
    }

    /// Closes every client connection once its last answer is written, and waits for it.
    /// Call after the engine has answered everything.
    public func closeClients() async {
        for c in clients.all {
            c.pipeline.fireUserInboundEventTriggered(ConnectionHandler.CloseWhenAnswered())
            try? await c.closeFuture.get()
        }
    }
}

/// The open client channels (added on accept, removed when they close).
final class ClientRegistry: Sendable {
    private let channels = NIOLockedValueBox<[ObjectIdentifier: Channel]>([:])

    func add(_ channel: Channel) {
        let key = ObjectIdentifier(channel)
        channels.withLockedValue { $0[key] = channel }
        channel.closeFuture.whenComplete { [channels] _ in
            _ = channels.withLockedValue { $0.removeValue(forKey: key) }
        }
    }

    var all: [Channel] { channels.withLockedValue { Array($0.values) } }
    var count: Int { channels.withLockedValue { $0.count } }
}

import Datasets
import LineProtocol
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A tiny HTTP server on 127.0.0.1 for observability: `GET /metrics` (Prometheus text
/// format 0.0.4) and `GET /status` (JSON). A few dozen lines of NIOHTTP1 instead of a web
/// framework: two read-only routes need no routing library.
public final class MetricsServer: Sendable {
    let group: EventLoopGroup
    let port: Int
    /// Builds the current stats (it asks the engine, after the requests queued before it).
    let snapshot: @Sendable () async -> JSONValue
    let channel = NIOLockedValueBox<Channel?>(nil)

    public init(group: EventLoopGroup, port: Int, snapshot: @escaping @Sendable () async -> JSONValue) {
        self.group = group
        self.port = port
        self.snapshot = snapshot
    }

    public func start() async throws {
        let snapshot = self.snapshot
        let bound = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(MetricsHTTPHandler(snapshot: snapshot))
                }
            }
            .bind(host: "127.0.0.1", port: port).get()
        channel.withLockedValue { $0 = bound }
    }

    /// Where the endpoint listens (useful with port 0).
    public var boundPort: Int? { channel.withLockedValue { $0?.localAddress?.port } }

    public func stop() async {
        try? await channel.withLockedValue({ $0 })?.close()
    }

    /// Prometheus exposition of a stats object (see ``PrometheusExposition``).
    public static func prometheus(_ stats: JSONValue) -> String { PrometheusExposition.render(stats) }
}

/// One HTTP connection of the endpoint; lives on its channel's event loop.
final class MetricsHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    let snapshot: @Sendable () async -> JSONValue
    var path = "/"

    init(snapshot: @escaping @Sendable () async -> JSONValue) { self.snapshot = snapshot }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(head): path = head.uri
        case .body: break
        case .end:
            // The stats come from the engine (asynchronously, in its order); the answer is
            // written back on this channel's event loop.
            let path = self.path, snapshot = self.snapshot
            let stats = context.eventLoop.makePromise(of: JSONValue.self)
            stats.completeWithTask { await snapshot() }
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            stats.futureResult.whenSuccess { value in bound.value.0.respond(value, path: path, context: bound.value.1) }
        }
    }

    func respond(_ stats: JSONValue, path: String, context: ChannelHandlerContext) {
        let (status, type, body): (HTTPResponseStatus, String, String)
        switch path {
        case "/metrics": (status, type, body) = (.ok, "text/plain; version=0.0.4", MetricsServer.prometheus(stats))
        case "/status": (status, type, body) = (.ok, "application/json", stats.serialized + "\n")
        default: (status, type, body) = (.notFound, "text/plain", "not found: try /metrics or /status\n")
        }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: type)
        headers.add(name: "Content-Length", value: "\(body.utf8.count)")
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))), promise: nil)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
    }
}

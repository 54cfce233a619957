import Datasets
import LineProtocol
import NIOCore
import NIOHTTP1
import NIOPosix

/// A tiny HTTP server on 127.0.0.1 for observability: `GET /metrics` (Prometheus text
/// format 0.0.4) and `GET /status` (JSON). A few dozen lines of NIOHTTP1 instead of a web
/// framework: two read-only routes need no routing library.
public final class MetricsServer: @unchecked Sendable {
    let group: EventLoopGroup
    let port: Int
    /// Builds the current stats (called on an event loop; it asks the engine thread).
    let snapshot: @Sendable () -> JSONValue
    var channel: Channel?
    public private(set) var boundPort: Int?

    public init(group: EventLoopGroup, port: Int, snapshot: @escaping @Sendable () -> JSONValue) {
        self.group = group
        self.port = port
        self.snapshot = snapshot
    }

    public func start() async throws {
        let snapshot = self.snapshot
        channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(MetricsHTTPHandler(snapshot: snapshot))
                }
            }
            .bind(host: "127.0.0.1", port: port).get()
        boundPort = channel?.localAddress?.port
    }

    public func stop() async {
        try? await channel?.close()
    }

    /// Prometheus exposition of a stats object (see ``PrometheusExposition``).
    public static func prometheus(_ stats: JSONValue) -> String { PrometheusExposition.render(stats) }
}

final class MetricsHTTPHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    let snapshot: @Sendable () -> JSONValue
    var path = "/"

    init(snapshot: @escaping @Sendable () -> JSONValue) { self.snapshot = snapshot }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(head): path = head.uri
        case .body: break
        case .end:
            let (status, type, body): (HTTPResponseStatus, String, String)
            switch path {
            case "/metrics": (status, type, body) = (.ok, "text/plain; version=0.0.4", MetricsServer.prometheus(snapshot()))
            case "/status": (status, type, body) = (.ok, "application/json", snapshot().serialized + "\n")
            default: (status, type, body) = (.notFound, "text/plain", "not found: try /metrics or /status\n")
            }
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: type)
            headers.add(name: "Content-Length", value: "\(body.utf8.count)")
            headers.add(name: "Connection", value: "close")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
        }
    }
}

import Daemon
import LineProtocol
import NIOCore
import NIOPosix

/// A line client on NIO's event loops for the in-process daemon tests: sends lines, and
/// awaits answer lines (or the end of the connection) without blocking a thread.
final class TestLineClient {
    let channel: Channel
    var answers: AsyncStream<String?>.Iterator

    init(channel: Channel, answers: AsyncStream<String?>) {
        self.channel = channel
        self.answers = answers.makeAsyncIterator()
    }

    static func connect(unixPath: String) async throws -> TestLineClient {
        let (stream, continuation) = AsyncStream<String?>.makeStream()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFrameDecoder(maxLineBytes: 1 << 20)))
                    try channel.pipeline.syncOperations.addHandler(Collector(continuation: continuation))
                }
            }
            .connect(unixDomainSocketPath: unixPath).get()
        return TestLineClient(channel: channel, answers: stream)
    }

    /// Writes `lines`, each with its newline, in one flush.
    func send(_ lines: [String]) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(string: lines.map { $0 + "\n" }.joined()))
    }

    /// The next `n` answer lines; fails if the connection closes first.
    func receive(_ n: Int) async throws -> [String] {
        var out: [String] = []
        while out.count < n {
            guard let line = await answers.next(), let line else { throw ClosedEarly(after: out.count) }
            out.append(line)
        }
        return out
    }

    /// Every answer line until the daemon closes the connection.
    func receiveUntilClosed() async throws -> [String] {
        var out: [String] = []
        while let next = await answers.next(), let line = next { out.append(line) }
        return out
    }

    struct ClosedEarly: Error { let after: Int }

    /// Passes each decoded line on; `nil` when the connection has closed.
    final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = FramedLine
        let continuation: AsyncStream<String?>.Continuation
        init(continuation: AsyncStream<String?>.Continuation) { self.continuation = continuation }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if case let .line(bytes) = unwrapInboundIn(data) { continuation.yield(String(decoding: bytes, as: UTF8.self)) }
        }

        func channelInactive(context: ChannelHandlerContext) {
            continuation.yield(nil)
            continuation.finish()
        }
    }
}

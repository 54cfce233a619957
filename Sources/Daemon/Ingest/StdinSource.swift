import Datasets
import Foundation
import LineProtocol
import NIOConcurrencyHelpers
import Runtime
import NIOCore
import NIOPosix
import ServiceLifecycle

/// Requests on stdin, answers on stdout. A pipe or terminal goes through SwiftNIO's pipe
/// bootstrap (``startPipe(group:finished:)``); a redirected regular file (`spikebar serve
/// --stdin < file`), which NIO's pipe bootstrap rejects, goes through an async read loop
/// (``readFile()``) into the same ``LineSplitter`` and decoder. Either way every line is
/// answered, in order, before the source reports its end.
public final class StdinSource: Sendable {
    let queue: EngineQueue
    let config: DaemonConfig
    let decoder: InputLineDecoder
    /// Where the pipe channel is registered, so shutdown stops reading it and closes it once answered.
    let clients: ClientRegistry
    let channel = NIOLockedValueBox<Channel?>(nil)
    /// Makes stdin's reading stream (`stream.mode: readings`); nil: sample lines.
    let streams: (@Sendable () -> ReadingStream)?

    init(queue: EngineQueue, config: DaemonConfig, decoder: InputLineDecoder, clients: ClientRegistry,
         streams: (@Sendable () -> ReadingStream)? = nil) {
        self.streams = streams
        self.queue = queue
        self.config = config
        self.decoder = decoder
        self.clients = clients
    }

    /// Whether stdin is a regular file (fstat).
    public static var isRegularFile: Bool {
        var st = stat()
        return fstat(STDIN_FILENO, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether NIO's pipe channel can take `fd`: a pipe, a socket or a terminal (epoll
    /// refuses regular files and devices such as /dev/null).
    static func isPollable(_ fd: CInt) -> Bool {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return false }
        let kind = st.st_mode & S_IFMT
        return kind == S_IFIFO || kind == S_IFSOCK || isatty(fd) != 0
    }

    /// Reads stdin through NIO's pipe channel; `finished` is called on its event loop once the
    /// input has ended and every answer has been written.
    func startPipe(group: EventLoopGroup, finished: @escaping @Sendable () -> Void) async throws {
        // NIO's pipe channel takes pipes, sockets and terminals, not regular files or
        // devices: otherwise NIO reads stdin and the answers are written to stdout directly.
        let stdoutIsFile = !Self.isPollable(STDOUT_FILENO)
        let write: @Sendable (String) -> Void = { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        let output: (@Sendable (String) -> Void)? = stdoutIsFile ? write : nil
        let queue = self.queue, decoder = self.decoder, config = self.config, streams = self.streams
        let bootstrap = NIOPipeBootstrap(group: group)
            .channelOption(.allowRemoteHalfClosure, value: true)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFrameDecoder(maxLineBytes: config.maxLineBytes)))
                    try channel.pipeline.syncOperations.addHandler(ConnectionHandler(
                        queue: queue, decoder: decoder, maxInFlight: config.maxInFlightPerClient,
                        maxLineBytes: config.maxLineBytes, onFinished: finished, output: output, stream: streams?()))
                }
            }
        let ch = stdoutIsFile
            ? try await bootstrap.takingOwnershipOfDescriptor(input: STDIN_FILENO).get()
            : try await bootstrap.takingOwnershipOfDescriptors(input: STDIN_FILENO, output: STDOUT_FILENO).get()
        clients.add(ch)
        channel.withLockedValue { $0 = ch }
    }

    /// Stops reading stdin (shutdown): what was read is still answered.
    public func stopReading() {
        guard let ch = channel.withLockedValue({ $0 }) else { return }
        ch.pipeline.fireUserInboundEventTriggered(ConnectionHandler.StopReading())
        ch.setOption(.autoRead, value: false).whenComplete { _ in }
    }

    /// The plain path (a regular file or a device on stdin): an async loop that reads a chunk
    /// on NIO's blocking-I/O thread pool, splits it, submits its lines and writes the answers
    /// to stdout in order. With `maxInFlightPerClient` answers outstanding it awaits the next
    /// one before submitting more (backpressure). It stops reading at the end of the input or
    /// on graceful shutdown, and returns once every submitted line has been answered.
    func readFile() async {
        var splitter = LineSplitter(maxLineBytes: config.maxLineBytes)
        let (answers, answered) = AsyncStream<String>.makeStream()
        var next = answers.makeAsyncIterator()
        var outstanding = 0, lineNumber = 0
        var framed: [FramedLine] = []
        let stream = streams?()
        var ended = false
        while !ended && !Task.isShuttingDownGracefully && !Task.isCancelled {
            let chunk = (try? await NIOThreadPool.singleton.runIfActive { FileHandle.standardInput.readData(ofLength: 1 << 16) }) ?? Data()
            if chunk.isEmpty {
                splitter.finish { framed.append($0) }
                ended = true
            } else {
                splitter.feed(chunk) { framed.append($0) }
            }
            for line in framed {
                lineNumber += 1
                guard let request = EngineRequest.decode(line, decoder: decoder, stream: stream, lineNumber: lineNumber,
                                                         maxLineBytes: config.maxLineBytes) else { continue }
                if outstanding >= config.maxInFlightPerClient, let answer = await next.next() {
                    Self.write(answer)
                    outstanding -= 1
                }
                if queue.submit(request, reply: { answered.yield($0) }) { outstanding += 1 }
            }
            framed.removeAll(keepingCapacity: true)
        }
        while outstanding > 0, let answer = await next.next() {
            Self.write(answer)
            outstanding -= 1
        }
        answered.finish()
    }

    static func write(_ line: String) {
        if !line.isEmpty { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    }
}

import Datasets
import Foundation
import LineProtocol
import Runtime
import NIOCore
import NIOPosix

/// Requests on stdin, answers on stdout. A pipe or terminal goes through SwiftNIO's pipe
/// bootstrap; a redirected regular file (`spikebar serve --stdin < file`), which NIO's
/// pipe bootstrap rejects, goes through a plain read loop into the same ``LineSplitter``
/// and decoder. Either way, `finished` is called once the input has ended and every line
/// has been answered.
public final class StdinSource: @unchecked Sendable {
    let queue: EngineQueue
    let config: DaemonConfig
    let decoder: InputLineDecoder
    let finished: @Sendable () -> Void
    var channel: Channel?
    /// Makes stdin's reading stream (`stream.mode: readings`); nil: sample lines.
    public var streams: (@Sendable () -> ReadingStream)?

    public init(queue: EngineQueue, config: DaemonConfig, decoder: InputLineDecoder, finished: @escaping @Sendable () -> Void) {
        self.queue = queue
        self.config = config
        self.decoder = decoder
        self.finished = finished
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

    public func start(group: EventLoopGroup) async throws {
        if !Self.isPollable(STDIN_FILENO) {
            let t = Thread { [self] in readRegularFile() }
            t.name = "spikebar-stdin"
            t.start()
            return
        }
        // NIO's pipe channel takes pipes, sockets and terminals, not regular files or
        // devices: otherwise NIO reads stdin and the answers are written to stdout directly.
        let stdoutIsFile = !Self.isPollable(STDOUT_FILENO)
        let write: @Sendable (String) -> Void = { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        let output: (@Sendable (String) -> Void)? = stdoutIsFile ? write : nil
        let queue = self.queue, decoder = self.decoder, config = self.config, finished = self.finished
        let stream = streams?()
        let bootstrap = NIOPipeBootstrap(group: group)
            .channelOption(.allowRemoteHalfClosure, value: true)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFrameDecoder(maxLineBytes: config.maxLineBytes)))
                    try channel.pipeline.syncOperations.addHandler(ConnectionHandler(
                        queue: queue, decoder: decoder, maxInFlight: config.maxInFlightPerClient,
                        maxLineBytes: config.maxLineBytes, onFinished: finished, output: output, stream: stream))
                }
            }
        channel = stdoutIsFile
            ? try await bootstrap.takingOwnershipOfDescriptor(input: STDIN_FILENO).get()
            : try await bootstrap.takingOwnershipOfDescriptors(input: STDIN_FILENO, output: STDOUT_FILENO).get()
    }

    /// Stops reading stdin (shutdown): what was read is still answered.
    public func stopReading() {
        channel?.setOption(.autoRead, value: false).whenComplete { _ in }
    }

    /// The plain path (a regular file or a device on stdin): read, split, submit, wait for
    /// room, write answers in order.
    func readRegularFile() {
        var splitter = LineSplitter(maxLineBytes: config.maxLineBytes)
        let handle = FileHandle.standardInput
        let out = OrderedWriter(maxInFlight: config.maxInFlightPerClient)
        var lineNumber = 0
        let stream = streams?()
        let submit: (FramedLine) -> Void = { [self] framed in
            lineNumber += 1
            guard let request = EngineRequest.decode(framed, decoder: decoder, stream: stream, lineNumber: lineNumber,
                                                     maxLineBytes: config.maxLineBytes) else { return }
            out.waitForRoom()
            if !queue.submit(request, reply: { out.write($0) }) { out.cancelOne() }
        }
        while true {
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { break }
            splitter.feed(chunk, submit)
        }
        splitter.finish(submit)
        out.waitUntilDrained()
        finished()
    }
}

/// Writes response lines to stdout in the order they are answered, and bounds how many
/// are outstanding (backpressure for the file read loop).
final class OrderedWriter: @unchecked Sendable {
    let condition = NSCondition()
    var outstanding = 0
    let maxInFlight: Int

    init(maxInFlight: Int) { self.maxInFlight = maxInFlight }

    func waitForRoom() {
        condition.lock()
        while outstanding >= maxInFlight { condition.wait() }
        outstanding += 1
        condition.unlock()
    }

    func cancelOne() {
        condition.lock()
        outstanding -= 1
        condition.broadcast()
        condition.unlock()
    }

    func write(_ line: String) {
        if !line.isEmpty { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        cancelOne()
    }

    func waitUntilDrained() {
        condition.lock()
        while outstanding > 0 { condition.wait() }
        condition.unlock()
    }
}

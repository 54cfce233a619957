import Datasets
import LineProtocol
import Runtime
import NIOCore

/// One client connection (or stdin as a pipe): decodes each framed line, hands it to the
/// engine, and writes the responses back in the order the lines came. Backpressure: while
/// `maxInFlight` requests await their answers it stops reading from the socket (the kernel
/// buffer then pushes back on the client); nothing is dropped and nothing grows without
/// bound. A decoding error answers that line only: the connection stays. It lives on its
/// channel's event loop only (answers come back through `NIOLoopBound`), so it needs no
/// `Sendable` conformance. Shutdown reaches it as two events: ``StopReading`` (no more
/// lines), then ``CloseWhenAnswered`` (close once the last answer has been written).
public final class ConnectionHandler: ChannelDuplexHandler {
    public typealias InboundIn = FramedLine
    public typealias OutboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    /// Shutdown began: read no more lines from this connection.
    public struct StopReading: Sendable {}
    /// The engine has answered everything: close once the answers are written.
    public struct CloseWhenAnswered: Sendable {}

    let queue: EngineQueue
    let decoder: InputLineDecoder
    let maxInFlight: Int
    let maxLineBytes: Int
    /// Called on the event loop when the input has ended and every answer has been written.
    let onFinished: (@Sendable () -> Void)?
    /// Where answers go when not back into the channel (stdin read by NIO, stdout a file).
    let output: (@Sendable (String) -> Void)?
    var inFlight = 0
    var readPending = false
    var reading = true
    var lineNumber = 0
    var inputEnded = false
    var finished = false
    var context: ChannelHandlerContext?
    /// This connection's reading stream (`stream.mode: readings`), else nil (sample lines).
    let stream: ReadingStream?

    public init(queue: EngineQueue, decoder: InputLineDecoder, maxInFlight: Int, maxLineBytes: Int,
                onFinished: (@Sendable () -> Void)? = nil, output: (@Sendable (String) -> Void)? = nil,
                stream: ReadingStream? = nil) {
        self.stream = stream
        self.queue = queue
        self.decoder = decoder
        self.maxInFlight = maxInFlight
        self.maxLineBytes = maxLineBytes
        self.onFinished = onFinished
        self.output = output
    }

    public func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    public func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let framed = unwrapInboundIn(data)
        lineNumber += 1
        guard let request = EngineRequest.decode(framed, decoder: decoder, stream: stream, lineNumber: lineNumber,
                                                 maxLineBytes: maxLineBytes) else { return }
        inFlight += 1
        let loop = context.eventLoop
        let bound = NIOLoopBound(self, eventLoop: loop)
        let accepted = queue.submit(request) { response in
            loop.execute { bound.value.answered(response) }
        }
        if !accepted {
            inFlight -= 1
            write(Responses.error(code: "shutting_down", message: "the daemon is shutting down", id: nil))
        }
    }

    func answered(_ response: String) {
        inFlight -= 1
        if !response.isEmpty { write(response) }
        if readPending && reading && inFlight < maxInFlight, let context, context.channel.isWritable {
            readPending = false
            context.read()
        }
        finishIfDone()
    }

    func write(_ line: String) {
        if let output { output(line); return }
        guard let context else { return }
        var buffer = context.channel.allocator.buffer(capacity: line.utf8.count + 1)
        buffer.writeString(line)
        buffer.writeInteger(UInt8(10))
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
    }

    /// Reads on only while fewer than `maxInFlight` answers are pending and the client takes
    /// its answers: a client that never reads fills its socket, the channel turns unwritable
    /// (above NIO's write watermark), and reading stops until it drains — so a slow reader's
    /// unread answers stay bounded instead of piling up in memory (issue #15).
    public func read(context: ChannelHandlerContext) {
        if inFlight >= maxInFlight || !reading || !context.channel.isWritable {
            readPending = true
        } else {
            context.read()
        }
    }

    public func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable && readPending && reading && inFlight < maxInFlight {
            readPending = false
            context.read()
        }
        context.fireChannelWritabilityChanged()
    }

    public func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let e as ChannelEvent where e == .inputClosed:
            inputEnded = true
            finishIfDone()
        case is StopReading:
            reading = false
            return
        case is CloseWhenAnswered:
            inputEnded = true
            finishIfDone()
            return
        default: break
        }
        context.fireUserInboundEventTriggered(event)
    }

    public func channelInactive(context: ChannelHandlerContext) {
        inputEnded = true
        finishIfDone()
        context.fireChannelInactive()
    }

    /// Once the input has ended and every answer is out: close after the last write has
    /// completed (an empty write completes after every write before it), and tell whoever waits.
    func finishIfDone() {
        guard inputEnded, inFlight == 0, !finished else { return }
        finished = true
        if output != nil {
            context?.close(promise: nil)
        } else if let context, context.channel.isActive {
            let flushed = context.eventLoop.makePromise(of: Void.self)
            context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(capacity: 0)), promise: flushed)
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            flushed.futureResult.whenComplete { _ in bound.value.close(promise: nil) }
        }
        onFinished?()
    }

    public func errorCaught(context: ChannelHandlerContext, error: Error) {
        // A broken connection closes only itself.
        context.close(promise: nil)
    }
}

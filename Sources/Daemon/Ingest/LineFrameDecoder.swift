import LineProtocol
import NIOCore

/// SwiftNIO's side of ``LineSplitter``: turns a connection's bytes into ``FramedLine``s.
public struct LineFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = FramedLine
    var splitter: LineSplitter

    public init(maxLineBytes: Int) {
        splitter = LineSplitter(maxLineBytes: maxLineBytes)
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard buffer.readableBytes > 0 else { return .needMoreData }
        var lines: [FramedLine] = []
        splitter.feed(buffer.readableBytesView) { lines.append($0) }
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        for l in lines { context.fireChannelRead(wrapInboundOut(l)) }
        return .needMoreData
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        _ = try decode(context: context, buffer: &buffer)
        if seenEOF {
            var lines: [FramedLine] = []
            splitter.finish { lines.append($0) }
            for l in lines { context.fireChannelRead(wrapInboundOut(l)) }
        }
        return .needMoreData
    }
}

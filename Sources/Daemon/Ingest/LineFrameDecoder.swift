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
        // Each line goes on as it is cut: no array of a whole read's lines, and the splitter
        // gets its line buffer back unshared (so it reuses it instead of allocating anew).
        splitter.feed(buffer.readableBytesView) { context.fireChannelRead(NIOAny($0)) }
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        return .needMoreData
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        _ = try decode(context: context, buffer: &buffer)
        if seenEOF {
            splitter.finish { context.fireChannelRead(NIOAny($0)) }
        }
        return .needMoreData
    }
}

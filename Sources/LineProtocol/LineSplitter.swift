/// One line cut from a byte stream: its bytes (without the newline and a trailing `\r`), or
/// the length of a line that exceeded the limit and was discarded.
public enum FramedLine: Equatable, Sendable {
    case line([UInt8])
    case tooLong(bytes: Int)
}

/// Cuts a byte stream into lines at `\n`, however the bytes arrive (byte by byte, many
/// lines per chunk). A line longer than `maxLineBytes` is discarded as it streams in — its
/// bytes are never buffered past the limit — and reported once as ``FramedLine/tooLong``;
/// the stream continues with the next line. Pure: shared by the NIO decoder and the plain
/// read loop used for regular files on stdin.
public struct LineSplitter: Sendable {
    public let maxLineBytes: Int
    private var pending: [UInt8] = []
    private var discarding = false
    private var discarded = 0

    public init(maxLineBytes: Int) {
        precondition(maxLineBytes > 0)
        self.maxLineBytes = maxLineBytes
    }

    /// Feeds bytes; `emit` receives every completed line, in order.
    public mutating func feed<C: Collection>(_ bytes: C, _ emit: (FramedLine) -> Void) where C.Element == UInt8 {
        var start = bytes.startIndex
        while start != bytes.endIndex {
            let newline = bytes[start...].firstIndex(of: 10)
            let end = newline ?? bytes.endIndex
            let chunk = bytes[start..<end]
            if discarding {
                discarded += chunk.count
            } else if pending.count + chunk.count > maxLineBytes {
                discarding = true
                discarded = pending.count + chunk.count
                pending.removeAll(keepingCapacity: true)
            } else {
                pending.append(contentsOf: chunk)
            }
            guard let newline else { return }
            completeLine(emit)
            start = bytes.index(after: newline)
        }
    }

    /// At end of input: a last line without a newline still counts.
    public mutating func finish(_ emit: (FramedLine) -> Void) {
        if discarding || !pending.isEmpty { completeLine(emit) }
    }

    private mutating func completeLine(_ emit: (FramedLine) -> Void) {
        if discarding {
            emit(.tooLong(bytes: discarded))
            discarding = false
            discarded = 0
        } else {
            if pending.last == 13 { pending.removeLast() }
            emit(.line(pending))
            pending.removeAll(keepingCapacity: true)
        }
    }
}


/// One unit of work for the engine, in the order it arrived on its connection.
public enum EngineRequest: Sendable {
    /// A decoded line (sample or command).
    case line(InputLine)
    /// A line that could not be decoded: the engine answers with the error, in order.
    case invalid(LineError)
    /// A line longer than the limit (its bytes were discarded).
    case tooLong(bytes: Int, limit: Int)
    /// A reading stream's window or label event (``ReadingStream``).
    case stream(StreamRequest)

    /// Decodes one framed line (used by every source): through the connection's reading
    /// `stream` when it has one. nil: nothing to answer (a blank line, a header, a reading
    /// that completes no window).
    public static func decode(_ framed: FramedLine, decoder: InputLineDecoder, stream: ReadingStream?,
                              lineNumber: Int, maxLineBytes: Int) -> EngineRequest? {
        if let stream { return stream.request(framed, lineNumber: lineNumber, maxLineBytes: maxLineBytes) }
        let request = decode(framed, decoder: decoder, lineNumber: lineNumber, maxLineBytes: maxLineBytes)
        if case .line(.skip) = request { return nil }
        return request
    }

    /// Decodes one framed sample-mode line.
    public static func decode(_ framed: FramedLine, decoder: InputLineDecoder, lineNumber: Int, maxLineBytes: Int) -> EngineRequest {
        switch framed {
        case let .tooLong(bytes):
            return .tooLong(bytes: bytes, limit: maxLineBytes)
        case let .line(bytes):
            do {
                return .line(try decoder.decode(bytes, lineNumber: lineNumber))
            } catch {
                return .invalid(error)
            }
        }
    }
}

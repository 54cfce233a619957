import SpikingKit

/// One unit of work for the engine, in the order it arrived on its connection.
public enum EngineRequest: Sendable {
    /// A decoded line (sample or command).
    case line(InputLine)
    /// A line that could not be decoded: the engine answers with the error, in order.
    case invalid(LineError)
    /// A line longer than the limit (its bytes were discarded).
    case tooLong(bytes: Int, limit: Int)
    /// A reading stream's window or label event (cut by the runtime's `ReadingStream`).
    case stream(StreamRequest)

    /// Decodes one framed line (used by every source).
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

/// What a reading stream asks of the engine (its readings never reach it one by one).
public enum StreamRequest: Sendable {
    /// A window to predict, score and (if labelled and learning) learn, answered with its line.
    case window(StreamWindow)
    /// A label event: answered `{"seq":null,"id":…,"ok":true,"label":2}`; the stream has
    /// already applied it to the readings that follow.
    case labelSet(Int?, id: String?)
}

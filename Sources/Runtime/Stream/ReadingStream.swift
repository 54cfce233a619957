import Settings
import Datasets
import LineProtocol
import SpikingKit

/// One reading stream — a connection, stdin, or a file given to `run` (issue #20): decodes
/// its lines, keeps the label set by its label events and its ring of readings, and turns
/// each line into what the engine must do. Readings are windowed here and reach the engine
/// only as whole windows, one per hop; label events and errors become requests answered in
/// order. Not thread-safe: one stream belongs to one reader.
public final class ReadingStream {
    public let config: StreamConfig
    public let channels: Int
    public let classes: Int
    public let ring: ReadingWindow
    let decoder = ReadingLineDecoder()
    /// The label the last label event set (nil: readings are unlabelled).
    public private(set) var currentLabel: Int?

    /// What one line asks for.
    public enum Step: Sendable {
        /// A reading that completed no window: nothing to answer.
        case nothing
        /// A window to run and answer (a hop, or a flush).
        case window(StreamWindow)
        /// A request to answer in order (a command, a label event, an error).
        case request(EngineRequest)
    }

    public init(config: StreamConfig, channels: Int, classes: Int) {
        self.config = config
        self.channels = channels
        self.classes = classes
        ring = ReadingWindow(channels: channels, config: config, classes: classes)
    }

    /// The stream's shape from a daemon configuration: channels are the network's input
    /// lines (half of them with delta encoding), classes its outputs.
    public static func make(config: ResolvedConfig) throws -> ReadingStream {
        let layers = config.run.engine.network.layers
        let delta = config.run.engine.encoder.encoding == .delta
        guard let inputs = layers.first, inputs > 0, let classes = layers.last, classes > 0, !delta || inputs % 2 == 0 else {
            throw ServeError.shapeNotConfigured(layers: layers)
        }
        return ReadingStream(config: config.run.stream, channels: delta ? inputs / 2 : inputs, classes: classes)
    }

    /// Handles one framed line. `sample` is the storage the window is cut into (pass a fresh
    /// one when the window crosses threads; reuse one when it is run in place).
    public func step(_ framed: FramedLine, lineNumber: Int, maxLineBytes: Int, sample: inout Sample) -> Step {
        switch framed {
        case let .tooLong(bytes): return .request(.tooLong(bytes: bytes, limit: maxLineBytes))
        case let .line(bytes): return step(bytes, lineNumber: lineNumber, sample: &sample)
        }
    }

    public func step(_ bytes: some Collection<UInt8>, lineNumber: Int, sample: inout Sample) -> Step {
        let line: StreamLine
        do {
            line = try decoder.decode(bytes, lineNumber: lineNumber)
        } catch {
            return .request(.invalid(error))
        }
        switch line {
        case let .reading(label):
            return reading(label, sample: &sample)
        case let .label(l, id):
            if let l, !(0..<classes).contains(l) {
                return .request(.invalid(LineError(SampleError.labelOutOfRange(label: l, classes: classes), id: id)))
            }
            currentLabel = l
            return .request(.stream(.labelSet(l, id: id)))
        case let .flush(id):
            return flush(id: id, sample: &sample)
        case .line(.skip):
            return .nothing
        case let .line(other):
            return .request(.line(other))
        }
    }

    func reading(_ label: ReadingLabel, sample: inout Sample) -> Step {
        let values = decoder.values
        guard values.count == channels else {
            return .request(.invalid(LineError(code: "bad_dimension",
                                               message: "expected \(channels) values per reading, got \(values.count)")))
        }
        let l: Int?
        switch label {
        case .inherited: l = currentLabel
        case .unlabelled: l = nil
        case let .labelled(k):
            guard (0..<classes).contains(k) else {
                return .request(.invalid(LineError(SampleError.labelOutOfRange(label: k, classes: classes))))
            }
            l = k
        }
        let due = values.withUnsafeBufferPointer { ring.append($0, label: l) }
        guard due else { return .nothing }
        return .window(cut(id: nil, sample: &sample)!)
    }

    /// `{"cmd":"flush"}`: the readings held are answered now as a (partial) window, then the
    /// stream starts over (the next window is due after `window` new readings). Nothing new
    /// since the last answer: the error `empty_window` (and the stream starts over all the same).
    func flush(id: String?, sample: inout Sample) -> Step {
        defer { ring.clear() }
        guard var w = cut(id: id, sample: &sample) else {
            return .request(.invalid(LineError(code: "empty_window",
                                               message: "no reading arrived since the last answer: nothing to flush", id: id)))
        }
        w.flushed = true
        return .window(w)
    }

    /// Cuts the window the ring holds (nil when no reading arrived since the last one).
    func cut(id: String?, sample: inout Sample) -> StreamWindow? {
        let continuing = config.state == .carry && ring.takenOnce
        guard let (last, readings) = ring.take(config.state, into: &sample) else { return nil }
        sample.id = id
        return StreamWindow(sample: sample, lastReading: last, readings: readings, continuing: continuing)
    }
}

extension ReadingStream {
    /// A maker of one fresh stream per connection when `config` asks for readings
    /// (`stream.mode: readings`) and gives the shape; nil otherwise.
    public static func factory(config: ResolvedConfig) -> (@Sendable () -> ReadingStream)? {
        guard config.run.stream.mode == .readings, let shape = try? make(config: config) else { return nil }
        let stream = shape.config, channels = shape.channels, classes = shape.classes
        return { ReadingStream(config: stream, channels: channels, classes: classes) }
    }

    /// The engine request for one framed line (a window is cut into fresh storage, since it
    /// crosses to the engine's run loop); nil when the line needs no answer.
    public func request(_ framed: FramedLine, lineNumber: Int, maxLineBytes: Int) -> EngineRequest? {
        var sample = Sample(features: [])
        switch step(framed, lineNumber: lineNumber, maxLineBytes: maxLineBytes, sample: &sample) {
        case .nothing: return nil
        case let .window(w): return .stream(.window(w))
        case let .request(r): return r
        }
    }
}

extension EngineRequest {
    /// Decodes one framed line of a source: through the connection's reading `stream` when
    /// it has one (`stream.mode: readings`), else as a sample line. nil: nothing to answer
    /// (a blank line, a header, a reading that completes no window).
    public static func decode(_ framed: FramedLine, decoder: InputLineDecoder, stream: ReadingStream?,
                              lineNumber: Int, maxLineBytes: Int) -> EngineRequest? {
        if let stream { return stream.request(framed, lineNumber: lineNumber, maxLineBytes: maxLineBytes) }
        let request = decode(framed, decoder: decoder, lineNumber: lineNumber, maxLineBytes: maxLineBytes)
        if case .line(.skip) = request { return nil }
        return request
    }
}

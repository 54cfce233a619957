import LineProtocol
import SpikingKit

/// A CSV or NDJSON sample file read line by line (the format ``SampleFile`` loads whole, the
/// same decoder, the same line numbers, so the same samples). Opening it reads the file
/// once in 256 KiB chunks, decodes every line (errors surface before any learning) and keeps,
/// per sample line, its byte offset, length and line number (16 bytes); ``sample(at:)``
/// reads and decodes that one line again.
public final class TextSampleReader: IndexedSampleReader {
    public let source: String
    public let file: ReadOnlyFile
    public let decoder: InputLineDecoder
    public private(set) var count = 0
    public private(set) var width = 0
    public private(set) var maxLabel: Int?
    var offsets: [Int] = []
    var lengths: [Int32] = []
    var lines: [Int32] = []
    var buffer: [UInt8] = []
    /// Lines in the file (the last one may be empty).
    var lineCount = 0

    /// Opens and indexes `path`; `source` names it in errors (default: the path).
    public init(path: String, source: String? = nil, channels: Int?) throws {
        self.source = source ?? path
        file = try ReadOnlyFile(path: path)
        decoder = InputLineDecoder(channels: channels)
        try index()
        guard count > 0 else {
            throw DatasetError.badLine(source: self.source, line: lineCount, reason: "no samples in the file")
        }
    }

    public func sample(at index: Int) throws -> Sample {
        try file.read(at: offsets[index], count: Int(lengths[index]), into: &buffer)
        guard case var .sample(s) = try decode(buffer, line: Int(lines[index])) else {
            throw DatasetError.unreadable(path: file.path, reason: "line \(lines[index]) no longer holds a sample (the file changed while reading?)")
        }
        s.line = Int(lines[index])
        return s
    }

    func decode(_ bytes: [UInt8], line: Int) throws -> InputLine {
        do {
            let decoded = try decoder.decode(bytes, lineNumber: line)
            if case .command = decoded {
                throw DatasetError.badLine(source: source, line: line, reason: "commands are for the daemon; a run file holds samples only")
            }
            return decoded
        } catch let e as LineError {
            throw DatasetError.badLine(source: source, line: line, reason: e.message)
        }
    }

    /// One pass over the file: every line decoded, sample lines indexed.
    func index() throws {
        let chunk = 1 << 18
        var block = [UInt8]()
        var pending: [UInt8] = []  // the start of a line cut by a chunk boundary
        var pendingStart = 0
        var position = 0
        var lineNumber = 0
        func finish(_ bytes: ArraySlice<UInt8>, start: Int) throws {
            lineNumber += 1
            guard case let .sample(s) = try decode(Array(bytes), line: lineNumber) else { return }
            if count == 0 { width = s.width }
            if let l = s.label { maxLabel = max(maxLabel ?? l, l) }
            offsets.append(start)
            lengths.append(Int32(bytes.count))
            lines.append(Int32(lineNumber))
            count += 1
        }
        while position < file.byteCount {
            let n = min(chunk, file.byteCount - position)
            try file.read(at: position, count: n, into: &block)
            var lineStart = 0
            for k in 0..<n where block[k] == 0x0A {
                if pending.isEmpty {
                    try finish(block[lineStart..<k], start: position + lineStart)
                } else {
                    pending += block[lineStart..<k]
                    try finish(pending[...], start: pendingStart)
                    pending.removeAll(keepingCapacity: true)
                }
                lineStart = k + 1
            }
            if lineStart < n {
                if pending.isEmpty { pendingStart = position + lineStart }
                pending += block[lineStart..<n]
            }
            position += n
        }
        // The last line (no newline at the end), or the empty line after the last newline.
        try finish(pending[...], start: pending.isEmpty ? file.byteCount : pendingStart)
        lineCount = lineNumber
    }
}

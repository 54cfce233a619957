import Foundation

/// The label a reading line carries.
public enum ReadingLabel: Equatable, Sendable {
    /// No `"label"` key: the stream's current label (set by the last label event) applies.
    case inherited
    /// `"label": 2`: this reading only.
    case labelled(Int)
    /// `"label": null`: this reading is unlabelled, whatever the current label.
    case unlabelled
}

/// One decoded line of a reading stream (`stream.mode: readings`, issue #20).
public enum StreamLine: Equatable, Sendable {
    /// One reading (`{"r":[…]}` or a CSV line `c0,c1,…`); its values are in
    /// ``ReadingLineDecoder/values``.
    case reading(ReadingLabel)
    /// `{"cmd":"label","label":2}` (or `null`): the readings that follow carry this label.
    case label(Int?, id: String?)
    /// `{"cmd":"flush"}`: answer the partial window now.
    case flush(id: String?)
    /// Any other protocol line: a command (`stats`, `checkpoint`, …) or nothing (`skip`).
    case line(InputLine)
}

/// Decodes the lines of a reading stream: `{"r":[c0,c1,…],"label":2}` readings (label
/// optional), plain CSV readings `c0,c1,…` (a first line that does not start with a number is
/// a header), the label and flush events, and every command of ``InputLineDecoder``.
///
/// A reading's values go into ``values``, reused from line to line: decoding a reading
/// allocates nothing once the buffers have grown to the line length. The common shape
/// `{"r":[…]}` / `{"r":[…],"label":N}` is read by a byte scanner; any other JSON object
/// goes through the strict ``JSONParser`` (same answers, slower). Throws only ``LineError``.
public final class ReadingLineDecoder {
    /// The last reading's values.
    public internal(set) var values: [Float] = []
    /// The line's bytes with a NUL terminator, for `strtof`.
    var scratch: [UInt8] = []
    let commands = InputLineDecoder()

    public init() {
        values.reserveCapacity(64)
        scratch.reserveCapacity(1024)
    }

    static let readingFields: Set<String> = ["r", "label"]

    public func decode(_ bytes: some Collection<UInt8>, lineNumber: Int = 0) throws(LineError) -> StreamLine {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes)
        // Trim ASCII whitespace at both ends.
        while let last = scratch.last, Self.isSpace(last) { scratch.removeLast() }
        var start = 0
        while start < scratch.count, Self.isSpace(scratch[start]) { start += 1 }
        if start == scratch.count { return .line(.skip) }
        scratch.append(0)
        let end = scratch.count - 1
        if scratch[start] == UInt8(ascii: "{") {
            if let fast = try scanReading(from: start, end: end) { return fast }
            guard let text = String(validating: scratch[start..<end], as: UTF8.self) else {
                throw LineError(code: "invalid_utf8", message: "the line is not valid UTF-8")
            }
            return try decodeJSON(text)
        }
        if scratch[start] == UInt8(ascii: "[") {
            throw LineError(code: "bad_json", message: "expected a JSON object, got an array")
        }
        return try decodeCSV(from: start, end: end, lineNumber: lineNumber)
    }

    public func decode(_ line: String, lineNumber: Int = 0) throws(LineError) -> StreamLine {
        try decode(Array(line.utf8), lineNumber: lineNumber)
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// `c0,c1,…`: every field a number. A first line whose first field is not a number is a
    /// header (`ecg_mV`, `ax,ay,az`) and is skipped.
    func decodeCSV(from start: Int, end: Int, lineNumber: Int) throws(LineError) -> StreamLine {
        values.removeAll(keepingCapacity: true)
        var i = start
        var field = 0
        while true {
            guard let (v, next) = number(at: i, end: end) else {
                if field == 0 && lineNumber <= 1 { return .line(.skip) }
                let text = String(decoding: scratch[i..<end].prefix { $0 != UInt8(ascii: ",") }, as: UTF8.self)
                throw LineError(code: "bad_csv", message: "value \(field) ('\(text)') is not a number")
            }
            values.append(v)
            field += 1
            i = next
            while i < end, Self.isSpace(scratch[i]) { i += 1 }
            if i == end {
                try checkReading()
                return .reading(.inherited)
            }
            guard scratch[i] == UInt8(ascii: ",") else {
                throw LineError(code: "bad_csv", message: "expected ',' after value \(field - 1)")
            }
            i += 1
        }
    }

    /// A JSON number (or a CSV number: the same grammar, leading spaces allowed) starting at
    /// `i`: its value and the index after it, or nil when there is none.
    func number(at start: Int, end: Int) -> (Float, Int)? {
        var i = start
        while i < end, Self.isSpace(scratch[i]) { i += 1 }
        guard i < end else { return nil }
        let c = scratch[i]
        guard c == UInt8(ascii: "-") || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) else { return nil }
        var j = i
        while j < end, Self.isNumberByte(scratch[j]) { j += 1 }
        return scratch.withUnsafeBufferPointer { p -> (Float, Int)? in
            let base = UnsafeRawPointer(p.baseAddress! + i).assumingMemoryBound(to: CChar.self)
            var stop: UnsafeMutablePointer<CChar>?
            let v = strtof(base, &stop)
            guard let stop, UnsafeRawPointer(stop) == UnsafeRawPointer(p.baseAddress! + j) else { return nil }
            return (v, j)
        }
    }

    static func isNumberByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
            || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
    }
}

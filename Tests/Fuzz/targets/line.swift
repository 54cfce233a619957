// libFuzzer target `line`: one protocol line (NDJSON sample or command, CSV sample), decoded
// as the daemon decodes it — as bytes, as a static sample and reshaped into 2 channels, and
// as the first line of a stream (where a CSV header is skipped). Any outcome but a
// `LineError` (a trap, an overflow, unbounded recursion) is a crash libFuzzer reports.
import LineProtocol

let plain = InputLineDecoder()
let twoChannels = InputLineDecoder(channels: 2)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLine(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    for (decoder, lineNumber) in [(plain, 1), (plain, 2), (twoChannels, 2)] {
        if case let .sample(s)? = try? decoder.decode(bytes, lineNumber: lineNumber) {
            precondition(s.values.allSatisfy { $0.isFinite || $0.isNaN }, "a decoded sample holds an infinity")
        }
    }
    if let text = String(validating: bytes, as: UTF8.self), let v = try? JSONParser.parse(text) {
        // What parses serializes and parses back to the same value.
        precondition((try? JSONParser.parse(v.serialized)) != nil, "serialized JSON does not parse back")
    }
    var splitter = LineSplitter(maxLineBytes: 64)
    var count = 0
    splitter.feed(bytes) { _ in count += 1 }
    splitter.finish { _ in count += 1 }
    return 0
}

import LineProtocol
import SpikingKit
import Testing

/// Hostile input at the decoder (issue #15, item 5): every line either decodes or throws a
/// `LineError` with its protocol code; none traps, recurses without bound or stalls.
@Suite("Hostile lines at the decoder")
struct HostileLineTests {
    let decoder = InputLineDecoder()

    /// The protocol error code of a line given as bytes, or nil when it decoded.
    func code(_ bytes: [UInt8], lineNumber: Int = 2) -> String? {
        do { _ = try decoder.decode(bytes, lineNumber: lineNumber); return nil } catch { return error.code }
    }

    func code(_ text: String, lineNumber: Int = 2) -> String? { code(Array(text.utf8), lineNumber: lineNumber) }

    /// Cuts `bytes` with a splitter of the given limit, fed in chunks of `chunk` bytes.
    func frames(_ bytes: [UInt8], limit: Int, chunk: Int, finish: Bool = true) -> [FramedLine] {
        var splitter = LineSplitter(maxLineBytes: limit)
        var out: [FramedLine] = []
        var k = 0
        while k < bytes.count {
            splitter.feed(bytes[k..<min(k + chunk, bytes.count)]) { out.append($0) }
            k += chunk
        }
        if finish { splitter.finish { out.append($0) } }
        return out
    }

    @Test("a 1 MiB + 1 line is reported once as too long, never buffered, and the next line still decodes")
    func oversizedLine() {
        let limit = 1 << 20
        let big = [UInt8](repeating: UInt8(ascii: "1"), count: limit + 1)
        let next = Array(#"{"x":[1,2]}"#.utf8)
        for chunk in [1 << 16, 4093] {
            let out = frames(big + [10] + next + [10], limit: limit, chunk: chunk)
            #expect(out == [.tooLong(bytes: limit + 1), .line(next)])
        }
        // Exactly at the limit is still a line.
        let atLimit = [UInt8](repeating: UInt8(ascii: "2"), count: limit)
        #expect(frames(atLimit + [10], limit: limit, chunk: 1 << 16) == [.line(atLimit)])
        #expect(EngineRequest.decode(.tooLong(bytes: limit + 1), decoder: decoder, lineNumber: 1, maxLineBytes: limit)
            .isTooLong(limit: limit))
    }

    @Test("10⁵-deep JSON nesting is refused by the depth limit, not by a stack overflow")
    func deepNesting() {
        let depth = 100_000
        let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(code("{\"x\":" + arrays + "}") == "bad_json")
        let objects = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
        #expect(code(objects) == "bad_json")
        // Unclosed, as a half-sent line would be.
        #expect(code("{\"x\":" + String(repeating: "[", count: depth)) == "bad_json")
        // The limit leaves room for every real sample shape (frames nest two deep).
        #expect(code(#"{"frames":[[1,2],[3,4]]}"#) == nil)
    }

    @Test("numbers beyond Double and Int: 1e400, huge integers, in values, labels, tasks and ids")
    func hugeNumbers() {
        #expect(code(#"{"x":[1e400]}"#) == "not_finite")
        #expect(code(#"{"x":[-1e400,1]}"#) == "not_finite")
        #expect(code(#"{"x":[1e300]}"#) == "not_finite")  // finite as a Double, infinite as a Float
        #expect(code(#"{"x":[1],"label":1e400}"#) == "bad_label")
        #expect(code(#"{"x":[1],"label":100000000000000000000}"#) == "bad_label")
        #expect(code(#"{"x":[1],"task":-1e400}"#) == "bad_task")
        #expect(code(#"{"cmd":"task","task":1e400}"#) == "bad_task")
        // An id is text: a huge integer id is kept as its digits' value, never trapped on.
        #expect(code(#"{"x":[1],"id":100000000000000000000}"#) == nil)
        #expect(code(#"{"cmd":"stats","id":-1e400}"#) == nil)
        #expect(code(#"{"x":[1],"id":1e400}"#) == nil)
        // CSV labels go through the same range check.
        #expect(code("1e400,1,2") == "bad_csv")
        #expect(code("1e30,1,2") == "bad_csv")
        #expect(code("-1e19,1,2") == "bad_csv")
        #expect(code("99999999999999999999,1,2") == "bad_csv")
        #expect(code("3,1e400,2") == "not_finite")
    }

    @Test("invalid UTF-8 is invalid_utf8, whatever the rest of the line")
    func invalidUTF8() {
        let prefix = Array(#"{"x":[1],"id":""#.utf8), suffix = Array(#""}"#.utf8)
        for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            #expect(code(prefix + bad + suffix) == "invalid_utf8")
            #expect(code(bad + Array(",1,2".utf8)) == "invalid_utf8")
        }
    }

    @Test("NUL bytes anywhere in a line are an error, never a truncated sample")
    func nulBytes() {
        #expect(code(Array(#"{"x":[1,2]}"#.utf8) + [0]) == "bad_json")
        #expect(code([0] + Array(#"{"x":[1,2]}"#.utf8)) == "bad_csv")
        #expect(code(Array(#"{"x":[1,2],"id":"a"#.utf8) + [0] + Array(#""}"#.utf8)) == "bad_json")
        #expect(code(Array("3,1,".utf8) + [0] + Array("2".utf8)) == "bad_csv")
        #expect(code([0, 0, 0]) == "bad_csv")
    }

    @Test("\\r\\n line ends decode like \\n, also when the \\r and \\n arrive in different reads")
    func crlf() throws {
        let text = Array("{\"x\":[1,2],\"label\":1}\r\n3,4,5\r\n\r\n".utf8)
        for chunk in [1, 2, 3, text.count] {
            let out = frames(text, limit: 1024, chunk: chunk)
            #expect(out == [.line(Array(#"{"x":[1,2],"label":1}"#.utf8)), .line(Array("3,4,5".utf8)), .line([])])
            for case let .line(bytes) in out {
                #expect((try? decoder.decode(bytes, lineNumber: 2)) != nil)
            }
        }
    }

    @Test("a half line then end of input: cut as a last line and answered with its error")
    func halfLine() {
        let half = Array(#"{"x":[1,2,"#.utf8)
        #expect(frames(half, limit: 1024, chunk: 3, finish: false) == [])
        let out = frames(half, limit: 1024, chunk: 3)
        #expect(out == [.line(half)])
        #expect(code(half) == "bad_json")
        #expect(code(Array("3,1,".utf8)) == "not_finite")  // an empty CSV field is a NaN: padding of temporal rows only
    }

    @Test("every truncation and every single-byte change of valid lines decodes or throws a LineError")
    func mutations() {
        let seeds = [#"{"x":[1,2.5,-3e-1],"label":3,"id":"abc","task":2}"#, #"{"frames":[[1,2],[3,4]],"id":7}"#,
                     #"{"cmd":"task","task":2,"id":"t"}"#, "3,0.1,0.2,0.3", #"{"id":"\ud83d\ude00","x":[0]}"#]
        let alphabet: [UInt8] = [0, 9, 10, 13, 0x22, 0x2C, 0x2D, 0x2E, 0x30, 0x39, 0x3A, 0x5B, 0x5C, 0x5D, 0x65, 0x7B, 0x7D, 0x80, 0xFF]
        var decoded = 0, refused = 0
        for seed in seeds.map({ Array($0.utf8) }) {
            for n in 0...seed.count {
                if code(Array(seed.prefix(n))) == nil { decoded += 1 } else { refused += 1 }
            }
            for k in seed.indices {
                for b in alphabet {
                    var m = seed
                    m[k] = b
                    if code(m) == nil { decoded += 1 } else { refused += 1 }
                }
            }
        }
        #expect(decoded > 0 && refused > 0)
    }
}

extension EngineRequest {
    func isTooLong(limit: Int) -> Bool {
        if case let .tooLong(_, l) = self { return l == limit }
        return false
    }
}

import LineProtocol
import SpikingKit
import Testing

@Suite("Line protocol decoding")
struct InputLineTests {
    let decoder = InputLineDecoder()

    func sample(_ line: String, channels: Int? = nil) throws -> Sample {
        guard case let .sample(s) = try InputLineDecoder(channels: channels).decode(line) else {
            Issue.record("not a sample: \(line)")
            return Sample(features: [])
        }
        return s
    }

    func errorCode(_ line: String) -> String? {
        do { _ = try decoder.decode(line); return nil } catch { return error.code }
    }

    @Test("static and temporal samples, ids, tasks and labels")
    func samples() throws {
        let s = try sample(#"{"x":[1,2.5,-3e-1],"label":3,"id":"abc","task":2}"#)
        #expect(s.values == [1, 2.5, -0.3] && s.label == 3 && s.id == "abc" && s.task == 2 && !s.isTemporal)
        let t = try sample(#"{"frames":[[1,2],[3,4],[5,6]],"id":7}"#)
        #expect(t.isTemporal && t.frameCount == 3 && t.channels == 2 && t.id == "7" && t.label == nil)
        let c = try sample("2,1,2,3,4,5,6", channels: 2)
        #expect(c.frameCount == 3 && c.values == [1, 4, 2, 5, 3, 6] && c.label == 2)
    }

    @Test("a non-finite value is reported in the learner's words")
    func notFiniteWording() {
        #expect(throws: LineError(code: "not_finite", message: "value 1 is NaN or infinite")) {
            try decoder.decode(#"{"x":[1,1e999]}"#)
        }
        #expect(LineError(SampleError.notFinite(index: 1)) == LineError(code: "not_finite", message: "value 1 is NaN or infinite"))
    }

    @Test("one channel is a temporal series of one value per frame, not a static sample")
    func singleChannel() throws {
        let s = try sample("1,0.5,0.25,-1,2", channels: 1)
        #expect(s.isTemporal && s.channels == 1 && s.frameCount == 4 && s.values == [0.5, 0.25, -1, 2] && s.label == 1)
        let x = try sample(#"{"x":[3,4,5]}"#, channels: 1)
        #expect(x.isTemporal && x.channels == 1 && x.frameCount == 3)
        #expect(throws: LineError(code: "bad_dimension", message: "5 values cannot be reshaped into 2 channels")) {
            try InputLineDecoder(channels: 2).decode("0,1,2,3,4,5")
        }
    }

    @Test("commands decode with their arguments")
    func commands() throws {
        #expect(try decoder.decode(#"{"cmd":"stats"}"#) == .command(.stats, id: nil))
        #expect(try decoder.decode(#"{"cmd":"task","task":4,"id":"q"}"#) == .command(.task(4), id: "q"))
        #expect(try decoder.decode(#"{"cmd":"learn","on":false}"#) == .command(.learn(false), id: nil))
        #expect(try decoder.decode(#"{"cmd":"eval","on":true}"#) == .command(.eval(true), id: nil))
        #expect(try decoder.decode("label,f0,f1", lineNumber: 1) == .skip)
        #expect(try decoder.decode("   ") == .skip)
    }

    @Test("every bad line has a code naming the problem", arguments: [
        ("{\"x\":[1,2", "bad_json"), ("[1,2]", "bad_json"), ("{\"cmd\":\"fly\"}", "unknown_command"),
        ("{\"x\":[1],\"lable\":2}", "unknown_field"), ("{\"frames\":[[1,2],[3]]}", "bad_dimension"),
        ("{\"x\":[1e999]}", "not_finite"), ("{\"x\":[1],\"label\":2.5}", "bad_label"),
        ("{\"x\":[\"a\"]}", "bad_sample"), ("{\"cmd\":\"learn\"}", "bad_command"), ("1,2,zz", "bad_csv"),
        ("{\"x\":[]}", "bad_sample"), ("{\"x\":[1],\"x\":[2]}", "bad_json"),
    ])
    func errors(line: String, code: String) {
        #expect(errorCode(line) == code)
    }

    @Test("invalid UTF-8 is an error, not a crash")
    func invalidUTF8() {
        #expect(throws: LineError.self) { try decoder.decode([0x7B, 0xFF, 0xFE, 0x7D]) }
    }
}

@Suite("JSON parser")
struct JSONParserTests {
    @Test("values, escapes and surrogate pairs")
    func values() throws {
        let v = try JSONParser.parse(#"{"a":[true,false,null,-0.5,12],"s":"x\"y\\\n\u00e9\ud83d\ude00"}"#)
        #expect(v["a"] == .array([.bool(true), .bool(false), .null, .number(-0.5, isInteger: false), .number(12, isInteger: true)]))
        #expect(v["s"] == .string("x\"y\\\né😀"))
        #expect(JSONValue.string("a\"b\n").serialized == #""a\"b\n""#)
    }

    @Test("malformed documents are rejected", arguments: ["{", "{\"a\":}", "01", "1.", "[1,]", "{\"a\":1} x", "\"\u{01}\"", "tru"])
    func malformed(text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
    }
}

@Suite("Line splitter")
struct LineSplitterTests {
    @Test("a line exactly at the limit passes; one byte more does not")
    func limit() {
        var s = LineSplitter(maxLineBytes: 4)
        var out: [FramedLine] = []
        s.feed(Array("abcd\nabcde\n".utf8)) { out.append($0) }
        #expect(out == [.line(Array("abcd".utf8)), .tooLong(bytes: 5)])
    }
}

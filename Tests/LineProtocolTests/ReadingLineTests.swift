import LineProtocol
import Testing

@Suite("Reading lines (stream.mode: readings)")
struct ReadingLineTests {
    func decode(_ line: String, number: Int = 5) -> Result<StreamLine, LineError> {
        let d = ReadingLineDecoder()
        do { return .success(try d.decode(line, lineNumber: number)) } catch { return .failure(error) }
    }

    func values(_ line: String) throws -> [Float] {
        let d = ReadingLineDecoder()
        guard case .reading = try d.decode(line) else { Issue.record("not a reading: \(line)"); return [] }
        return d.values
    }

    @Test("the byte scanner and the strict parser read the same values", arguments: [
        #"{"r":[1,-2.5,3e2,0.1,-0,1E-3]}"#, #"{"r":[-0.245]}"#, #"{"r":[0.016,1.5e-7,123456.789]}"#,
    ])
    func fastEqualsStrict(_ line: String) throws {
        let spaced = line.replacingOccurrences(of: ":", with: ": ").replacingOccurrences(of: ",", with: ", ")
        let fast = try values(line), strict = try values(spaced)
        #expect(fast == strict)
        // And both equal the value each number denotes, rounded once to Float.
        let inner = line.dropFirst(6).dropLast(2)
        #expect(fast == inner.split(separator: ",").map { Float(String($0))! })
    }

    @Test("a reading's label: absent, a class, or null")
    func labels() throws {
        #expect(try decode(#"{"r":[1,2]}"#).get() == .reading(.inherited))
        #expect(try decode(#"{"r":[1,2],"label":3}"#).get() == .reading(.labelled(3)))
        #expect(try decode(#"{"r":[1,2],"label":null}"#).get() == .reading(.unlabelled))
        #expect(try decode(#"{"label":3, "r":[1,2]}"#).get() == .reading(.labelled(3)))
        #expect(try decode(#"{"r":[1,2],"label":-1}"#).get() == .reading(.labelled(-1)))   // range is the stream's check
    }

    @Test("label and flush events; other commands pass through")
    func events() throws {
        #expect(try decode(#"{"cmd":"label","label":2}"#).get() == .label(2, id: nil))
        #expect(try decode(#"{"cmd":"label","label":null,"id":"a"}"#).get() == .label(nil, id: "a"))
        #expect(try decode(#"{"cmd":"flush","id":7}"#).get() == .flush(id: "7"))
        #expect(try decode(#"{"cmd":"stats"}"#).get() == .line(.command(.stats, id: nil)))
        #expect(try decode("   ").get() == .line(.skip))
    }

    @Test("CSV readings: channel values only; a first line that is not a number is a header")
    func csv() throws {
        #expect(try values("0.5, -1 ,2e1") == [0.5, -1, 20])
        #expect(try values("-0.245") == [-0.245])
        #expect(try decode("ecg_mV", number: 1).get() == .line(.skip))
        #expect(try decode("ax,ay,az", number: 1).get() == .line(.skip))
    }

    @Test("bad lines get their codes", arguments: [
        (#"{"r":[1,"a"]}"#, "bad_reading"), (#"{"r":[1],"t":3}"#, "unknown_field"), (#"{"r":[1e39]}"#, "not_finite"),
        (#"{"x":[1,2]}"#, "bad_reading"), (#"{"r":[]}"#, "bad_reading"), (#"{"r":[01]}"#, "bad_json"),
        (#"{"cmd":"label"}"#, "bad_command"), (#"{"cmd":"label","label":1.5}"#, "bad_label"),
        (#"{"cmd":"nope"}"#, "unknown_command"), ("1,x,3", "bad_csv"), ("1;2", "bad_csv"), ("[1,2]", "bad_json"),
        ("ecg_mV", "bad_csv"), ("1,1e39", "not_finite"),
    ])
    func errors(_ line: String, _ code: String) {
        guard case let .failure(e) = decode(line) else { Issue.record("accepted: \(line)"); return }
        #expect(e.code == code, "\(line): \(e)")
    }
}

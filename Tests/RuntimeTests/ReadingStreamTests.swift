import AppTestSupport
import LineProtocol
import Settings
import Runtime
import Datasets
import SpikingKit
import Testing

/// A reading stream in front of an engine, as one connection of the daemon sees it.
struct StreamHarness {
    let core: EngineCore
    let config: ResolvedConfig
    var line = 0

    init(_ extra: [String] = []) throws {
        config = try Repo.config(["network.layers=3,16,3", "network.timesteps=4", "stream.mode=readings",
                                  "stream.window=8", "stream.hop=3"] + extra)
        core = EngineCore(config: config)
    }

    func connect() throws -> ReadingStream { try ReadingStream.make(config: config) }

    /// The answers to `lines` on `stream`, parsed.
    mutating func send(_ lines: [String], on stream: ReadingStream) throws -> [JSONValue] {
        var out: [JSONValue] = []
        for l in lines {
            line += 1
            guard let r = stream.request(.line(Array(l.utf8)), lineNumber: line, maxLineBytes: 1 << 20) else { continue }
            out.append(try JSONParser.parse(core.handle(r)))
        }
        return out
    }
}

func readings(_ range: Range<Int>, label: Int? = nil, channels: Int = 3) -> [String] {
    range.map { k in
        let values = (0..<channels).map { c in "\(Float(k % 17) * 0.1 + Float(c))" }.joined(separator: ",")
        return "{\"r\":[\(values)]" + (label.map { ",\"label\":\($0)" } ?? "") + "}"
    }
}

func int(_ v: JSONValue?) -> Int? { if case let .number(d, _)? = v { return Int(d) } else { return nil } }
func code(_ v: JSONValue) -> String? { if case let .string(s)? = v["error"]?["code"] { return s } else { return nil } }

@Suite("Reading streams through the engine")
struct ReadingStreamTests {
    @Test("one answer per hop: none before W readings, then t = W−1, W−1+H, …")
    func answersPerHop() throws {
        var h = try StreamHarness()
        let stream = try h.connect()
        let answers = try h.send(readings(0..<40), on: stream)
        #expect(answers.count == h.config.run.stream.expectedAnswers(readings: 40))
        #expect(answers.compactMap { int($0["t"]) } == Array(stride(from: 7, to: 40, by: 3)))
        #expect(answers.compactMap { int($0["seq"]) } == Array(1...answers.count))
        #expect(answers.allSatisfy { $0["label"] == .null && $0["correct"] == .null && $0["learned"] == .bool(false) })
    }

    @Test("bad lines get their error and the stream goes on, the windows still on time")
    func errorsMidStream() throws {
        var h = try StreamHarness()
        let stream = try h.connect()
        var lines = readings(0..<5)
        lines += [#"{"r":[1,2]}"#, #"{"cmd":"label","label":3}"#, #"{"r":[1,2,3],"label":9}"#, "1,2,3,4", #"{"r":[1,2,"x"]}"#]
        lines += readings(5..<11)
        let answers = try h.send(lines, on: stream)
        #expect(answers.compactMap(code) == ["bad_dimension", "label_out_of_range", "label_out_of_range", "bad_dimension", "bad_reading"])
        #expect(answers.compactMap { int($0["t"]) } == [7, 10])   // the rejected lines are not readings
        #expect(try h.send([#"{"cmd":"stats"}"#], on: stream).first?["stats"]?["errors"] == .number(5, isInteger: true))
    }

    @Test("label events apply to the readings that follow; a window takes its majority label and learns")
    func labelEvents() throws {
        var h = try StreamHarness()
        let stream = try h.connect()
        var lines = [#"{"cmd":"label","label":2}"#] + readings(0..<8)          // window 0…7: all 2
        lines += [#"{"cmd":"label","label":1}"#] + readings(8..<11)          // 3…10: 2 ×5, 1 ×3
        lines += readings(11..<14)                                            // 6…13: 2 ×2, 1 ×6
        lines += [#"{"cmd":"label","label":null}"#] + readings(14..<20)      // 9…16 (1 ×5), 12…19 (1 ×2, none ×6)
        let answers = try h.send(lines, on: stream)
        let windows = answers.filter { $0["t"] != nil }
        #expect(answers.filter { $0["ok"] == .bool(true) }.compactMap { $0["label"] } == [.number(2, isInteger: true), .number(1, isInteger: true), .null])
        #expect(windows.map { int($0["label"]) } == [2, 2, 1, 1, nil])
        #expect(windows.map { $0["learned"] } == [true, true, true, true, false].map(JSONValue.bool))
        #expect(windows.last?["correct"] == .null)
    }

    @Test("flush answers the partial window, then the next window needs W new readings; an empty flush is an error")
    func flush() throws {
        var h = try StreamHarness()
        let stream = try h.connect()
        let answers = try h.send(readings(0..<5) + [#"{"cmd":"flush","id":"f1"}"#, #"{"cmd":"flush"}"#] + readings(5..<16), on: stream)
        #expect(answers.count == 4)
        #expect(answers[0]["flush"] == .bool(true) && int(answers[0]["readings"]) == 5 && int(answers[0]["t"]) == 4)
        #expect(answers[0]["id"] == .string("f1"))
        #expect(code(answers[1]) == "empty_window")
        #expect(answers[2...].compactMap { int($0["t"]) } == [12, 15])
        // A flush with nothing new still starts the stream over: the next window needs W readings.
        let after = try h.send(readings(16..<19) + [#"{"cmd":"flush"}"#] + readings(19..<30), on: stream)
        #expect(after.map { int($0["t"]) } == [18, nil, 26, 29])   // a hop at 18; then 19…26 and a hop
        #expect(code(after[1]) == "empty_window")
    }

    @Test("each connection is its own stream: interleaved lines give each its windows as if alone")
    func twoConnections() throws {
        var h = try StreamHarness()
        let a = try h.connect(), b = try h.connect()
        var tsA: [Int] = [], tsB: [Int] = []
        for (la, lb) in zip(readings(0..<20), readings(0..<20)) {
            tsA += try h.send([la], on: a).compactMap { int($0["t"]) }
            tsB += try h.send([lb], on: b).compactMap { int($0["t"]) }
        }
        #expect(tsA == [7, 10, 13, 16, 19] && tsB == tsA)
    }

    @Test("carry state runs hop by hop and answers on the same readings")
    func carry() throws {
        var h = try StreamHarness(["stream.state=carry"])
        let stream = try h.connect()
        let answers = try h.send([#"{"cmd":"label","label":0}"#] + readings(0..<20), on: stream)
        #expect(answers.compactMap { int($0["t"]) } == [7, 10, 13, 16, 19])
        #expect(h.core.learner?.totals.timesteps == 20)   // every reading ran exactly once
    }
}

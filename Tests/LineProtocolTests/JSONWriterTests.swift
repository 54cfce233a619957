import Foundation
import KitSupport
import LineProtocol
import Testing

/// The one JSON writer against an independent oracle: Foundation's `JSONEncoder` with
/// `.sortedKeys`, which wrote every summary and record before (`sortedJSON` must give the
/// same bytes), and the line parser (`serialized` must round-trip).
@Suite("JSONWriter: one writer, the same bytes as before")
struct JSONWriterTests {
    /// A record with every kind of field a summary or record carries.
    struct Record: Codable {
        var name: String
        var path: String
        var count: Int
        var seed: UInt64
        var offset: Int64
        var energyPicojoules: Double
        var gain: Float
        var tags: [String]
        var values: [Double]
        var floats: [Float]
        var nested: [String: Double]
        var byIndex: [Int: String]
        var optional: Double?
        var missing: String?
        var flag: Bool
        var mode: Mode
        var inner: Inner?
        enum Mode: String, Codable { case rram, pcm }
        struct Inner: Codable { var zeta: Int; var alpha: [Int8]; var mid: UInt16 }
    }

    static func foundation(_ value: some Encodable, escapingSlashes: Bool = true) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = escapingSlashes ? [.sortedKeys] : [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: enc.encode(value), as: UTF8.self)) ?? "{}"
    }

    /// Doubles of every shape: whole, negative zero, tiny, huge, subnormal, random bits.
    static func double(_ rng: inout SeededGenerator) -> Double {
        let special: [Double] = [0, -0.0, 1, -1, 2, 0.1, 1e-5, 1e15, 1e16, 1e21, 123456789012345, 9007199254740992,
                                 .leastNonzeroMagnitude, .greatestFiniteMagnitude, 829727038.7498273]
        switch rng.next() % 4 {
        case 0: return special[Int(rng.next() % UInt64(special.count))]
        case 1: return Double(Int64(bitPattern: rng.next()) >> Int(rng.next() % 60))
        default:
            let d = Double(bitPattern: rng.next())
            return d.isFinite ? d : 0.5
        }
    }

    static func float(_ rng: inout SeededGenerator) -> Float {
        let f = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))
        return f.isFinite ? (rng.next() % 3 == 0 ? f.rounded() : f) : 1e7
    }

    /// Strings with every control character, quotes, backslashes, slashes and non-ASCII.
    static func string(_ rng: inout SeededGenerator) -> String {
        let pieces = ["a", "/", "\\", "\"", "é", "🦀", "\u{7f}", "\u{2028}", " ", "tmp/a.csv"]
        var s = ""
        for _ in 0..<Int(rng.next() % 12) {
            s += rng.next() % 2 == 0 ? String(UnicodeScalar(UInt8(rng.next() % 32))) : pieces[Int(rng.next() % UInt64(pieces.count))]
        }
        return s
    }

    static func record(_ rng: inout SeededGenerator) -> Record {
        Record(name: string(&rng), path: "/data/\(string(&rng))", count: Int(truncatingIfNeeded: rng.next()),
               seed: rng.next(), offset: Int64(bitPattern: rng.next()), energyPicojoules: double(&rng), gain: float(&rng),
               tags: (0..<Int(rng.next() % 4)).map { _ in string(&rng) }, values: (0..<5).map { _ in double(&rng) },
               floats: (0..<5).map { _ in float(&rng) },
               nested: Dictionary(uniqueKeysWithValues: (0..<Int(rng.next() % 5)).map { ("k\($0)\(string(&rng))", double(&rng)) }),
               byIndex: [Int(rng.next() % 100): string(&rng), -3: "neg"],
               optional: rng.next() % 2 == 0 ? nil : double(&rng), missing: nil, flag: rng.next() % 2 == 0,
               mode: rng.next() % 2 == 0 ? .rram : .pcm,
               inner: rng.next() % 3 == 0 ? nil : .init(zeta: -1, alpha: [-128, 127], mid: UInt16.max))
    }

    @Test("sortedJSON gives JSONEncoder's bytes for 2,000 random records, slashes escaped or not")
    func matchesFoundation() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let r = Self.record(&rng)
            #expect(sortedJSON(r) == Self.foundation(r))
            #expect(sortedJSON(r, escapingSlashes: false) == Self.foundation(r, escapingSlashes: false))
        }
    }

    @Test("integers keep every digit; a whole Double drops its .0; a Float keeps its own digits")
    func numbers() {
        struct N: Codable { var a = UInt64.max; var b = Int64.min; var c = 3.0; var d = Float(0.1); var e = -0.0; var f = 1e-5 }
        #expect(sortedJSON(N()) == #"{"a":18446744073709551615,"b":-9223372036854775808,"c":3,"d":0.1,"e":-0,"f":1e-05}"#)
        #expect(sortedJSON(N()) == Self.foundation(N()))
    }

    @Test("a NaN or infinity cannot be encoded: {} as before", arguments: [Double.nan, .infinity, -.infinity])
    func notFinite(x: Double) {
        #expect(sortedJSON(["x": x]) == "{}")
        #expect(Self.foundation(["x": x]) == "{}")
        #expect(throws: JSONValueEncoder.Failure.self) { try JSONValueEncoder().encode(["x": x]) }
    }

    @Test("every control character is escaped as JSONEncoder escapes it")
    func controlCharacters() {
        let all = String((0..<0x20).map { Character(UnicodeScalar(UInt8($0))) }) + "\"\\/"
        #expect(JSONWriter(escapingSlashes: true).quote(all) == Self.foundation([all]).dropFirst().dropLast())
        #expect(JSONValue.string("a\"b\n\u{8}\u{c}\u{1}/").serialized == #""a\"b\n\b\f\u0001/""#)
    }

    @Test("responses: stored member order, integers without a fraction, non-integers as Swift prints them")
    func responseForm() {
        let v = JSONValue.object([("seq", .number(12, isInteger: true)), ("acc", .number(1, isInteger: false)),
                                  ("e", .number(1e-5, isInteger: false)), ("big", .number(1e15, isInteger: true)),
                                  ("nan", .number(.nan, isInteger: false)), ("id", .null), ("ok", .bool(true)),
                                  ("r", .array([.string("a/b"), .numberText("0.1")]))])
        #expect(v.serialized == #"{"seq":12,"acc":1.0,"e":1e-05,"big":1000000000000000.0,"nan":null,"id":null,"ok":true,"r":["a/b",0.1]}"#)
        #expect(JSONWriter(sortedKeys: true).string(v).hasPrefix(#"{"acc":1.0,"big":1000000000000000.0,"e":1e-05,"id":null,"#))
    }

    @Test("serialized text parses back to the same value (500 random values)")
    func roundTrip() throws {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<500 {
            let r = Self.record(&rng)
            let tree = try JSONValueEncoder().encode(r)
            #expect(try JSONParser.parse(tree.serialized) == tree)
            let back = try JSONDecoder().decode(Record.self, from: Data(sortedJSON(r).utf8))
            #expect(sortedJSON(back) == sortedJSON(r))
        }
    }
}

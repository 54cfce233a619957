/// The one JSON writer of the application: every JSON text Spikebar emits — protocol
/// responses, `/status`, summaries (`--summary json`), records in the database, event
/// details — is a ``JSONValue`` written by this type, so escaping and number formatting
/// have one definition.
///
/// Output is compact (no white space). Strings: `"` and `\` are escaped, the control
/// characters U+0008, U+0009, U+000A, U+000C, U+000D as `\b \t \n \f \r`, every other
/// one below U+0020 as `\u00xx` (lowercase hex), `/` as `\/` only with
/// ``escapingSlashes``; everything else is written as its UTF-8 bytes (RFC 8259 §7).
/// Numbers: ``JSONValue/number(_:isInteger:)`` as integer digits when flagged an integer
/// and below 10¹⁵ in magnitude (where every integer is exact in a `Double`), otherwise as
/// Swift's shortest round-tripping `description` (`0.1`, `2.0`, `1e-05`), and `null` when
/// not finite; ``JSONValue/numberText(_:)`` verbatim. With ``sortedKeys`` object members
/// are written in the byte order of their keys' UTF-8 (as Foundation's `JSONEncoder` does
/// with `.sortedKeys` on Linux), otherwise in their stored order.
public struct JSONWriter: Sendable {
    /// Write members of every object in UTF-8 byte order of their keys.
    public var sortedKeys = false
    /// Write `/` as `\/`.
    public var escapingSlashes = false

    public init(sortedKeys: Bool = false, escapingSlashes: Bool = false) {
        self.sortedKeys = sortedKeys
        self.escapingSlashes = escapingSlashes
    }

    /// `value` as one line of JSON text.
    public func string(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        write(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func write(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case let .number(d, isInteger): out.append(contentsOf: Self.number(d, isInteger: isInteger).utf8)
        case let .numberText(text): out.append(contentsOf: text.utf8)
        case let .string(s): quote(s, to: &out)
        case let .array(items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .object(pairs):
            out.append(UInt8(ascii: "{"))
            let members = sortedKeys ? pairs.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) } : pairs
            for (i, (key, member)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                quote(key, to: &out)
                out.append(UInt8(ascii: ":"))
                write(member, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A number's text: integer digits if `isInteger` and |d| < 10¹⁵, else Swift's shortest
    /// `description`; `null` if not finite.
    public static func number(_ d: Double, isInteger: Bool) -> String {
        if isInteger, abs(d) < 1e15 { return String(Int64(d)) }
        return d.isFinite ? d.description : "null"
    }

    /// `s` as a JSON string literal, quotes included.
    public func quote(_ s: String) -> String {
        var out: [UInt8] = []
        quote(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func quote(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case UInt8(ascii: "/") where escapingSlashes: out.append(contentsOf: [0x5C, 0x2F])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x00..<0x20:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex(b >> 4), Self.hex(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    static func hex(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble + 0x30 : nibble - 10 + UInt8(ascii: "a")
    }
}

extension JSONValue {
    /// Compact JSON in stored member order, `/` unescaped: the form of every protocol
    /// response (``JSONWriter``).
    public var serialized: String { JSONWriter().string(self) }

    /// `s` as a JSON string literal (``JSONWriter/quote(_:)``).
    public static func quote(_ s: String) -> String { JSONWriter().quote(s) }
}

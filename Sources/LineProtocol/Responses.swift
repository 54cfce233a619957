import SpikingKit

/// The daemon's response lines (DESIGN §7.1): one JSON object per request line.
public enum Responses {
    static func id(_ id: String?) -> JSONValue { id.map(JSONValue.string) ?? .null }
    static func number(_ x: Double) -> JSONValue { .number(x, isInteger: false) }
    static func integer(_ x: Int) -> JSONValue { .number(Double(x), isInteger: true) }

    /// `{"seq":…,"id":…,"pred":…,"label":…,"correct":…,"confidence":…,"pulses":…, …}`
    public static func sample(seq: Int, id: String?, outcome: SampleOutcome, extra: [(String, JSONValue)] = []) -> String {
        var pairs: [(String, JSONValue)] = [
            ("seq", integer(seq)), ("id", Self.id(id)), ("pred", integer(outcome.prediction)),
            ("label", outcome.label.map(integer) ?? .null),
            ("correct", outcome.correct.map(JSONValue.bool) ?? .null),
            ("confidence", number((Double(outcome.confidence) * 10_000).rounded() / 10_000)),
            ("pulses", integer(Int(outcome.counts.pulses))),
            ("learned", .bool(outcome.learned)),
        ]
        pairs += extra
        return JSONValue.object(pairs).serialized
    }

    /// `{"seq":null,"id":…,"error":{"code":…,"message":…}}`
    public static func error(code: String, message: String, id: String?) -> String {
        JSONValue.object([
            ("seq", .null), ("id", Self.id(id)),
            ("error", .object([("code", .string(code)), ("message", .string(message))])),
        ]).serialized
    }

    /// `{"seq":null,"id":…,"ok":true, …}` for a command.
    public static func ok(id: String?, _ fields: [(String, JSONValue)]) -> String {
        JSONValue.object([("seq", .null), ("id", Self.id(id)), ("ok", .bool(true))] + fields).serialized
    }
}

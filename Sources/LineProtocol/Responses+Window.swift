
import SpikingKit

extension Responses {
    /// A window's answer: `{"seq":…,"t":…,"pred":…,"confidence":…,"label":…,"correct":…,
    /// "pulses":…,"learned":…,"energyPicojoules":…,…}`. `t` is the index of the window's last
    /// reading in its stream; a flushed window also has `"id"` (the flush's), `"flush":true` and
    /// `"readings"` (the readings it held).
    public static func window(seq: Int, window: StreamWindow, outcome: SampleOutcome, extra: [(String, JSONValue)] = []) -> String {
        var pairs: [(String, JSONValue)] = [("seq", integer(seq)), ("t", integer(window.lastReading))]
        if let id = window.sample.id { pairs.append(("id", .string(id))) }
        if window.flushed { pairs.append(("flush", .bool(true))); pairs.append(("readings", integer(window.readings))) }
        pairs += [
            ("pred", integer(outcome.prediction)),
            ("confidence", number((Double(outcome.confidence) * 10_000).rounded() / 10_000)),
            ("label", outcome.label.map(integer) ?? .null),
            ("correct", outcome.correct.map(JSONValue.bool) ?? .null),
            ("pulses", integer(Int(outcome.counts.pulses))),
            ("learned", .bool(outcome.learned)),
        ]
        pairs += extra
        return JSONValue.object(pairs).serialized
    }
}

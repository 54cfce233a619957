import Datasets
import LineProtocol
import SpikingKit

/// Plays whole temporal samples as one continuous reading stream (issue #20): series after
/// series, one `{"r":[…]}` line per frame, with a label event `{"cmd":"label","label":L}`
/// wherever the label changes (and `{"cmd":"label","label":null}` before unlabelled series).
/// Optionally shuffles the series of each pass with the same seeded order as `run --shuffle`.
public struct StreamPlayer: Sendable {
    public var passes = 1
    public var shuffleSeed: UInt64?
    /// Emit label events (false: an unlabelled stream, inference only).
    public var labels = true

    public init() {}

    /// Every line of the played stream, in order, to `emit` (no newline).
    public func play(_ series: [Sample], _ emit: (String) -> Void) {
        var current: Int?? = .none
        for pass in 0..<passes {
            let order = shuffleSeed.map { shuffled(series, seed: $0, pass: pass) } ?? series
            for s in order {
                let label = labels ? s.label : nil
                if current != .some(label), labels || current != .none {
                    emit(Self.labelEvent(label))
                    current = .some(label)
                }
                for t in 0..<s.frameCount {
                    emit(Self.reading(s.values[(t * s.channels)..<((t + 1) * s.channels)]))
                }
            }
        }
    }

    /// `{"cmd":"label","label":L}` or `…null}` (written by the one ``JSONWriter``).
    public static func labelEvent(_ label: Int?) -> String {
        JSONValue.object([("cmd", .string("label")), ("label", label.map { .numberText(String($0)) } ?? .null)]).serialized
    }

    /// `{"r":[v0,v1,…]}` with each value in its shortest exact form (written by the one
    /// ``JSONWriter``).
    public static func reading(_ values: ArraySlice<Float>) -> String {
        JSONValue.object([("r", .array(values.map { .numberText(Self.number($0)) }))]).serialized
    }

    static func number(_ v: Float) -> String {
        v == v.rounded() && abs(v) < 1e7 ? String(Int(v)) : "\(v)"
    }
}

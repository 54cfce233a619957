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
        for line in lines(series) { emit(line) }
    }

    /// The played stream's lines, made one at a time as they are read (no newline), so a
    /// paced consumer can await between them.
    public func lines(_ series: [Sample]) -> Lines { Lines(player: self, series: series) }

    /// The lines of ``lines(_:)``: label events and readings, pass after pass.
    public struct Lines: Sequence, IteratorProtocol {
        let player: StreamPlayer
        let series: [Sample]
        var pass = -1
        var order: [Sample] = []
        var index = 0
        var frame = 0
        /// The label announced last (`.none`: none yet).
        var current: Int?? = .none

        public mutating func next() -> String? {
            while true {
                if index < order.count {
                    let s = order[index]
                    if frame == 0 {
                        let label = player.labels ? s.label : nil
                        if current != .some(label), player.labels || current != .none {
                            current = .some(label)
                            return StreamPlayer.labelEvent(label)
                        }
                    }
                    if frame < s.frameCount {
                        frame += 1
                        return StreamPlayer.reading(s.values[((frame - 1) * s.channels)..<(frame * s.channels)])
                    }
                    index += 1
                    frame = 0
                    continue
                }
                pass += 1
                guard pass < player.passes else { return nil }
                order = player.shuffleSeed.map { Runtime.shuffled(series, seed: $0, pass: pass) } ?? series
                index = 0
                frame = 0
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

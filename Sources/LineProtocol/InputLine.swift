import Foundation
import SpikingKit

/// A control command of the line protocol (DESIGN §7.1).
public enum ProtocolCommand: Equatable, Sendable {
    /// `{"cmd":"stats"}`: report totals.
    case stats
    /// `{"cmd":"checkpoint"}`: write a checkpoint now.
    case checkpoint
    /// `{"cmd":"task","task":2}`: later samples belong to task 2 (a task boundary).
    case task(Int)
    /// `{"cmd":"learn","on":false}`: turn learning off or on.
    case learn(Bool)
    /// `{"cmd":"eval","on":true}`: evaluation mode (score without learning) on or off.
    case eval(Bool)
}

/// One decoded input line.
public enum InputLine: Equatable, Sendable {
    case sample(Sample)
    case command(ProtocolCommand, id: String?)
    /// A blank line or a CSV header: nothing to answer.
    case skip
}

/// Why a line could not be used. `code` is the protocol's error code.
public struct LineError: Error, Equatable, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var id: String?
    public init(code: String, message: String, id: String? = nil) {
        self.code = code
        self.message = message
        self.id = id
    }
    /// The learner's error for the same problem, with its code and wording (one source).
    public init(_ error: SampleError, id: String? = nil) {
        self.init(code: error.code, message: error.description, id: id)
    }
    public var description: String { "\(code): \(message)" }

    /// Parses a protocol line that must be one JSON object: the object and its members, or a
    /// `bad_json` error saying where the text stops being JSON or that it is not an object.
    static func parseObject(_ text: String) throws(LineError) -> (JSONValue, [(String, JSONValue)]) {
        let object: JSONValue
        do {
            object = try JSONParser.parse(text)
        } catch {
            throw LineError(code: "bad_json", message: "not valid JSON: \(error.reason) at byte \(error.offset)")
        }
        guard case let .object(pairs) = object else {
            throw LineError(code: "bad_json", message: "expected a JSON object")
        }
        return (object, pairs)
    }
}

/// Decodes protocol lines: NDJSON objects (`{"x":[…],"label":3}`, `{"frames":[[…],…]}`,
/// `{"cmd":…}`) and plain CSV lines `label,f0,f1,…` (reshaped into frames when `channels`
/// is set). Never throws anything but ``LineError``.
public struct InputLineDecoder: Sendable {
    /// Reshape flat CSV rows (and `x` arrays) into this many channels (temporal samples).
    public var channels: Int?

    public init(channels: Int? = nil) {
        self.channels = channels
    }

    /// The fields a sample object may have (built once, not per line).
    static let sampleFields: Set<String> = ["x", "frames", "label", "task", "id"]

    public func decode(_ bytes: some Collection<UInt8>, lineNumber: Int = 0) throws(LineError) -> InputLine {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LineError(code: "invalid_utf8", message: "the line is not valid UTF-8")
        }
        return try decode(text, lineNumber: lineNumber)
    }

    public func decode(_ line: String, lineNumber: Int = 0) throws(LineError) -> InputLine {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .skip }
        if text.hasPrefix("{") { return try decodeJSON(text) }
        if text.hasPrefix("[") {
            throw LineError(code: "bad_json", message: "expected a JSON object, got an array")
        }
        if lineNumber <= 1, CSVSampleReader.isHeader(Substring(text)) { return .skip }
        let row: LabelledRow
        do {
            row = try CSVSampleReader.parse(trimmedLine: Substring(text), number: lineNumber, source: "line")
        } catch let DatasetError.badLine(_, _, reason) {
            throw LineError(code: "bad_csv", message: reason)
        } catch {
            throw LineError(code: "bad_csv", message: "\(error)")
        }
        return .sample(try makeSample(values: row.values, frames: nil, label: row.label, task: nil, id: nil))
    }

    func decodeJSON(_ text: String) throws(LineError) -> InputLine {
        let (object, pairs) = try LineError.parseObject(text)
        let id = try string(object["id"])
        if let cmd = object["cmd"] {
            guard case let .string(name) = cmd else {
                throw LineError(code: "bad_command", message: "'cmd' must be a string", id: id)
            }
            return .command(try command(name, object, id: id), id: id)
        }
        let label = try integer(object["label"], key: "label", id: id)
        let task = try integer(object["task"], key: "task", id: id)
        if let extra = pairs.map(\.0).first(where: { !Self.sampleFields.contains($0) }) {
            throw LineError(code: "unknown_field", message: "unknown field '\(extra)' (allowed: x, frames, label, task, id, cmd)", id: id)
        }
        if let x = object["x"] {
            guard object["frames"] == nil else {
                throw LineError(code: "bad_sample", message: "give either 'x' or 'frames', not both", id: id)
            }
            return .sample(try makeSample(values: try numbers(x, key: "x", id: id), frames: nil, label: label, task: task, id: id))
        }
        if let f = object["frames"] {
            guard case let .array(rows) = f, !rows.isEmpty else {
                throw LineError(code: "bad_sample", message: "'frames' must be a non-empty array of arrays", id: id)
            }
            var frames: [[Float]] = []
            for row in rows { frames.append(try numbers(row, key: "frames", id: id)) }
            return .sample(try makeSample(values: [], frames: frames, label: label, task: task, id: id))
        }
        throw LineError(code: "bad_sample", message: "a sample needs 'x' or 'frames' (or 'cmd' for a command)", id: id)
    }

    func makeSample(values: [Float], frames: [[Float]]?, label: Int?, task: Int?, id: String?) throws(LineError) -> Sample {
        if let frames {
            let width = frames[0].count
            guard width > 0, frames.allSatisfy({ $0.count == width }) else {
                throw LineError(code: "bad_dimension", message: "every frame must have the same, non-zero number of values", id: id)
            }
            try checkFinite(frames.joined(), id: id)
            return Sample(frames: frames, label: label, task: task, id: id)
        }
        guard !values.isEmpty else { throw LineError(code: "bad_sample", message: "the sample has no values", id: id) }
        // One channel is a real temporal shape too (a single-lead series such as an ECG):
        // `--channels 1` gives 1 channel × L frames, not one static sample of L features.
        if let channels {
            guard let s = Sample(channelMajor: values, channels: channels, label: label, task: task, id: id) else {
                throw LineError(code: "bad_dimension",
                                message: "\(values.count) values cannot be reshaped into \(channels) channels", id: id)
            }
            try checkFinite(s.values, id: id)
            return s
        }
        try checkFinite(values, id: id)
        return Sample(features: values, label: label, task: task, id: id)
    }

    func checkFinite(_ values: some Sequence<Float>, id: String?) throws(LineError) {
        for (i, v) in values.enumerated() where !v.isFinite {
            throw LineError(SampleError.notFinite(index: i), id: id)
        }
    }

    func command(_ name: String, _ object: JSONValue, id: String?) throws(LineError) -> ProtocolCommand {
        switch name {
        case "stats": return .stats
        case "checkpoint": return .checkpoint
        case "task":
            guard let t = try integer(object["task"], key: "task", id: id) else {
                throw LineError(code: "bad_command", message: "'task' command needs an integer 'task'", id: id)
            }
            return .task(t)
        case "learn", "eval":
            guard case let .bool(on) = object["on"] else {
                throw LineError(code: "bad_command", message: "'\(name)' command needs a boolean 'on'", id: id)
            }
            return name == "learn" ? .learn(on) : .eval(on)
        default:
            throw LineError(code: "unknown_command",
                            message: "unknown command '\(name)' (known: stats, checkpoint, task, learn, eval)", id: id)
        }
    }

    func numbers(_ v: JSONValue, key: String, id: String?) throws(LineError) -> [Float] {
        guard case let .array(items) = v else {
            throw LineError(code: "bad_sample", message: "'\(key)' must be an array of numbers", id: id)
        }
        var out = [Float]()
        out.reserveCapacity(items.count)
        for (i, e) in items.enumerated() {
            guard case let .number(d, _) = e else {
                throw LineError(code: "bad_sample", message: "'\(key)'[\(i)] is not a number", id: id)
            }
            out.append(Float(d))
        }
        return out
    }

    func integer(_ v: JSONValue?, key: String, id: String?) throws(LineError) -> Int? {
        guard let v, v != .null else { return nil }
        guard case let .number(d, _) = v, d == d.rounded(), abs(d) < 1e15 else {
            throw LineError(code: "bad_\(key)", message: "'\(key)' must be a whole number", id: id)
        }
        return Int(d)
    }

    func string(_ v: JSONValue?) throws(LineError) -> String? {
        guard let v, v != .null else { return nil }
        switch v {
        case let .string(s): return s
        // Int64(d) traps beyond ±9.2e18: only exactly representable integers print as digits.
        case let .number(d, isInteger): return isInteger && abs(d) < 1e15 ? String(Int64(d)) : "\(d)"
        default: throw LineError(code: "bad_id", message: "'id' must be a string or a number")
        }
    }
}

extension ReadingLineDecoder {
    /// The fast path's fixed bytes, made once (not per reading).
    static let readingPrefix: [UInt8] = Array(#"{"r":["#.utf8)
    static let labelKey: [UInt8] = Array(#","label":"#.utf8)

    /// The fast path: exactly `{"r":[n,…]}` or `{"r":[n,…],"label":N|null}` with no spaces.
    /// Returns nil for any other shape (the strict parser then decides).
    func scanReading(from start: Int, end: Int) throws(LineError) -> StreamLine? {
        let prefix = Self.readingPrefix
        guard end - start > prefix.count + 1 else { return nil }
        for k in 0..<prefix.count where scratch[start + k] != prefix[k] { return nil }
        values.removeAll(keepingCapacity: true)
        var i = start + prefix.count
        if scratch[i] != UInt8(ascii: "]") {
            while true {
                guard let (v, next) = number(at: i, end: end), next > i, isJSONNumber(i, next) else { return nil }
                values.append(v)
                i = next
                if i < end, scratch[i] == UInt8(ascii: ",") { i += 1; continue }
                break
            }
        }
        guard i < end, scratch[i] == UInt8(ascii: "]") else { return nil }
        i += 1
        var label = ReadingLabel.inherited
        let labelKey = Self.labelKey
        if i + labelKey.count < end, scratch[i] == UInt8(ascii: ",") {
            for k in 0..<labelKey.count where scratch[i + k] != labelKey[k] { return nil }
            i += labelKey.count
            if end - i >= 4, scratch[i..<i + 4].elementsEqual("null".utf8) {
                label = .unlabelled
                i += 4
            } else {
                var j = i
                if j < end, scratch[j] == UInt8(ascii: "-") { j += 1 }
                let digits = j
                while j < end, scratch[j] >= UInt8(ascii: "0"), scratch[j] <= UInt8(ascii: "9") { j += 1 }
                guard j > digits, j - digits <= 9 else { return nil }
                var l = 0
                for k in digits..<j { l = l * 10 + Int(scratch[k] &- UInt8(ascii: "0")) }
                label = .labelled(digits > i ? -l : l)
                i = j
            }
        }
        guard i + 1 == end, scratch[i] == UInt8(ascii: "}") else { return nil }
        try checkReading()
        return .reading(label)
    }

    /// Whether bytes `a..<b` are a JSON number: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
    func isJSONNumber(_ a: Int, _ b: Int) -> Bool {
        var i = a
        func digits() -> Int {
            let s = i
            while i < b, scratch[i] >= UInt8(ascii: "0"), scratch[i] <= UInt8(ascii: "9") { i += 1 }
            return i - s
        }
        if scratch[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b else { return false }
        if scratch[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { return false }
        if i < b, scratch[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { return false }
        }
        if i < b, scratch[i] == UInt8(ascii: "e") || scratch[i] == UInt8(ascii: "E") {
            i += 1
            if i < b, scratch[i] == UInt8(ascii: "+") || scratch[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { return false }
        }
        return i == b
    }

    /// A reading needs at least one value, every one finite.
    func checkReading() throws(LineError) {
        guard !values.isEmpty else { throw LineError(code: "bad_reading", message: "a reading needs at least one value") }
        if let k = values.firstIndex(where: { !$0.isFinite }) {
            throw LineError(code: "not_finite", message: "value \(k) of the reading is NaN or infinite (or out of range)")
        }
    }

    /// Any JSON object through the strict parser: a reading, a label or flush event, or one
    /// of the daemon's commands. Whole samples are an error in a reading stream.
    func decodeJSON(_ text: String) throws(LineError) -> StreamLine {
        let (object, pairs) = try LineError.parseObject(text)
        if case let .string(name)? = object["cmd"], name == "label" || name == "flush" {
            let id = try commands.string(object["id"])
            if name == "flush" { return .flush(id: id) }
            guard let value = object["label"] else {
                throw LineError(code: "bad_command", message: "'label' command needs 'label': a class or null", id: id)
            }
            return .label(try commands.integer(value, key: "label", id: id), id: id)
        }
        if object["cmd"] != nil { return .line(try commands.decodeJSON(text)) }
        guard let r = object["r"] else {
            let what = object["x"] != nil || object["frames"] != nil ? "whole samples need stream.mode: samples; " : ""
            throw LineError(code: "bad_reading", message: "\(what)a reading is {\"r\":[…]} (or a CSV line of channel values)")
        }
        if let extra = pairs.map(\.0).first(where: { !Self.readingFields.contains($0) }) {
            throw LineError(code: "unknown_field", message: "unknown field '\(extra)' in a reading (allowed: r, label)")
        }
        guard case let .array(items) = r else { throw LineError(code: "bad_reading", message: "'r' must be an array of numbers") }
        values.removeAll(keepingCapacity: true)
        for (k, item) in items.enumerated() {
            guard case let .number(d, _) = item else { throw LineError(code: "bad_reading", message: "'r'[\(k)] is not a number") }
            values.append(Float(d))
        }
        try checkReading()
        switch object["label"] {
        case nil: return .reading(.inherited)
        case .null?: return .reading(.unlabelled)
        case let v?: return .reading(try commands.integer(v, key: "label", id: nil).map(ReadingLabel.labelled) ?? .unlabelled)
        }
    }
}

import Foundation

/// One parsed CSV line: a label (nil when the file has no label column value) and its
/// feature values. `NaN` values are kept (temporal padding is removed when the row is
/// reshaped into frames).
public struct LabelledRow: Equatable, Sendable {
    public var label: Int?
    public var values: [Float]
    /// 1-based line number in the source, for error messages.
    public var line: Int
    public init(label: Int?, values: [Float], line: Int) {
        self.label = label
        self.values = values
        self.line = line
    }
}

/// Reads `label,f0,f1,…` lines (DESIGN §7.1). A first line that does not start with a
/// number is a header and is skipped. An empty label field means unlabelled.
public enum CSVSampleReader {
    /// Parses one line, already trimmed of surrounding whitespace and newlines and not empty
    /// (``InputLineDecoder`` trims each line once). Throws with the line number on bad values.
    public static func parse(trimmedLine text: Substring, number: Int, source: String) throws -> LabelledRow {
        var fields = text.split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count >= 2 else {
            throw DatasetError.badLine(source: source, line: number, reason: "expected 'label,f0,f1,…', got one field")
        }
        let labelField = fields.removeFirst().trimmingCharacters(in: .whitespaces)
        var label: Int?
        if !labelField.isEmpty {
            // `1e400` or `1e30` would trap in Int(_:): the same ±1e15 range as a JSON label.
            guard let l = Int(labelField) ?? Double(labelField).flatMap({ $0 == $0.rounded() && abs($0) < 1e15 ? Int($0) : nil }) else {
                throw DatasetError.badLine(source: source, line: number, reason: "label '\(labelField)' is not a whole number")
            }
            label = l
        }
        var values = [Float]()
        values.reserveCapacity(fields.count)
        for (k, f) in fields.enumerated() {
            let s = f.trimmingCharacters(in: .whitespaces)
            if let v = Float(s) {
                values.append(v)
            } else if s.lowercased() == "nan" || s.isEmpty {
                values.append(.nan)
            } else {
                throw DatasetError.badLine(source: source, line: number, reason: "feature \(k) ('\(s)') is not a number")
            }
        }
        return LabelledRow(label: label, values: values, line: number)
    }

    /// Whether a first line is a CSV header: at least two comma-separated fields, the first
    /// of them not a number (`label,f0,f1,…`). A line without a comma is never a header, so
    /// a stray first line on a socket gets an error answer instead of vanishing.
    public static func isHeader(_ line: Substring) -> Bool {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count >= 2, let first = fields.first else { return false }
        let s = first.trimmingCharacters(in: .whitespaces)
        return !s.isEmpty && Double(s) == nil
    }
}

/// A CSV file under construction: a header and rows of fields (RFC 4180 quoting, LF line
/// ends so files diff cleanly in git).
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    public private(set) var rows: [[String]] = []

    public init(_ header: [String]) {
        self.header = header
    }

    /// Appends a row of already formatted fields (text is quoted when needed on render).
    public mutating func append(_ fields: [String]) {
        precondition(fields.count == header.count, "CSV row has \(fields.count) fields, header \(header.count)")
        rows.append(fields)
    }

    /// Appends a row whose first fields are text and the rest numbers, formatted with
    /// ``Format/csv(_:)``.
    public mutating func append(_ text: [String], _ numbers: [Double]) {
        append(text + numbers.map(Format.csv))
    }

    public func render() -> String {
        ([header] + rows).map { $0.map(Escape.csv).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}

import Foundation

/// Compact JSON with sorted keys: stable text for summaries, records and diffs.
public protocol SortedJSONEncodable: Encodable {}

extension SortedJSONEncodable {
    /// This value as one line of JSON with sorted keys (`{}` if it cannot be encoded, which
    /// for our plain value types does not happen).
    public var json: String { sortedJSON(self) }
}

/// `value` as compact JSON with sorted keys.
public func sortedJSON(_ value: some Encodable) -> String {
    let enc = JSONEncoder()
    enc.outputFormatting = [.sortedKeys]
    return (try? String(decoding: enc.encode(value), as: UTF8.self)) ?? "{}"
}


/// Compact JSON with sorted keys: stable text for summaries, records and diffs.
public protocol SortedJSONEncodable: Encodable {}

extension SortedJSONEncodable {
    /// This value as one line of JSON with sorted keys (`{}` if it cannot be encoded, which
    /// for our plain value types does not happen).
    public var json: String { sortedJSON(self) }
}

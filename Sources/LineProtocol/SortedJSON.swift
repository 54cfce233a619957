/// `value` as compact JSON with sorted keys: stable text for summaries, records and diffs,
/// through ``JSONValueEncoder`` and the one ``JSONWriter`` (`{}` if it cannot be encoded:
/// only a NaN or infinite number can't). `escapingSlashes: false` writes `/` as is (paths in
/// event details and recorded requests).
public func sortedJSON(_ value: some Encodable, escapingSlashes: Bool = true) -> String {
    guard let tree = try? JSONValueEncoder().encode(value) else { return "{}" }
    return JSONWriter(sortedKeys: true, escapingSlashes: escapingSlashes).string(tree)
}

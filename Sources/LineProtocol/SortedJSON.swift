import Foundation

/// `value` as compact JSON with sorted keys: stable text for summaries, records and diffs
/// (`{}` if it cannot be encoded, which for plain value types does not happen).
/// `escapingSlashes: false` writes `/` as is (paths in event details and recorded requests).
public func sortedJSON(_ value: some Encodable, escapingSlashes: Bool = true) -> String {
    let enc = JSONEncoder()
    enc.outputFormatting = escapingSlashes ? [.sortedKeys] : [.sortedKeys, .withoutEscapingSlashes]
    return (try? String(decoding: enc.encode(value), as: UTF8.self)) ?? "{}"
}

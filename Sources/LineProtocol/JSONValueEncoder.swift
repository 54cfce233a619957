/// Turns an `Encodable` value into a ``JSONValue``, so that summaries and records are
/// written by the same ``JSONWriter`` as the protocol's responses.
///
/// It follows Foundation's `JSONEncoder` with its default strategies, so the text is the
/// same byte for byte (a test checks that against `JSONEncoder` with `.sortedKeys`):
/// integers as their decimal digits; `Double` and `Float` as their own shortest
/// `description`, without a trailing `.0` (`2`, `0.1`, `1e-05`); a non-finite number is an
/// error (``Failure/notFinite(_:)``); an absent optional (`encodeIfPresent`) leaves its key
/// out, an explicit `encodeNil` writes `null`; a key encoded twice keeps the last value.
/// No type is special-cased (Foundation turns `Data` into base64 and `URL` into a string;
/// none of the encoded types carries either), and no key is converted.
public struct JSONValueEncoder {
    public enum Failure: Error, Equatable {
        /// A NaN or infinite number, at this coding path.
        case notFinite(path: String)
    }

    public init() {}

    /// `value` as a JSON value; object members in the order they were encoded.
    public func encode(_ value: some Encodable) throws -> JSONValue {
        let root = JSONNode()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        return root.value
    }
}

/// A value under construction: a leaf, or an object or array whose members are nodes
/// (containers hand out child nodes and fill them later).
final class JSONNode {
    enum Content {
        case unset
        case leaf(JSONValue)
        case object(keys: [String], members: [String: JSONNode])
        case array([JSONNode])
    }

    var content = Content.unset

    var value: JSONValue {
        switch content {
        case .unset: return .object([])
        case let .leaf(v): return v
        case let .object(keys, members): return .object(keys.map { ($0, members[$0]!.value) })
        case let .array(items): return .array(items.map(\.value))
        }
    }

    /// The member node for `key`, created (and ordered) on first use.
    func member(_ key: String) -> JSONNode {
        guard case .object(var keys, var members) = content else {
            let node = JSONNode()
            content = .object(keys: [key], members: [key: node])
            return node
        }
        if let node = members[key] { return node }
        let node = JSONNode()
        content = .unset  // keep the arrays uniquely referenced while appending
        keys.append(key)
        members[key] = node
        content = .object(keys: keys, members: members)
        return node
    }

    func makeObject() { if case .object = content {} else { content = .object(keys: [], members: [:]) } }

    func makeArray() { if case .array = content {} else { content = .array([]) } }

    func appendElement() -> JSONNode {
        guard case .array(var items) = content else {
            let node = JSONNode()
            content = .array([node])
            return node
        }
        let node = JSONNode()
        content = .unset
        items.append(node)
        content = .array(items)
        return node
    }

    var count: Int {
        switch content {
        case let .array(items): return items.count
        case let .object(keys, _): return keys.count
        default: return 0
        }
    }
}

/// The `Encoder` over one node.
struct NodeEncoder: Encoder {
    let node: JSONNode
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleValueNodeContainer(node: node, codingPath: codingPath)
    }

    /// How a Swift leaf value becomes a JSON value (shared by the three containers).
    static func leaf(_ value: some BinaryInteger) -> JSONValue { .numberText(String(value)) }

    static func leaf<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F, path: [CodingKey]) throws -> JSONValue {
        guard value.isFinite else {
            throw JSONValueEncoder.Failure.notFinite(path: path.map(\.stringValue).joined(separator: "."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .numberText(text)
    }

    /// Encodes `value` into `node` (its own `encode(to:)` picks the container).
    static func encode(_ value: some Encodable, into node: JSONNode, path: [CodingKey]) throws {
        try value.encode(to: NodeEncoder(node: node, codingPath: path))
    }
}

/// A coding key for array positions and `super`.
struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; intValue = nil }
    init(intValue: Int) { stringValue = "Index \(intValue)"; self.intValue = intValue }
}

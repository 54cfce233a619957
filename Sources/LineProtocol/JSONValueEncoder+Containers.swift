/// ``JSONValueEncoder``'s three containers. Every primitive goes through
/// `NodeEncoder.leaf`, so keyed, unkeyed and single values are formatted alike.

struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let codingPath: [CodingKey]

    func set(_ value: JSONValue, _ key: Key) { node.member(key.stringValue).content = .leaf(value) }
    func path(_ key: Key) -> [CodingKey] { codingPath + [key] }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(try NodeEncoder.leaf(value, path: path(key)), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(try NodeEncoder.leaf(value, path: path(key)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(NodeEncoder.leaf(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(NodeEncoder.leaf(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(NodeEncoder.leaf(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(NodeEncoder.leaf(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(NodeEncoder.leaf(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(NodeEncoder.leaf(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(NodeEncoder.leaf(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(NodeEncoder.leaf(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(NodeEncoder.leaf(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(NodeEncoder.leaf(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let child = node.member(key.stringValue)
        child.content = .unset
        try NodeEncoder.encode(value, into: child, path: path(key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = node.member(key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: path(key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let child = node.member(key.stringValue)
        child.makeArray()
        return UnkeyedNodeContainer(node: child, codingPath: path(key))
    }

    mutating func superEncoder() -> Encoder {
        NodeEncoder(node: node.member("super"), codingPath: codingPath + [IndexKey(stringValue: "super")])
    }

    mutating func superEncoder(forKey key: Key) -> Encoder {
        NodeEncoder(node: node.member(key.stringValue), codingPath: path(key))
    }
}

struct UnkeyedNodeContainer: UnkeyedEncodingContainer, LeafWriting {
    let node: JSONNode
    let codingPath: [CodingKey]
    var count: Int { node.count }

    func append(_ value: JSONValue) { node.appendElement().content = .leaf(value) }
    var nextPath: [CodingKey] { codingPath + [IndexKey(intValue: count)] }

    func putLeaf(_ value: JSONValue) { append(value) }
    var leafPath: [CodingKey] { nextPath }
    mutating func encodeNil() throws { append(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = nextPath
        try NodeEncoder.encode(value, into: node.appendElement(), path: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = nextPath, child = node.appendElement()
        child.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let path = nextPath, child = node.appendElement()
        child.makeArray()
        return UnkeyedNodeContainer(node: child, codingPath: path)
    }

    mutating func superEncoder() -> Encoder {
        let path = nextPath
        return NodeEncoder(node: node.appendElement(), codingPath: path)
    }
}

struct SingleValueNodeContainer: SingleValueEncodingContainer, LeafWriting {
    let node: JSONNode
    let codingPath: [CodingKey]

    func putLeaf(_ value: JSONValue) { node.content = .leaf(value) }
    var leafPath: [CodingKey] { codingPath }
    mutating func encodeNil() throws { putLeaf(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try NodeEncoder.encode(value, into: node, path: codingPath)
    }
}

/// A container that holds one leaf at a time (the unkeyed container's next element, the single
/// value): the primitive `encode` overloads both containers require, written once.
protocol LeafWriting {
    /// Stores a finished leaf.
    func putLeaf(_ value: JSONValue)
    /// The coding path of the leaf being written (for error messages).
    var leafPath: [CodingKey] { get }
}

extension LeafWriting {
    mutating func encode(_ value: Bool) throws { putLeaf(.bool(value)) }
    mutating func encode(_ value: String) throws { putLeaf(.string(value)) }
    mutating func encode(_ value: Double) throws { putLeaf(try NodeEncoder.leaf(value, path: leafPath)) }
    mutating func encode(_ value: Float) throws { putLeaf(try NodeEncoder.leaf(value, path: leafPath)) }
    mutating func encode(_ value: Int) throws { putLeaf(NodeEncoder.leaf(value)) }
    mutating func encode(_ value: Int8) throws { putLeaf(NodeEncoder.leaf(value)) }
    mutating func encode(_ value: Int16) throws { putLeaf(NodeEncoder.leaf(value)) }
    mutating func encode(_ value: Int32) throws { putLeaf(NodeEncoder.leaf(value)) }
    mutating func encode(_ value: Int64) throws { putLeaf(NodeEncoder.leaf(value)) }
    mutating func encode(_ value: UInt) throws { putLeaf(NodeEncoder.leaf(value)) }
    mutating func encode(_ value: UInt8) throws { putLeaf(NodeEncoder.leaf(value)) }
    mutating func encode(_ value: UInt16) throws { putLeaf(NodeEncoder.leaf(value)) }
    mutating func encode(_ value: UInt32) throws { putLeaf(NodeEncoder.leaf(value)) }
    mutating func encode(_ value: UInt64) throws { putLeaf(NodeEncoder.leaf(value)) }
}

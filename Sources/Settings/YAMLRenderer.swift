import KitSupport
import Yams

/// Renders a ``ConfigValue`` back to YAML (for config snapshots in the database and
/// `--print-config`) through Yams' node serializer, so libyaml decides which scalars need
/// quoting (`-`, `?`, `~`, `:`, `#`, tabs, leading spaces, line breaks, …) and every
/// rendering reads back to the same value with ``YAMLDocument``. Lists of scalars are
/// written in flow style (`layers: [64, 128, 10]`), everything else in block style, keys
/// in document order, lines never wrapped.
public enum YAMLRenderer {
    public static func render(_ v: ConfigValue) -> String {
        do {
            return try Yams.serialize(node: node(v), indent: 2, width: -1, allowUnicode: true)
        } catch {
            // libyaml rejects only malformed event streams, which a node tree cannot produce.
            preconditionFailure("YAML serialization of a configuration failed: \(error)")
        }
    }

    static func node(_ v: ConfigValue) -> Node {
        switch v {
        case let .scalar(s):
            return Node(s)
        case let .list(items):
            let style: Node.Sequence.Style = items.allSatisfy { $0.scalarText != nil } ? .flow : .block
            return .sequence(Node.Sequence(items.map(node), .implicit, style))
        case let .map(entries):
            return .mapping(Node.Mapping(entries.map { (Node($0.key), node($0.value)) }, .implicit, .block))
        }
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks that a string is well-formed XML, two ways. A library of the test targets
/// (ReportsTests for the writers, DaemonTests for the files `spikebar report` writes).
///
/// 1. Foundation's `XMLParser` (libxml2 underneath; `FoundationXML` on Linux). Measured on
///    Linux with Swift 6.3: it rejects bad entities, unquoted or duplicate attributes and
///    crossed tags, but returns `true` for a document that ends with elements still open
///    (`<a><b></a>`) and stops silently after the first root (`<a/><b/>`). So its delegate
///    also tracks the element stack and counts what it saw.
/// 2. ``WellFormed``, a tiny checker of our own that covers exactly those gaps (one root,
///    every element closed in order, nothing after the root) plus entity and attribute
///    syntax, and does not depend on the platform's parser.
public enum XMLCheck {
    /// `nil` when well-formed, else what is wrong.
    public static func problem(_ xml: String) -> String? {
        if let p = WellFormed.problem(xml) { return "checker: \(p)" }
        let parser = XMLParser(data: Data(xml.utf8))
        let tracker = StackTracker()
        parser.delegate = tracker
        if !parser.parse() { return "XMLParser: \(parser.parserError.map { "\($0)" } ?? "failed")" }
        if let p = tracker.problem { return "XMLParser: \(p)" }
        if !tracker.stack.isEmpty { return "XMLParser: unclosed \(tracker.stack)" }
        if tracker.elements != WellFormed.elementCount(xml) {
            return "XMLParser saw \(tracker.elements) elements, the checker \(WellFormed.elementCount(xml))"
        }
        return nil
    }

    final class StackTracker: NSObject, XMLParserDelegate {
        var stack: [String] = []
        var elements = 0
        var problem: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            stack.append(name)
            elements += 1
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if stack.last != name { problem = problem ?? "</\(name)> closes \(stack.last ?? "nothing")" }
            if !stack.isEmpty { stack.removeLast() }
        }
    }
}

/// A small XML 1.0 well-formedness checker: tags, attributes, entities, the XML
/// declaration, one root element. No comments, DTDs, CDATA or processing instructions
/// besides the declaration: our writers emit none, so they are rejected.
public enum WellFormed {
    public static func problem(_ xml: String) -> String? {
        let s = Array(xml.unicodeScalars)
        var i = 0
        var stack: [String] = []
        var roots = 0
        func isNameChar(_ c: Unicode.Scalar) -> Bool {
            c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" || c == ":" || c == "."
        }
        func text(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(s[a..<b])) }
        func name() -> String? {
            let start = i
            while i < s.count && isNameChar(s[i]) { i += 1 }
            return i > start ? text(start, i) : nil
        }
        func skipSpace() { while i < s.count && " \t\r\n".unicodeScalars.contains(s[i]) { i += 1 } }
        func entity() -> String? { // at "&"
            guard let end = s[i...].firstIndex(of: ";") else { return "& without ;" }
            let body = text(i + 1, end)
            let ok = ["amp", "lt", "gt", "quot", "apos"].contains(body)
                || (body.hasPrefix("#x") && body.count > 2 && body.dropFirst(2).allSatisfy(\.isHexDigit))
                || (body.hasPrefix("#") && body.count > 1 && body.dropFirst().allSatisfy(\.isNumber))
            if !ok { return "bad entity &\(body);" }
            i = end + 1
            return nil
        }

        if xml.hasPrefix("<?xml") {
            while i + 1 < s.count && !(s[i] == "?" && s[i + 1] == ">") { i += 1 }
            guard i + 1 < s.count else { return "unterminated declaration" }
            i += 2
        }
        while i < s.count {
            if s[i] == "<" && i + 1 < s.count && s[i + 1] == "/" {
                i += 2
                guard let n = name() else { return "bad end tag at \(i)" }
                skipSpace()
                guard i < s.count, s[i] == ">" else { return "bad end tag </\(n)" }
                i += 1
                guard stack.last == n else { return "</\(n)> closes \(stack.last ?? "nothing")" }
                stack.removeLast()
            } else if s[i] == "<" {
                i += 1
                guard let n = name() else { return "bad start tag at \(i)" }
                if stack.isEmpty {
                    roots += 1
                    if roots > 1 { return "second root element <\(n)>" }
                }
                var seen = Set<String>()
                while true {
                    skipSpace()
                    guard i < s.count else { return "unterminated tag <\(n)" }
                    if s[i] == ">" { i += 1; stack.append(n); break }
                    if s[i] == "/" && i + 1 < s.count && s[i + 1] == ">" { i += 2; break }
                    guard let a = name() else { return "bad attribute in <\(n)" }
                    guard seen.insert(a).inserted else { return "duplicate attribute \(a) in <\(n)" }
                    skipSpace()
                    guard i < s.count, s[i] == "=" else { return "attribute \(a) without =" }
                    i += 1
                    skipSpace()
                    guard i < s.count, s[i] == "\"" || s[i] == "'" else { return "unquoted attribute \(a)" }
                    let quote = s[i]
                    i += 1
                    while i < s.count && s[i] != quote {
                        if s[i] == "<" { return "< in attribute \(a)" }
                        if s[i] == "&" { if let e = entity() { return e } } else { i += 1 }
                    }
                    guard i < s.count else { return "unterminated attribute \(a)" }
                    i += 1
                }
            } else if stack.isEmpty {
                guard " \t\r\n".unicodeScalars.contains(s[i]) else { return "text outside the root" }
                i += 1
            } else if s[i] == "&" {
                if let e = entity() { return e }
            } else {
                i += 1
            }
        }
        if !stack.isEmpty { return "unclosed \(stack)" }
        return roots == 1 ? nil : "no root element"
    }

    /// Start tags in a well-formed text (every `<` that opens an element: no comments).
    public static func elementCount(_ xml: String) -> Int {
        let s = Array(xml.unicodeScalars)
        return s.indices.dropLast().filter { s[$0] == "<" && s[$0 + 1].properties.isAlphabetic }.count
    }
}

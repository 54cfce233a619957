/// Escaping for the three output languages. Every piece of run data (preset names, layer
/// names, event details, the config text) passes through one of these before it lands in
/// a document.
public enum Escape {
    /// Text and attribute values in XML, SVG and HTML: `& < > " '` become entities.
    /// Control characters other than tab, newline and carriage return are not allowed in
    /// XML 1.0 at all, so they become U+FFFD.
    public static func xml(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A Markdown table cell or inline text: backslash-escapes the characters that would
    /// start markup (`\ | * _ ` [ ] < >`) and turns newlines into spaces.
    public static func markdown(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\", "|", "*", "_", "`", "[", "]", "<", ">": out += "\\\(ch)"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    /// A CSV field (RFC 4180): quoted when it holds a comma, quote, or line break; quotes
    /// doubled.
    public static func csv(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return s
        }
        return "\"" + s.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
    }
}

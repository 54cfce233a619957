/// Renders a ``ReportDocument`` as one self-contained HTML5 page: inline CSS, inline SVG
/// charts, no JavaScript, no fonts or images fetched from anywhere (the page opens
/// offline and in a sandboxed viewer). The configuration sits in a `<details>` element,
/// which folds without script.
public enum HTMLWriter {
    public static func render(_ doc: ReportDocument) -> String {
        var out: [String] = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(Escape.xml(doc.title))</title>",
            "<style>",
            style,
            "</style>",
            "</head>",
            "<body>",
            "<h1>\(Escape.xml(doc.title))</h1>",
            "<p class=\"subtitle\">\(Escape.xml(doc.subtitle))</p>",
            "<nav><ul>",
        ]
        for (k, section) in doc.sections.enumerated() {
            out.append("<li><a href=\"#s\(k + 1)\">\(Escape.xml(section.title))</a></li>")
        }
        out.append("</ul></nav>")
        for (k, section) in doc.sections.enumerated() {
            out.append("<section id=\"s\(k + 1)\">")
            out.append("<h2>\(Escape.xml(section.title))</h2>")
            out.append("<p class=\"how\"><strong>How to read this.</strong> \(Escape.xml(section.howToRead))</p>")
            for block in section.blocks { out += lines(block) }
            out.append("</section>")
        }
        out += ["</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    static func lines(_ block: ReportBlock) -> [String] {
        switch block {
        case .heading(let text):
            return ["<h3>\(Escape.xml(text))</h3>"]
        case .paragraph(let text):
            return ["<p>\(Escape.xml(text))</p>"]
        case .table(let table):
            return tableLines(table)
        case .chart(let chart):
            return [
                "<figure>",
                chart.canvas.render(standalone: false).trimmingSuffixNewline,
                "<figcaption>\(Escape.xml(chart.caption))</figcaption>",
                "</figure>",
            ]
        case .preformatted(let title, let text):
            return ["<details><summary>\(Escape.xml(title))</summary><pre>\(Escape.xml(text))</pre></details>"]
        }
    }

    static func tableLines(_ t: ReportTable) -> [String] {
        var out = ["<table>", "<thead><tr>"]
        for (k, name) in t.columns.enumerated() {
            out.append("<th\(t.numeric[k] ? " class=\"num\"" : "")>\(Escape.xml(name))</th>")
        }
        out.append("</tr></thead>")
        out.append("<tbody>")
        for row in t.rows {
            let cells = row.enumerated().map { k, cell in
                "<td\(t.numeric[k] ? " class=\"num\"" : "")>\(Escape.xml(cell))</td>"
            }
            out.append("<tr>" + cells.joined() + "</tr>")
        }
        out += ["</tbody>", "</table>"]
        return out
    }

    static let style = """
    body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222; max-width: 1100px;
           margin: 24px auto; padding: 0 16px; line-height: 1.45; }
    h1 { margin-bottom: 4px; }
    h2 { border-bottom: 2px solid #0072B2; padding-bottom: 4px; margin-top: 40px; }
    h3 { margin-top: 28px; }
    .subtitle { color: #555; margin-top: 0; }
    .how { background: #f3f7fb; border-left: 4px solid #0072B2; padding: 8px 12px; }
    nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 16px; }
    table { border-collapse: collapse; margin: 12px 0; font-size: 14px; }
    th, td { border: 1px solid #ddd; padding: 4px 10px; text-align: left; }
    th { background: #f5f5f5; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    figure { display: inline-block; margin: 8px 16px 16px 0; vertical-align: top; }
    figcaption { font-size: 13px; color: #555; max-width: 720px; }
    pre { background: #f7f7f7; padding: 12px; overflow-x: auto; font-size: 13px; }
    """
}

extension String {
    /// The string without one final newline (a rendered block inside another document).
    var trimmingSuffixNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}

/// Renders a ``ReportDocument`` as GitHub-flavoured Markdown with its charts as SVG files
/// beside it.
public enum MarkdownWriter {
    /// File name → content: `markdownName` and one standalone `.svg` per chart, all in one
    /// folder (the Markdown links the charts by bare file name). The caller writes them.
    public static func files(_ doc: ReportDocument, markdownName: String = "report.md") -> [String: String] {
        var files = [markdownName: render(doc)]
        for chart in doc.charts {
            precondition(files[chart.fileName] == nil, "duplicate chart file \(chart.fileName)")
            files[chart.fileName] = chart.canvas.render(standalone: true)
        }
        return files
    }

    /// The Markdown text alone.
    public static func render(_ doc: ReportDocument) -> String {
        var out: [String] = ["# \(Escape.markdown(doc.title))", "", Escape.markdown(doc.subtitle), ""]
        for section in doc.sections {
            out += ["## \(Escape.markdown(section.title))", ""]
            out += ["> **How to read this.** \(Escape.markdown(section.howToRead))", ""]
            for block in section.blocks {
                switch block {
                case .heading(let text):
                    out += ["### \(Escape.markdown(text))", ""]
                case .paragraph(let text):
                    out += [Escape.markdown(text), ""]
                case .table(let table):
                    out += tableLines(table) + [""]
                case .chart(let chart):
                    out += ["![\(Escape.markdown(chart.caption))](\(chart.fileName))", ""]
                case .preformatted(let title, let text):
                    let fence = fenceFor(text)
                    let body = text.trimmingSuffixNewline
                    out += ["**\(Escape.markdown(title))**", "", fence, body, fence, ""]
                }
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    static func tableLines(_ t: ReportTable) -> [String] {
        let header = "| " + t.columns.map(Escape.markdown).joined(separator: " | ") + " |"
        let rule = "|" + t.numeric.map { $0 ? " ---: |" : " --- |" }.joined()
        let rows = t.rows.map { "| " + $0.map(Escape.markdown).joined(separator: " | ") + " |" }
        return [header, rule] + rows
    }

    /// A backtick fence longer than any run of backticks inside `text`.
    static func fenceFor(_ text: String) -> String {
        var longest = 0, run = 0
        for ch in text {
            run = ch == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}

/// A report as format-neutral content: sections of paragraphs, tables and charts.
///
/// The section builders produce this once; ``HTMLWriter`` and ``MarkdownWriter`` render the
/// same value, so the HTML page and the Markdown file always show the same numbers.
public struct ReportDocument: Sendable {
    public var title: String
    /// One line under the title (run id, preset, date).
    public var subtitle: String
    public var sections: [ReportSection]

    public init(title: String, subtitle: String, sections: [ReportSection]) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }

    /// Every chart of the document, in order.
    public var charts: [ReportChart] {
        sections.flatMap { $0.blocks.compactMap { if case .chart(let c) = $0 { c } else { nil } } }
    }
}

/// One titled part of a report, with its "how to read this" text.
public struct ReportSection: Sendable {
    public var title: String
    /// Plain text, a few sentences: what the charts show and what to look for.
    public var howToRead: String
    public var blocks: [ReportBlock]

    public init(title: String, howToRead: String, blocks: [ReportBlock]) {
        self.title = title
        self.howToRead = howToRead
        self.blocks = blocks
    }
}

/// A piece of a section.
public enum ReportBlock: Sendable {
    /// A sub-heading inside a section.
    case heading(String)
    /// Plain text (no markup; writers escape it).
    case paragraph(String)
    case table(ReportTable)
    case chart(ReportChart)
    /// Verbatim text (the configuration), shown in a monospaced block.
    case preformatted(title: String, text: String)
}

/// A table of already formatted cells.
public struct ReportTable: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[String]]
    /// Column k is right-aligned (numbers) when `numeric[k]`.
    public var numeric: [Bool]

    public init(columns: [String], rows: [[String]], numeric: [Bool]? = nil) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row needs one cell per column")
        self.columns = columns
        self.rows = rows
        self.numeric = numeric ?? columns.indices.map { $0 > 0 }
    }
}

/// A chart with the file name it gets beside the Markdown.
public struct ReportChart: Sendable, Equatable {
    /// File name, `accuracy.svg`; unique within a document.
    public var fileName: String
    /// One-line caption (also the image's alt text).
    public var caption: String
    public var canvas: SVGCanvas

    public init(fileName: String, caption: String, canvas: SVGCanvas) {
        self.fileName = fileName
        self.caption = caption
        self.canvas = canvas
    }
}

import Testing
@testable import Reports

@Suite struct MarkdownWriterTests {
    @Test func fenceOutgrowsBackticksInside() {
        #expect(MarkdownWriter.fenceFor("no ticks") == "```")
        #expect(MarkdownWriter.fenceFor("a ```` b") == "`````")
    }

    @Test func tablesEscapePipesAndAlignNumbersRight() {
        let t = ReportTable(columns: ["name", "value"], rows: [["a|b", "1"]])
        #expect(MarkdownWriter.tableLines(t) == ["| name | value |", "| --- | ---: |", "| a\\|b | 1 |"])
    }

    @Test func preformattedTextKeepsItsBacktickRunsInsideALongerFence() {
        let doc = ReportDocument(title: "t", subtitle: "s", sections: [
            ReportSection(title: "x", howToRead: "h", blocks: [.preformatted(title: "cfg", text: "a: ```\n")]),
        ])
        #expect(MarkdownWriter.render(doc).contains("````\na: ```\n````"))
    }
}

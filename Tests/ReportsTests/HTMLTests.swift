import Foundation
import Testing
@testable import Reports

/// The HTML page is self-contained: no script, nothing fetched from the network.
@Suite struct HTMLTests {
    static let pages = [
        RunReport.html(Fixtures.small),
        RunReport.html(RealisticFixture.make()),
        ComparisonReport.html([Fixtures.small, RealisticFixture.make()]),
    ]

    @Test func noScript() {
        for page in Self.pages {
            let lower = page.lowercased()
            #expect(!lower.contains("<script"))
            #expect(!lower.contains("javascript:"))
            #expect(!lower.contains(" onload=") && !lower.contains(" onclick=") && !lower.contains(" onerror="))
        }
    }

    @Test func noExternalURLs() {
        for page in Self.pages {
            let lower = page.lowercased()
            for needle in ["http://", "https://", "//", "src=", "@import", "url(", "<link", "<img", "<iframe"] {
                #expect(!lower.contains(needle), "page contains \(needle)")
            }
            // The only links are in-page anchors.
            for part in lower.components(separatedBy: "href=\"").dropFirst() { #expect(part.hasPrefix("#")) }
        }
    }

    @Test func hostileRunDataIsEscaped() {
        // Fixtures.small has an error event with "<script>" in it; the CSV keeps it, the
        // page must not run it (and it is not shown in the page at all).
        #expect(RunReport.csv(Fixtures.small)["events.csv"]!.contains("<script>"))
        var data = Fixtures.small
        data.run.input = "<script>alert(1)</script>"
        data.wear[0].name = "<b>hidden</b>"
        let page = RunReport.html(data)
        #expect(!page.contains("<script"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<b>hidden"))
    }

    @Test func hasEverySectionAndItsReadingGuide() {
        let page = Self.pages[0]
        for title in ["Run", "Endurance &amp; lifetime", "Energy", "Accuracy"] {
            #expect(page.contains("<h2>\(title)</h2>"))
        }
        #expect(page.components(separatedBy: "How to read this.").count - 1 == 4)
        #expect(page.contains("Weakest tile:"))
        #expect(page.contains("TOPS/W"))
        #expect(page.contains("R matrix"))
    }
}

import Foundation
import Testing
@testable import Reports

/// Writes the realistic fixture's report in every format to the folder named by
/// `SPIKEBAR_SAMPLE_REPORT_DIR` (for looking at it, or for scripts/screenshot-report.sh).
/// A tool, not a check of behaviour: it is disabled (and reported as skipped) unless the
/// variable is set, so the normal test run writes no file.
@Suite struct SampleReportWriter {
    static let directory = ProcessInfo.processInfo.environment["SPIKEBAR_SAMPLE_REPORT_DIR"].flatMap { $0.isEmpty ? nil : $0 }

    @Test(.enabled(if: directory != nil, "set SPIKEBAR_SAMPLE_REPORT_DIR to write the sample report"))
    func writeSampleReport() throws {
        let dir = try #require(Self.directory)
        let data = RealisticFixture.make()
        var files = RunReport.markdown(data)
        files.merge(RunReport.csv(data)) { a, _ in a }
        files["report.html"] = RunReport.html(data)
        files["comparison.html"] = ComparisonReport.html([Fixtures.small, data])
        let root = URL(fileURLWithPath: dir)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (name, content) in files {
            try content.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        for (name, content) in files {
            #expect(try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8) == content, "\(name) reads back")
        }
    }
}

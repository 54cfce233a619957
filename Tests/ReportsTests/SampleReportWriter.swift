import Foundation
import Testing
@testable import Reports

/// Writes the realistic fixture's report in every format to the folder named by
/// `SPIKEBAR_SAMPLE_REPORT_DIR` (for looking at it, or for scripts/screenshot-report.sh).
/// Does nothing when the variable is unset, so the normal test run writes no file.
@Suite struct SampleReportWriter {
    @Test func writeSampleReport() throws {
        guard let dir = ProcessInfo.processInfo.environment["SPIKEBAR_SAMPLE_REPORT_DIR"], !dir.isEmpty else { return }
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
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("report.html").path))
    }
}

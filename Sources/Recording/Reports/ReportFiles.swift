import Foundation
import Reports

/// The formats of `spikebar report`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// `report.html` (or `comparison.html`): one self-contained page, inline SVG charts.
    case html
    /// `report.md` (or `comparison.md`) and one `.svg` per chart beside it.
    case md
    /// One `.csv` per series.
    case csv
}

/// Renders reports and writes their files into a folder.
public enum ReportFiles {
    /// The files of one run's report: file name → content.
    public static func render(_ data: RunReportData, format: ReportFormat, options: ReportOptions) -> [String: String] {
        switch format {
        case .html: return ["report.html": RunReport.html(data, options: options)]
        case .md: return RunReport.markdown(data, options: options)
        case .csv: return RunReport.csv(data, options: options)
        }
    }

    /// The files of a comparison of several runs.
    public static func renderComparison(_ runs: [RunReportData], format: ReportFormat, options: ReportOptions) -> [String: String] {
        switch format {
        case .html: return ["comparison.html": ComparisonReport.html(runs, options: options)]
        case .md: return ComparisonReport.markdown(runs, options: options)
        case .csv: return ComparisonReport.csv(runs, options: options)
        }
    }

    /// The files of a sweep's report.
    public static func renderSweep(_ data: SweepReportData, format: ReportFormat) -> [String: String] {
        switch format {
        case .html: return ["sweep.html": SweepReport.html(data)]
        case .md: return SweepReport.markdown(data)
        case .csv: return SweepReport.csv(data)
        }
    }

    /// Writes `files` into `directory` (created with its parents if needed) and returns the
    /// paths written, sorted. Existing files of the same names are replaced; others are kept.
    public static func write(_ files: [String: String], to directory: String) throws -> [String] {
        let dir = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return try files.keys.sorted().map { name in
            let url = dir.appendingPathComponent(name)
            try Data(files[name]!.utf8).write(to: url, options: .atomic)
            return directory.hasSuffix("/") ? directory + name : directory + "/" + name
        }
    }
}

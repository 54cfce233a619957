/// The report of one run, in every format. The entry point for `spikebar report` with a
/// single run: build the input with the database adapter, then call one of these and
/// write the returned strings.
public enum RunReport {
    /// The format-neutral document: Run, Endurance & lifetime, Energy, Accuracy.
    public static func document(_ data: RunReportData, options: ReportOptions = ReportOptions()) -> ReportDocument {
        let projection = LifetimeProjection(data.lifetime, samplesPerSecond: options.samplesPerSecond)
        return ReportDocument(
            title: "Spikebar run \(data.run.id): endurance, energy and accuracy",
            subtitle: OverviewSection.subtitle(data.run),
            sections: [
                OverviewSection.build(data),
                EnduranceSection.build(data, projection: projection),
                EnergySection.build(data, options: options),
                AccuracySection.build(data),
            ] + [ProgrammingSection.build(data), NeuroBenchSection.build(data)].compactMap { $0 })
    }

    /// One self-contained HTML page with inline SVG charts.
    public static func html(_ data: RunReportData, options: ReportOptions = ReportOptions()) -> String {
        HTMLWriter.render(document(data, options: options))
    }

    /// `report.md` and one `.svg` per chart, file name → content, all in one folder.
    public static func markdown(_ data: RunReportData, options: ReportOptions = ReportOptions()) -> [String: String] {
        MarkdownWriter.files(document(data, options: options))
    }

    /// One CSV per series, file name → content (see ``RunCSV``).
    public static func csv(_ data: RunReportData, options: ReportOptions = ReportOptions()) -> [String: String] {
        RunCSV.files(data, options: options)
    }
}

/// The first section of a run report: what ran, on what, with which settings.
enum OverviewSection {
    static func build(_ data: RunReportData) -> ReportSection {
        let run = data.run
        var rows: [[String]] = [
            ["run id", "\(run.id)"],
            ["device preset", run.preset],
            ["seed", "\(run.seed)"],
            ["input", run.input],
            ["labelled samples", "\(run.samples)"],
            ["accuracy window", "\(run.windowSamples) samples"],
            ["devices", "\(data.deviceCount)"],
            ["layers", data.wear.map { "\($0.name) (\($0.tiles.count) \($0.tiles.count == 1 ? "tile" : "tiles"))" }.joined(separator: ", ")],
        ]
        if let s = run.startedAtUnixSeconds { rows.append(["started", Format.timestamp(unixSeconds: s)]) }
        if let e = run.endedAtUnixSeconds { rows.append(["ended", Format.timestamp(unixSeconds: e)]) }
        if let v = run.version { rows.append(["version", v]) }
        if let s = run.status { rows.append(["status", s]) }
        var blocks: [ReportBlock] = [
            .table(ReportTable(columns: ["property", "value"], rows: rows, numeric: [false, false])),
        ]
        if !run.configText.isEmpty {
            blocks.append(.preformatted(title: "Effective configuration", text: run.configText))
        }
        return ReportSection(title: "Run", howToRead: HowToRead.overview, blocks: blocks)
    }

    /// The line under the document title.
    static func subtitle(_ run: RunMetadata) -> String {
        var s = "Run \(run.id) · preset \(run.preset) · seed \(run.seed) · \(run.input) · \(run.samples) samples"
        if let t = run.startedAtUnixSeconds { s += " · \(Format.timestamp(unixSeconds: t))" }
        return s
    }
}

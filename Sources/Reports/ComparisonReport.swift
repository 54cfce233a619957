/// Several runs side by side (`spikebar report --runs A,B,C`): accuracy, energy per
/// sample, pulses per sample and projected lifetime, with the same deployment rate for all.
public enum ComparisonReport {
    /// One run's headline numbers, as the comparison shows them.
    public struct Row: Sendable, Equatable {
        public var label: String
        public var run: RunMetadata
        public var finalPrequential: Double?
        public var finalWindow: Double?
        public var energyPerSamplePicojoules: Double
        public var pulsesPerSample: Double
        public var failedDevices: Int
        public var devices: Int
        /// Chip-wide seconds until each of ``LifetimeProjection/standardFractions`` has failed;
        /// `nil` when the run recorded no per-device state (no projection).
        public var secondsToFraction: [Double]?

        public init(_ data: RunReportData, options: ReportOptions) {
            label = "run \(data.run.id) (\(data.run.preset))"
            run = data.run
            finalPrequential = data.accuracy.last?.prequential
            finalWindow = data.accuracy.last?.window
            energyPerSamplePicojoules = data.energy.meanPerSamplePicojoules
            pulsesPerSample = data.energy.meanPulsesPerSample
            failedDevices = data.failedDeviceCount
            devices = data.deviceCount
            secondsToFraction = data.lifetime.devices == 0 ? nil
                : LifetimeProjection(data.lifetime, samplesPerSecond: options.samplesPerSecond).chip.secondsToFraction
        }
    }

    public static func document(_ runs: [RunReportData], options: ReportOptions = ReportOptions()) -> ReportDocument {
        let rows = runs.map { Row($0, options: options) }
        let fractions = LifetimeProjection.standardFractions
        let table = ReportTable(
            columns: ["run", "seed", "input", "samples", "prequential", "last window", "energy/sample (pJ)",
                      "pulses/sample", "failed devices"] + LifetimeBlocks.columns(fractions),
            rows: rows.map { r in
                [r.label, "\(r.run.seed)", r.run.input, "\(r.run.samples)",
                 r.finalPrequential.map { Format.fixed($0, 4) } ?? "n/a", r.finalWindow.map { Format.fixed($0, 4) } ?? "n/a",
                 Format.significant(r.energyPerSamplePicojoules), Format.significant(r.pulsesPerSample),
                 "\(r.failedDevices) of \(r.devices)"]
                    + (r.secondsToFraction?.map(Format.duration) ?? Array(repeating: "n/a", count: fractions.count))
            },
            numeric: [false, true, false] + Array(repeating: true, count: 6 + fractions.count))
        let accuracy = LineChart(
            title: "Prequential accuracy against samples", xLabel: "samples", yLabel: "accuracy",
            series: zip(rows, runs).map { r, d in
                .init(name: r.label, points: d.accuracy.map { (x: Double($0.sample), y: $0.prequential) })
            },
            yRange: 0...1)
        let energy = BarChart(title: "Energy per sample", xLabel: "run", yLabel: "energy per sample (pJ)",
                              categories: rows.map(\.label), layers: [.init(name: "energy", values: rows.map(\.energyPerSamplePicojoules))])
        let pulses = BarChart(title: "Write pulses per sample", xLabel: "run", yLabel: "pulses per sample",
                              categories: rows.map(\.label), layers: [.init(name: "pulses", values: rows.map(\.pulsesPerSample))])
        let blocks: [ReportBlock] = [
            .paragraph("Lifetimes are projected at \(Format.plain(options.samplesPerSecond)) samples/s for every run."),
            .table(table),
            .chart(ReportChart(fileName: "compare-accuracy.svg", caption: "Cumulative prequential accuracy of each run.",
                               canvas: accuracy.canvas())),
            .chart(ReportChart(fileName: "compare-energy.svg", caption: "Mean energy per sample of each run.",
                               canvas: energy.canvas())),
            .chart(ReportChart(fileName: "compare-pulses.svg", caption: "Mean write pulses per sample of each run.",
                               canvas: pulses.canvas())),
        ]
        return ReportDocument(
            title: "Spikebar comparison of \(runs.count) runs",
            subtitle: rows.map(\.label).joined(separator: " · "),
            sections: [ReportSection(title: "Comparison", howToRead: HowToRead.comparison, blocks: blocks)]
                + [StrategySection.build(runs)].compactMap { $0 })
    }

    public static func html(_ runs: [RunReportData], options: ReportOptions = ReportOptions()) -> String {
        HTMLWriter.render(document(runs, options: options))
    }

    public static func markdown(_ runs: [RunReportData], options: ReportOptions = ReportOptions()) -> [String: String] {
        MarkdownWriter.files(document(runs, options: options), markdownName: "comparison.md")
    }

    /// `comparison.csv` (one row per run, exact numbers) and `comparison-accuracy.csv`
    /// (run, sample, prequential, window: every run's accuracy series in long form).
    public static func csv(_ runs: [RunReportData], options: ReportOptions = ReportOptions()) -> [String: String] {
        let fractions = LifetimeProjection.standardFractions
        var summary = CSVTable(["run id", "preset", "seed", "input", "samples", "prequential", "last window",
                                "energy pJ/sample", "pulses/sample", "failed devices", "devices"]
            + LifetimeBlocks.csvColumns(fractions))
        var accuracy = CSVTable(["run id", "sample", "prequential", "window"])
        for data in runs {
            let r = Row(data, options: options)
            summary.append(["\(r.run.id)", r.run.preset, "\(r.run.seed)", r.run.input, "\(r.run.samples)",
                            r.finalPrequential.map(Format.csv) ?? "", r.finalWindow.map(Format.csv) ?? "",
                            Format.csv(r.energyPerSamplePicojoules), Format.csv(r.pulsesPerSample),
                            "\(r.failedDevices)", "\(r.devices)"]
                                + (r.secondsToFraction?.map(Format.csv) ?? Array(repeating: "", count: fractions.count)))
            for p in data.accuracy {
                accuracy.append(["\(data.run.id)", "\(p.sample)"], [p.prequential, p.window])
            }
        }
        return ["comparison.csv": summary.render(), "comparison-accuracy.csv": accuracy.render()]
    }
}

import Foundation

/// A design-space sweep as one report (`spikebar report --sweep DB`): accuracy, energy per
/// sample, pulses per sample and projected lifetime against every pair of axes, the Pareto
/// fronts of accuracy against energy and against lifetime, and every configuration with
/// its seeds pooled as mean ± std.
public enum SweepReport {
    /// The four numbers every chart and table shows, with their units.
    enum Metric: CaseIterable {
        case accuracy, energy, pulses, lifetime
        var title: String {
            switch self {
            case .accuracy: return "accuracy"
            case .energy: return "energy per sample (pJ)"
            case .pulses: return "write pulses per sample"
            case .lifetime: return "lifetime to 1 % failed (log10 hours)"
            }
        }
        var file: String {
            switch self {
            case .accuracy: return "accuracy"
            case .energy: return "energy"
            case .pulses: return "pulses"
            case .lifetime: return "lifetime"
            }
        }
        func value(_ c: SweepReportData.Configuration) -> Double {
            switch self {
            case .accuracy: return c.accuracy.mean
            case .energy: return c.energyPerSamplePicojoules.mean
            case .pulses: return c.pulsesPerSample.mean
            case .lifetime: return c.lifetimeSeconds.map { log10hours($0.mean) } ?? .nan
            }
        }
    }

    /// log10 of hours; never (∞) maps to NaN (drawn grey), which the tables spell "never".
    static func log10hours(_ seconds: Double) -> Double {
        seconds.isFinite && seconds > 0 ? log10(seconds / 3600) : .nan
    }

    public static func document(_ data: SweepReportData) -> ReportDocument {
        let configs = data.configurations
        let keys = data.configurationKeys
        var sections = [overview(data, configs: configs)]
        var charts: [ReportBlock] = []
        let varying = keys.filter { data.values(of: $0).count > 1 }
        if varying.count == 1 {
            charts += Metric.allCases.map { lineChart(data, key: varying[0], metric: $0) }
        }
        for (i, a) in varying.enumerated() {
            for b in varying[(i + 1)...] {
                charts.append(.heading("\(a) × \(b)"))
                charts += Metric.allCases.map { heatMap(data, rowKey: a, colKey: b, metric: $0) }
            }
        }
        if !charts.isEmpty {
            sections.append(ReportSection(title: "Trade-offs", howToRead: HowToRead.sweepTradeOffs, blocks: charts))
        }
        sections.append(pareto(data, configs: configs))
        sections.append(ReportSection(title: "Every configuration", howToRead: HowToRead.sweepConfigurations,
                                      blocks: [.table(configurationTable(configs, keys: keys, rows: configs.indices.map { $0 }))]))
        return ReportDocument(title: "Spikebar sweep \(data.name)",
                              subtitle: "\(data.runs.count) of \(data.planned) planned runs finished · \(configs.count) configurations",
                              sections: sections)
    }

    static func overview(_ data: SweepReportData, configs: [SweepReportData.Configuration]) -> ReportSection {
        let axes = ReportTable(columns: ["axis", "values"],
                               rows: data.axisKeys.map { [$0, data.values(of: $0).joined(separator: ", ")] },
                               numeric: [false, false])
        return ReportSection(title: "Sweep", howToRead: HowToRead.sweepOverview, blocks: [
            .paragraph("\(data.runs.count) of \(data.planned) planned runs finished; \(configs.count) configurations. Lifetimes are projected at \(Format.plain(data.samplesPerSecond)) samples/s."),
            .table(axes),
        ])
    }

    /// Mean of `metric` over every configuration with `a = va` and `b = vb` (other axes pooled).
    static func marginal(_ data: SweepReportData, _ pairs: [(String, String)], metric: Metric) -> Double {
        let keys = data.configurationKeys
        let chosen = data.configurations.filter { c in pairs.allSatisfy { c.values[keys.firstIndex(of: $0.0)!] == $0.1 } }
        let values = chosen.map(metric.value).filter { !$0.isNaN }
        return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    static func heatMap(_ data: SweepReportData, rowKey: String, colKey: String, metric: Metric) -> ReportBlock {
        let rows = data.values(of: rowKey), cols = data.values(of: colKey)
        let values = rows.flatMap { r in cols.map { c in marginal(data, [(rowKey, r), (colKey, c)], metric: metric) } }
        let map = HeatMap(title: "\(metric.title): \(rowKey) × \(colKey)", rows: rows.count, cols: cols.count, values: values,
                          rowAxis: rowKey, colAxis: colKey, legendTitle: metric.title, rowNames: rows, colNames: cols,
                          cellLabelDecimals: metric == .accuracy ? 3 : (metric == .lifetime ? 2 : 0))
        return .chart(ReportChart(fileName: "sweep-\(metric.file)-\(slug(rowKey))-\(slug(colKey)).svg",
                                  caption: "\(metric.title) by \(rowKey) and \(colKey), other axes and seeds pooled.",
                                  canvas: map.canvas()))
    }

    static func lineChart(_ data: SweepReportData, key: String, metric: Metric) -> ReportBlock {
        let values = data.values(of: key)
        let numeric = values.allSatisfy { Double($0) != nil }
        let points = values.enumerated().map { (x: numeric ? Double($0.element)! : Double($0.offset), y: marginal(data, [(key, $0.element)], metric: metric)) }
        let chart = LineChart(title: "\(metric.title) against \(key)", xLabel: numeric ? key : "\(key) (\(values.joined(separator: ", ")))",
                              yLabel: metric.title, series: [.init(name: metric.title, points: points)],
                              yRange: metric == .accuracy ? 0...1 : nil)
        return .chart(ReportChart(fileName: "sweep-\(metric.file)-\(slug(key)).svg",
                                  caption: "\(metric.title) against \(key), seeds pooled.", canvas: chart.canvas()))
    }

    static func pareto(_ data: SweepReportData, configs: [SweepReportData.Configuration]) -> ReportSection {
        let keys = data.configurationKeys
        let accuracy = configs.map { $0.accuracy.mean }
        let energy = configs.map { $0.energyPerSamplePicojoules.mean }
        let lifetime = configs.map { $0.lifetimeSeconds?.mean ?? .nan }
        let energyFront = ParetoFront.indices(a: accuracy, b: energy)
        var blocks: [ReportBlock] = [
            .chart(ReportChart(fileName: "sweep-pareto-energy.svg", caption: "Accuracy against energy per sample; the Pareto front joined.",
                               canvas: ScatterChart(title: "Accuracy against energy per sample", xLabel: "energy per sample (pJ)", yLabel: "accuracy",
                                                    points: zip(energy, accuracy).map { (x: $0, y: $1) }, highlighted: energyFront,
                                                    highlightName: "Pareto front").canvas())),
            .heading("Pareto front: accuracy against energy per sample"),
            .table(configurationTable(configs, keys: keys, rows: energyFront)),
        ]
        if lifetime.contains(where: { !$0.isNaN }) {
            let lifetimeFront = ParetoFront.indices(a: accuracy, b: lifetime, maximizeB: true)
            blocks += [
                .chart(ReportChart(fileName: "sweep-pareto-lifetime.svg", caption: "Accuracy against projected lifetime (finite lifetimes only); the Pareto front joined.",
                                   canvas: ScatterChart(title: "Accuracy against projected lifetime", xLabel: "lifetime to 1 % failed (log10 hours)", yLabel: "accuracy",
                                                        points: zip(lifetime, accuracy).map { (x: log10hours($0), y: $1) }, highlighted: lifetimeFront,
                                                        highlightName: "Pareto front").canvas())),
                .heading("Pareto front: accuracy against projected lifetime"),
                .table(configurationTable(configs, keys: keys, rows: lifetimeFront)),
            ]
        }
        return ReportSection(title: "Pareto fronts", howToRead: HowToRead.sweepPareto, blocks: blocks)
    }

    static func configurationTable(_ configs: [SweepReportData.Configuration], keys: [String], rows: [Int]) -> ReportTable {
        ReportTable(columns: keys + ["runs", "accuracy", "energy/sample (pJ)", "pulses/sample", "lifetime (1 % failed)"],
                    rows: rows.map { i in
                        let c = configs[i]
                        return c.values + ["\(c.runs.count)", meanStd(c.accuracy, 4), meanStd(c.energyPerSamplePicojoules, nil),
                                           meanStd(c.pulsesPerSample, nil), c.lifetimeSeconds.map { Format.duration($0.mean) } ?? "n/a"]
                    },
                    numeric: keys.map { _ in false } + [true, true, true, true, true])
    }

    static func meanStd(_ m: MeanStd, _ decimals: Int?) -> String {
        func f(_ x: Double) -> String { decimals.map { Format.fixed(x, $0) } ?? Format.significant(x) }
        return m.count > 1 ? "\(f(m.mean)) ± \(f(m.std))" : f(m.mean)
    }

    static func slug(_ key: String) -> String {
        String(key.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    public static func html(_ data: SweepReportData) -> String { HTMLWriter.render(document(data)) }

    public static func markdown(_ data: SweepReportData) -> [String: String] {
        MarkdownWriter.files(document(data), markdownName: "sweep.md")
    }

    /// `sweep-runs.csv` (one row per finished run) and `sweep-configurations.csv` (seeds pooled).
    public static func csv(_ data: SweepReportData) -> [String: String] {
        var runs = CSVTable(["run index", "run id"] + data.axisKeys + ["accuracy", "energy pJ/sample", "pulses/sample", "lifetime seconds"])
        for r in data.runs {
            runs.append(["\(r.runIndex)", "\(r.runId)"] + r.axes,
                        [r.accuracy, r.energyPerSamplePicojoules, r.pulsesPerSample, r.lifetimeSeconds ?? .nan])
        }
        let keys = data.configurationKeys
        var configs = CSVTable(keys + ["runs", "accuracy mean", "accuracy std", "energy pJ/sample mean", "energy std",
                                       "pulses/sample mean", "pulses std", "lifetime seconds mean"])
        for c in data.configurations {
            configs.append(c.values + ["\(c.runs.count)"],
                           [c.accuracy.mean, c.accuracy.std, c.energyPerSamplePicojoules.mean, c.energyPerSamplePicojoules.std,
                            c.pulsesPerSample.mean, c.pulsesPerSample.std, c.lifetimeSeconds?.mean ?? .nan])
        }
        return ["sweep-runs.csv": runs.render(), "sweep-configurations.csv": configs.render()]
    }
}

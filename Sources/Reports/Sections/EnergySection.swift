/// The "Energy" section: breakdown per component, energy and pulses per sample over time,
/// hardware efficiency figures.
enum EnergySection {
    static func build(_ data: RunReportData, options: ReportOptions) -> ReportSection {
        let e = data.energy
        var blocks: [ReportBlock] = [
            .paragraph("Mean energy per sample over the run: \(Format.significant(e.meanPerSamplePicojoules)) pJ; "
                + "mean write pulses per sample: \(Format.significant(e.meanPulsesPerSample))."),
            .table(componentTable(e)),
            .chart(stackedChart(e.coarsened(maxWindows: options.maxEnergyBars))),
            .chart(perSampleChart(e)),
            .chart(pulsesChart(e)),
        ]
        if let hw = data.hardware, let table = hardwareTable(hw) { blocks.append(.table(table)) }
        return ReportSection(title: "Energy", howToRead: HowToRead.energy, blocks: blocks)
    }

    static func componentTable(_ e: EnergySeries) -> ReportTable {
        let totals = e.totalPicojoules
        let sum = totals.reduce(0, +)
        let n = Double(max(e.samples, 1))
        var rows = e.components.enumerated().map { k, name in
            [name, Format.significant(totals[k] / 1e6), Format.significant(totals[k] / n),
             sum == 0 ? "n/a" : Format.percent(totals[k] / sum, 1)]
        }
        rows.append(["total", Format.significant(sum / 1e6), Format.significant(sum / n), sum == 0 ? "n/a" : "100.0 %"])
        return ReportTable(columns: ["component", "energy over the run (µJ)", "per sample (pJ)", "share"], rows: rows)
    }

    static func stackedChart(_ e: EnergySeries) -> ReportChart {
        let layers = e.components.enumerated().map { k, name in
            BarChart.Layer(name: name, values: e.windows.map { $0.perSamplePicojoules(component: k) })
        }
        let chart = BarChart(title: "Energy per sample by component", xLabel: "window ending at sample",
                             yLabel: "energy per sample (pJ)", categories: e.windows.map { "\($0.sample)" }, layers: layers)
        return ReportChart(fileName: "energy-components.svg",
                           caption: "Mean energy per sample in each window, stacked by component.",
                           canvas: chart.canvas())
    }

    static func perSampleChart(_ e: EnergySeries) -> ReportChart {
        let chart = LineChart(title: "Energy per sample over the run", xLabel: "samples", yLabel: "energy per sample (pJ)",
                              series: [.init(name: "all components",
                                             points: e.windows.map { (x: Double($0.sample), y: $0.totalPerSamplePicojoules) })])
        return ReportChart(fileName: "energy-per-sample.svg", caption: "Total energy per sample, window by window.",
                           canvas: chart.canvas())
    }

    static func pulsesChart(_ e: EnergySeries) -> ReportChart {
        let chart = LineChart(title: "Write pulses per sample over the run", xLabel: "samples", yLabel: "pulses per sample",
                              series: [.init(name: "SET + RESET, all devices",
                                             points: e.windows.map { (x: Double($0.sample), y: $0.pulsesPerSample) })])
        return ReportChart(fileName: "pulses-per-sample.svg",
                           caption: "Write pulses per sample, window by window: the wear rate.",
                           canvas: chart.canvas())
    }

    /// The figures present, by name with unit, in display order.
    static func hardwareItems(_ hw: HardwareMetrics) -> [(name: String, value: Double)] {
        let items: [(String, Double?)] = [
            ("operations (MAC) per sample", hw.opsPerSample),
            ("latency per sample (s)", hw.latencyPerSampleSeconds),
            ("TOPS", hw.tops),
            ("TOPS/W", hw.topsPerWatt),
            ("TOPS/mm²", hw.topsPerSquareMillimetre),
        ]
        return items.compactMap { name, v in v.map { (name, $0) } }
    }

    /// The figures present as a table, or `nil` when none is.
    static func hardwareTable(_ hw: HardwareMetrics) -> ReportTable? {
        let rows = hardwareItems(hw).map { [$0.name, Format.significant($0.value)] }
        return rows.isEmpty ? nil : ReportTable(columns: ["figure", "value"], rows: rows)
    }
}

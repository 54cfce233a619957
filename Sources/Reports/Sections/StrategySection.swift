/// The strategy comparison of a `spikebar report --runs …` over continual experiments (one
/// run per strategy, e.g. from `experiment.strategies`): ACC, BWT, forgetting and FWT beside
/// each strategy's pulses, energy, memory and lifetime, bars of ACC, pulses and energy, and
/// every strategy's R matrix.
enum StrategySection {
    /// The section, or nil unless at least two runs have an R matrix and a recorded strategy.
    static func build(_ runs: [RunReportData]) -> ReportSection? {
        let withTasks = runs.filter { $0.continual != nil && $0.strategy != nil }
        guard withTasks.count >= 2 else { return nil }
        let labels = withTasks.map(label)
        func v(_ x: Double?) -> String { x.map { Format.fixed($0, 4) } ?? "n/a" }
        let table = ReportTable(
            columns: ["run", "ACC", "BWT", "forgetting", "FWT", "pulses/sample", "energy/sample (pJ)",
                      "buffer (bytes)", "strategy memory (bytes)", "lifetime to 1 % failed"],
            rows: zip(labels, withTasks).map { name, d in
                let c = d.continual!, s = d.strategy
                return [name, v(c.averageAccuracy), v(c.backwardTransfer), v(c.averageForgetting), v(c.forwardTransfer),
                        Format.significant(s?.pulsesPerSample ?? d.energy.meanPulsesPerSample),
                        Format.significant(s?.energyPerSamplePicojoules ?? d.energy.meanPerSamplePicojoules),
                        s.map { "\($0.bufferBytes)" } ?? "n/a", s.map { "\($0.strategyMemoryBytes)" } ?? "n/a",
                        s.map { $0.projectedLifetimeSeconds.map(Format.duration) ?? "never" } ?? "n/a"]
            },
            numeric: [false] + Array(repeating: true, count: 9))
        func bars(_ title: String, _ y: String, _ values: [Double]) -> BarChart {
            BarChart(title: title, xLabel: "strategy", yLabel: y, categories: labels, layers: [.init(name: y, values: values)])
        }
        let acc = bars("ACC (Top1_Acc_Stream) per strategy", "ACC", withTasks.map { $0.continual!.averageAccuracy ?? 0 })
        let pulses = bars("Write pulses per training sample", "pulses per sample",
                          withTasks.map { $0.strategy?.pulsesPerSample ?? $0.energy.meanPulsesPerSample })
        let energy = bars("Energy per training sample", "energy per sample (pJ)",
                          withTasks.map { $0.strategy?.energyPerSamplePicojoules ?? $0.energy.meanPerSamplePicojoules })
        var blocks: [ReportBlock] = [
            .table(table),
            .chart(ReportChart(fileName: "strategies-acc.svg", caption: "Average accuracy after the last task, per strategy.", canvas: acc.canvas())),
            .chart(ReportChart(fileName: "strategies-pulses.svg", caption: "Write pulses per new training sample (replayed passes included).", canvas: pulses.canvas())),
            .chart(ReportChart(fileName: "strategies-energy.svg", caption: "Energy per new training sample (replayed passes and buffer traffic included).", canvas: energy.canvas())),
        ]
        for (k, d) in withTasks.enumerated() {
            var chart = AccuracySection.rMatrixChart(d.continual!)
            chart.fileName = "r-matrix-\(d.run.id).svg"
            chart.caption = "R matrix of \(labels[k])."
            blocks.append(.chart(chart))
        }
        return ReportSection(title: "Continual strategies", howToRead: HowToRead.strategies, blocks: blocks)
    }

    /// `run 7 (replay)`, or `run 7 (rram)` when the run recorded no strategy.
    static func label(_ d: RunReportData) -> String {
        "run \(d.run.id) (\(d.strategy?.name ?? d.run.preset))"
    }
}

extension StrategySection {
    /// One paragraph on a run's strategy and what it cost.
    static func summary(_ s: StrategyResult) -> String {
        "Strategy \(s.name): \(Format.significant(s.pulsesPerSample)) write pulses and "
            + "\(Format.significant(s.energyPerSamplePicojoules)) pJ per training sample, "
            + "replay buffer \(s.bufferBytes) bytes, strategy memory \(s.strategyMemoryBytes) bytes, "
            + "1 % of devices failed after \(s.projectedLifetimeSeconds.map(Format.duration) ?? "never (no wear-out)") "
            + "at \(Format.plain(s.lifetimeSamplesPerSecond)) samples/s."
    }
}

/// The "Accuracy" section: prequential and windowed accuracy with event markers, and the
/// continual-learning R matrix with its metrics when the run had tasks.
enum AccuracySection {
    static func build(_ data: RunReportData) -> ReportSection {
        var blocks: [ReportBlock] = [.paragraph(summary(data)), .chart(accuracyChart(data))]
        if let c = data.continual {
            blocks.append(.heading("Continual learning"))
            blocks.append(.paragraph(HowToRead.continual))
            blocks.append(.table(metricsTable(c)))
            if let s = data.strategy { blocks.append(.paragraph(StrategySection.summary(s))) }
            if c.taskCount > 0 { blocks.append(.chart(rMatrixChart(c))) }
            if !c.forgetting.isEmpty { blocks.append(.table(forgettingTable(c))) }
        }
        return ReportSection(title: "Accuracy", howToRead: HowToRead.accuracy, blocks: blocks)
    }

    static func summary(_ data: RunReportData) -> String {
        guard let last = data.accuracy.last else { return "No accuracy was recorded." }
        let best = data.accuracy.map(\.window).max()!
        return "After \(last.sample) samples: prequential accuracy \(Format.fixed(last.prequential, 4)), "
            + "last window (\(data.run.windowSamples) samples) \(Format.fixed(last.window, 4)), "
            + "best window \(Format.fixed(best, 4))."
    }

    /// Event markers for the accuracy chart: task boundaries and failures from the events;
    /// when no failure event was recorded, every rise of the failure series marks one.
    static func markers(_ data: RunReportData) -> [LineChart.Marker] {
        var markers = data.events.filter { $0.kind == .taskBoundary }.map {
            LineChart.Marker(x: Double($0.sample), kind: .taskBoundary, label: $0.detail)
        }
        let failureEvents = data.events.filter { $0.kind == .failure }
        if !failureEvents.isEmpty {
            markers += failureEvents.map { LineChart.Marker(x: Double($0.sample), kind: .failure) }
        } else {
            var previous = 0
            for p in data.failures {
                if p.failedDevices > previous && p.sample > 0 {
                    markers.append(LineChart.Marker(x: Double(p.sample), kind: .failure))
                }
                previous = max(previous, p.failedDevices)
            }
        }
        return markers
    }

    static func accuracyChart(_ data: RunReportData) -> ReportChart {
        let chart = LineChart(
            title: "Prequential accuracy against samples", xLabel: "samples", yLabel: "accuracy",
            series: [
                .init(name: "cumulative", points: data.accuracy.map { (x: Double($0.sample), y: $0.prequential) }),
                .init(name: "window of \(data.run.windowSamples)",
                      points: data.accuracy.map { (x: Double($0.sample), y: $0.window) }, dashed: true),
            ],
            markers: markers(data), yRange: 0...1)
        return ReportChart(fileName: "accuracy.svg",
                           caption: "Cumulative and windowed prequential accuracy; dashed lines mark task boundaries, red ticks device failures.",
                           canvas: chart.canvas())
    }

    static func metricsTable(_ c: ContinualResults) -> ReportTable {
        func v(_ x: Double?) -> String { x.map { Format.fixed($0, 4) } ?? "n/a" }
        return ReportTable(columns: ["metric", "value"], rows: [
            ["ACC (average accuracy after the last task)", v(c.averageAccuracy)],
            ["BWT (backward transfer)", v(c.backwardTransfer)],
            ["FWT (forward transfer)", c.baseline == nil ? "n/a (no untrained baseline)" : v(c.forwardTransfer)],
            ["average forgetting", v(c.averageForgetting)],
        ])
    }

    static func forgettingTable(_ c: ContinualResults) -> ReportTable {
        let rows = c.forgetting.enumerated().map { j, f in
            [c.taskNames[j], Format.fixed(c.r[j][j], 4), Format.fixed(c.r[c.taskCount - 1][j], 4), Format.fixed(f, 4)]
        }
        return ReportTable(columns: ["task", "accuracy just after learning it", "final accuracy", "forgetting"], rows: rows)
    }

    static func rMatrixChart(_ c: ContinualResults) -> ReportChart {
        let chart = HeatMap(title: "R matrix: accuracy on task j after training through task i",
                            rows: c.taskCount, cols: c.taskCount, values: c.r.flatMap { $0 },
                            rowAxis: "trained through task i", colAxis: "tested on task j", legendTitle: "accuracy",
                            rowNames: c.taskNames, colNames: c.taskNames, range: 0...1, cellLabelDecimals: 2)
        return ReportChart(fileName: "r-matrix.svg", caption: "Continual-learning R matrix with each cell's accuracy.",
                           canvas: chart.canvas())
    }
}

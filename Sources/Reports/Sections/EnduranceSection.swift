/// The "Endurance & lifetime" section: wear per layer and tile, failures over the run,
/// window closure, SET/RESET balance, and the lifetime projection.
enum EnduranceSection {
    static func build(_ data: RunReportData, projection: LifetimeProjection) -> ReportSection {
        var blocks: [ReportBlock] = [.paragraph(summary(data)), .table(layerTable(data.wear))]
        blocks += LifetimeBlocks.build(projection)
        blocks += RecentLifetimeBlocks.build(data.lifetime, whole: projection)
        if let control = data.lifetimeControl { blocks += LifetimeControlBlocks.build(control) }
        blocks.append(.chart(failedFractionChart(data)))
        if !data.windowClosure.isEmpty { blocks.append(.chart(windowClosureChart(data.windowClosure))) }
        blocks.append(.chart(setResetChart(data.wear)))
        for (l, layer) in data.wear.enumerated() {
            for tile in layer.tiles {
                blocks.append(.heading("\(layer.name) — tile \(tile.index.label)"))
                blocks.append(.paragraph(tileSummary(tile)))
                blocks.append(.chart(histogramChart(layer: layer, layerIndex: l, tile: tile)))
                if let grid = tile.heatMap {
                    blocks.append(.chart(heatMapChart(layer: layer, layerIndex: l, tile: tile, grid: grid)))
                }
            }
        }
        return ReportSection(title: "Endurance & lifetime", howToRead: HowToRead.endurance, blocks: blocks)
    }

    static func summary(_ data: RunReportData) -> String {
        let devices = data.deviceCount
        let failed = data.failedDeviceCount
        let set = data.wear.reduce(0) { $0 + $1.setPulses }
        let reset = data.wear.reduce(0) { $0 + $1.resetPulses }
        let wasted = data.wear.reduce(0) { $0 + $1.wastedPulses }
        let fraction = devices == 0 ? 0 : Double(failed) / Double(devices)
        return "\(failed) of \(devices) devices have failed (\(Format.percent(fraction, 2))). "
            + "The run sent \(Format.count(set + reset)) write pulses: \(Format.count(set)) SET and "
            + "\(Format.count(reset)) RESET (SET share \(setShare(set, reset))); "
            + "\(Format.count(wasted)) of them were wasted on failed devices."
    }

    static func setShare(_ set: Double, _ reset: Double) -> String {
        set + reset == 0 ? "n/a" : Format.percent(set / (set + reset), 1)
    }

    static func layerTable(_ wear: [LayerWear]) -> ReportTable {
        let rows = wear.map { l in
            [l.name, "\(l.devices)", "\(l.failedDevices)", Format.fixed(l.meanPulsesPerDevice, 2),
             Format.count(l.maxPulsesPerDevice), Format.count(l.setPulses), Format.count(l.resetPulses),
             setShare(l.setPulses, l.resetPulses), Format.count(l.wastedPulses)]
        }
        return ReportTable(columns: ["layer", "devices", "failed", "mean pulses/device", "max pulses/device",
                                     "SET", "RESET", "SET share", "wasted"], rows: rows)
    }

    static func tileSummary(_ t: TileWear) -> String {
        "\(t.devices) devices, \(t.failedDevices) failed; pulses per device: mean "
            + "\(Format.fixed(t.meanPulsesPerDevice, 2)), max \(Format.count(t.maxPulsesPerDevice)); "
            + "SET \(Format.count(t.setPulses)), RESET \(Format.count(t.resetPulses)), wasted \(Format.count(t.wastedPulses))."
    }

    static func failedFractionChart(_ data: RunReportData) -> ReportChart {
        let devices = Double(max(data.deviceCount, 1))
        let points = data.failures.map { (x: Double($0.sample), y: Double($0.failedDevices) / devices * 100) }
        let chart = LineChart(title: "Failed devices against samples", xLabel: "samples", yLabel: "failed devices (%)",
                              series: [.init(name: "failed devices, whole chip", points: points)])
        return ReportChart(fileName: "failed-fraction.svg",
                           caption: "Share of all devices failed (including stuck from the start), against labelled samples.",
                           canvas: chart.canvas())
    }

    static func windowClosureChart(_ points: [WindowClosurePoint]) -> ReportChart {
        let chart = LineChart(title: "Conductance window against samples", xLabel: "samples",
                              yLabel: "mean effective window (fraction)",
                              series: [.init(name: "mean (Gmax_eff − Gmin_eff)/(Gmax − Gmin)",
                                             points: points.map { (x: Double($0.sample), y: $0.meanEffectiveWindow) })],
                              yRange: 0...1)
        return ReportChart(fileName: "window-closure.svg",
                           caption: "Mean effective conductance window over all devices: 1 is fresh, 0 is closed.",
                           canvas: chart.canvas())
    }

    static func setResetChart(_ wear: [LayerWear]) -> ReportChart {
        let chart = BarChart(title: "SET/RESET balance per layer", xLabel: "layer", yLabel: "pulses",
                             categories: wear.map(\.name),
                             layers: [.init(name: "SET", values: wear.map(\.setPulses)),
                                      .init(name: "RESET", values: wear.map(\.resetPulses))])
        return ReportChart(fileName: "set-reset.svg", caption: "SET and RESET pulses per layer, stacked.",
                           canvas: chart.canvas())
    }

    static func tileFileStem(layerIndex: Int, tile: TileIndex) -> String {
        "wear-L\(layerIndex)-T\(tile.row)-\(tile.col)"
    }

    static func histogramChart(layer: LayerWear, layerIndex: Int, tile: TileWear) -> ReportChart {
        let chart = HistogramChart(title: "\(layer.name) tile \(tile.index.label): pulses per device",
                                   xLabel: "pulses per device", yLabel: "devices",
                                   edges: tile.histogram.binEdges, counts: tile.histogram.counts.map(Double.init))
        return ReportChart(fileName: tileFileStem(layerIndex: layerIndex, tile: tile.index) + "-histogram.svg",
                           caption: "Histogram of pulses per device in \(layer.name), tile \(tile.index.label).",
                           canvas: chart.canvas())
    }

    static func heatMapChart(layer: LayerWear, layerIndex: Int, tile: TileWear, grid: WearGrid) -> ReportChart {
        let what = grid.quantity == .pulses ? "pulses per cell" : "fraction of budget used"
        let chart = HeatMap(title: "\(layer.name) tile \(tile.index.label): \(what)", rows: grid.rows, cols: grid.cols,
                            values: grid.values, rowAxis: "row (input)", colAxis: "column (output)",
                            legendTitle: grid.quantity == .pulses ? "pulses" : "budget used")
        return ReportChart(fileName: tileFileStem(layerIndex: layerIndex, tile: tile.index) + "-heatmap.svg",
                           caption: "Wear map of \(layer.name), tile \(tile.index.label): \(what), rows × columns.",
                           canvas: chart.canvas())
    }
}

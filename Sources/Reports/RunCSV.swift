/// Every series of a run report as CSV, one file per series, file name → content.
///
/// Numbers are printed in Swift's shortest exact form (``Format/csv(_:)``), so a value read
/// back is the value recorded; infinite lifetimes are `inf`. Files (optional ones only
/// when their data exist):
///
/// | file | columns |
/// |---|---|
/// | `accuracy.csv` | sample, prequential, window |
/// | `energy.csv` | sample, samples, one `<component> pJ/sample` per component, total pJ/sample, pulses/sample |
/// | `energy-totals.csv` | component, total pJ, pJ per sample |
/// | `failures.csv` | sample, failed devices, failed fraction |
/// | `window-closure.csv` | sample, mean effective window |
/// | `events.csv` | sample, kind, detail |
/// | `wear-tiles.csv` | layer, tile row, tile col, devices, failed, mean/max pulses, SET, RESET, wasted |
/// | `wear-L<l>-T<r>-<c>-histogram.csv` | bin low, bin high, devices |
/// | `wear-L<l>-T<r>-<c>-heatmap.csv` | row, then one column per crossbar column |
/// | `lifetime.csv` | level, group, devices, failed now, seconds to each fraction failed (when per-device state was recorded) |
/// | `lifetime-recent.csv` | the same from the wear of the last K windows (when the run recorded it; issue #18) |
/// | `hardware.csv` | figure, value |
/// | `r-matrix.csv` | trained through, one column per task |
/// | `continual-metrics.csv` | metric, value |
public enum RunCSV {
    public static func files(_ data: RunReportData, options: ReportOptions = ReportOptions()) -> [String: String] {
        var files: [String: String] = [:]

        var accuracy = CSVTable(["sample", "prequential", "window"])
        for p in data.accuracy { accuracy.append([], [Double(p.sample), p.prequential, p.window]) }
        files["accuracy.csv"] = accuracy.render()

        let e = data.energy
        var energy = CSVTable(["sample", "samples"] + e.components.map { "\($0) pJ/sample" } + ["total pJ/sample", "pulses/sample"])
        for w in e.windows {
            let parts = e.components.indices.map { w.perSamplePicojoules(component: $0) }
            energy.append(["\(w.sample)", "\(w.samples)"], parts + [w.totalPerSamplePicojoules, w.pulsesPerSample])
        }
        files["energy.csv"] = energy.render()

        var totals = CSVTable(["component", "total pJ", "pJ per sample"])
        let n = Double(max(e.samples, 1))
        for (k, t) in e.totalPicojoules.enumerated() { totals.append([e.components[k]], [t, t / n]) }
        files["energy-totals.csv"] = totals.render()

        var failures = CSVTable(["sample", "failed devices", "failed fraction"])
        let devices = Double(max(data.deviceCount, 1))
        for p in data.failures {
            failures.append(["\(p.sample)", "\(p.failedDevices)"], [Double(p.failedDevices) / devices])
        }
        files["failures.csv"] = failures.render()

        if !data.windowClosure.isEmpty {
            var closure = CSVTable(["sample", "mean effective window"])
            for p in data.windowClosure { closure.append(["\(p.sample)"], [p.meanEffectiveWindow]) }
            files["window-closure.csv"] = closure.render()
        }

        var events = CSVTable(["sample", "kind", "detail"])
        for ev in data.events { events.append(["\(ev.sample)", ev.kind.rawValue, ev.detail]) }
        files["events.csv"] = events.render()

        files.merge(wearFiles(data.wear)) { a, _ in a }
        if data.lifetime.devices > 0 {
            files["lifetime.csv"] = lifetimeFile(LifetimeProjection(data.lifetime, samplesPerSecond: options.samplesPerSecond))
        }
        if data.lifetime.hasRecentWear {
            files["lifetime-recent.csv"] = lifetimeFile(LifetimeProjection(data.lifetime, samplesPerSecond: options.samplesPerSecond,
                                                                           recent: true))
        }

        if let items = data.hardware.map(EnergySection.hardwareItems), !items.isEmpty {
            var csv = CSVTable(["figure", "value"])
            for item in items { csv.append([item.name], [item.value]) }
            files["hardware.csv"] = csv.render()
        }
        if let c = data.continual { files.merge(continualFiles(c)) { a, _ in a } }
        return files
    }

    static func wearFiles(_ wear: [LayerWear]) -> [String: String] {
        var files: [String: String] = [:]
        var tiles = CSVTable(["layer", "tile row", "tile col", "devices", "failed", "mean pulses/device",
                              "max pulses/device", "SET", "RESET", "wasted"])
        for (l, layer) in wear.enumerated() {
            for t in layer.tiles {
                tiles.append([layer.name, "\(t.index.row)", "\(t.index.col)", "\(t.devices)", "\(t.failedDevices)"],
                             [t.meanPulsesPerDevice, t.maxPulsesPerDevice, t.setPulses, t.resetPulses, t.wastedPulses])
                let stem = EnduranceSection.tileFileStem(layerIndex: l, tile: t.index)
                var hist = CSVTable(["bin low", "bin high", "devices"])
                for (k, count) in t.histogram.counts.enumerated() {
                    hist.append([Format.csv(t.histogram.binEdges[k]), Format.csv(t.histogram.binEdges[k + 1]), "\(count)"])
                }
                files[stem + "-histogram.csv"] = hist.render()
                if let g = t.heatMap {
                    var grid = CSVTable(["row"] + (0..<g.cols).map { "c\($0)" })
                    for r in 0..<g.rows { grid.append(["\(r)"], Array(g.values[(r * g.cols)..<((r + 1) * g.cols)])) }
                    files[stem + "-heatmap.csv"] = grid.render()
                }
            }
        }
        files["wear-tiles.csv"] = tiles.render()
        return files
    }

    static func lifetimeFile(_ p: LifetimeProjection) -> String {
        var csv = CSVTable(["level", "group", "devices", "failed now"] + LifetimeBlocks.csvColumns(p.fractions))
        let groups = [("chip", p.chip)] + p.layers.map { ("layer", $0) } + p.tiles.map { ("tile", $0.lifetime) }
        for (level, g) in groups {
            csv.append([level, g.name, "\(g.devices)", "\(g.failedNow)"], g.secondsToFraction)
        }
        return csv.render()
    }

    static func continualFiles(_ c: ContinualResults) -> [String: String] {
        var r = CSVTable(["trained through"] + c.taskNames)
        for (i, row) in c.r.enumerated() { r.append([c.taskNames[i]], row) }
        var m = CSVTable(["metric", "value"])
        let metrics: [(String, Double?)] = [
            ("ACC", c.averageAccuracy), ("BWT", c.backwardTransfer), ("FWT", c.forwardTransfer),
            ("average forgetting", c.averageForgetting),
        ]
        for (name, v) in metrics { m.append([name, v.map(Format.csv) ?? ""]) }
        for (j, f) in c.forgetting.enumerated() { m.append(["forgetting \(c.taskNames[j])"], [f]) }
        return ["r-matrix.csv": r.render(), "continual-metrics.csv": m.render()]
    }
}

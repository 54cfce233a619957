/// What the lifetime controller did (issue #18): its target, each tile's write scale and
/// projection from recent wear over the run (charts), and each tile's final state (table).
enum LifetimeControlBlocks {
    /// Projections are drawn as a multiple of the target, capped here (∞ and beyond).
    static let ratioCap = 4.0

    static func build(_ c: LifetimeControl) -> [ReportBlock] {
        let share = LifetimeBlocks.share(c.failedFraction)
        let scale = LineChart(
            title: "Lifetime controller: write scale per tile", xLabel: "samples", yLabel: "write scale s",
            series: c.tiles.map { t in .init(name: t.name, points: t.points.map { (x: Double($0.sample), y: $0.writeScale) }) },
            yRange: 0...1)
        let ratio = LineChart(
            title: "Lifetime controller: projection from recent wear / target", xLabel: "samples",
            yLabel: "T / Y (capped at \(Format.plain(ratioCap)))",
            series: c.tiles.map { t in
                .init(name: t.name, points: t.points.map { (x: Double($0.sample), y: ratioOf($0.projectedSeconds, c)) })
            } + [.init(name: "target", points: [(x: 0, y: 1), (x: Double(c.tiles.first?.points.last?.sample ?? 1), y: 1)], dashed: true)],
            yRange: 0...ratioCap)
        let rows = c.tiles.map { t -> [String] in
            let last = t.points.last
            return [t.name, last.map { Format.fixed($0.writeScale, 4) } ?? "n/a",
                    last.map { durationText($0.projectedSeconds) } ?? "n/a",
                    last.map { Format.count($0.horizonPulses) } ?? "n/a",
                    Format.fixed(t.points.map(\.writeScale).min() ?? 1, 4)]
        }
        return [
            .heading("Lifetime controller"),
            .paragraph("Target: \(share) of each tile's devices failed no sooner than \(Format.duration(c.targetSeconds)) at "
                + "\(Format.plain(c.samplesPerSecond)) samples/s (aimed at \(Format.plain(c.margin))× that). Every window the "
                + "controller projects each tile from the pulses of its last \(Format.count(Double(c.horizonSamples))) samples "
                + "and sets the tile's write scale s ← clamp(s·(T/(m·Y))^κ, s_min, 1); every desired weight change of the tile is "
                + "multiplied by s before the write path. "
                + (c.warmupSamples > 0 ? "It learned freely for the first \(Format.count(Double(c.warmupSamples))) samples. " : "")
                + "\(c.regimeChanges) regime change\(c.regimeChanges == 1 ? "" : "s") were recorded as events."),
            .table(ReportTable(columns: ["tile", "final write scale", "final projection (recent)", "pulses in horizon",
                                         "lowest write scale"], rows: rows)),
            .chart(ReportChart(fileName: "lifetime-scale.svg",
                               caption: "Write scale s of each tile at the end of every window (1 = unthrottled).",
                               canvas: scale.canvas())),
            .chart(ReportChart(fileName: "lifetime-projection.svg",
                               caption: "Each tile's projected time to \(share) failed from recent wear, as a multiple of the target "
                                   + "(dashed line at 1; never-failing tiles at the cap).",
                               canvas: ratio.canvas())),
        ]
    }

    static func ratioOf(_ seconds: Double?, _ c: LifetimeControl) -> Double {
        guard let s = seconds else { return ratioCap }
        return min(s / c.targetSeconds, ratioCap)
    }

    static func durationText(_ seconds: Double?) -> String {
        seconds.map(Format.duration) ?? "never"
    }
}

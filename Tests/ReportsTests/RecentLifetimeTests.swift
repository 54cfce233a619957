import Testing
@testable import Reports

/// The projection from recent wear (issue #18) against hand computations, and its report blocks.
@Suite struct RecentLifetimeTests {
    /// One layer, one tile of three devices; 1000 samples in all, the last H = 200 recent;
    /// R = 10 samples/s. By hand, t = (N − n) / ((Δn / 200) · 10) = (N − n) · 20 / Δn seconds:
    /// - n = 200, N = 1200, Δn = 10 → 1000·20/10 = 2000 s   (whole-run mean: 1000·100/200 = 500 s)
    /// - n = 400, N = 1000, Δn = 40 → 600·20/40 = 300 s     (whole run: 600·100/400 = 150 s)
    /// - n = 50,  N = 1050, Δn = 0  → ∞                      (whole run: 1000·100/50 = 2000 s)
    static let input = LifetimeInput(samples: 1000, layers: [
        LayerDevices(name: "A", tiles: [
            TileDevices(index: TileIndex(row: 0, col: 0), pulses: [200, 400, 50], budgets: [1200, 1000, 1050],
                        failed: [false, false, false], recentPulses: [10, 40, 0]),
        ]),
    ], recentSamples: 200, recentWindows: 2)

    @Test func perDeviceTimesMatchTheHandComputation() {
        let tile = Self.input.layers[0].tiles[0]
        #expect(FailureTimes.recentSeconds(of: tile, horizonSamples: 200, samplesPerSecond: 10) == [2000, 300, .infinity])
        #expect(FailureTimes.seconds(of: tile, samples: 1000, samplesPerSecond: 10) == [500, 150, 2000])
    }

    @Test func groupTimesAndTheReportBlocks() {
        let whole = LifetimeProjection(Self.input, samplesPerSecond: 10, fractions: [0.3, 0.6, 1], rankingFraction: 0.3)
        let recent = LifetimeProjection(Self.input, samplesPerSecond: 10, fractions: [0.3, 0.6, 1], rankingFraction: 0.3, recent: true)
        #expect(whole.chip.secondsToFraction == [150, 500, 2000])
        #expect(recent.chip.secondsToFraction == [300, 2000, .infinity])
        let blocks = RecentLifetimeBlocks.build(Self.input, whole: whole)
        guard case let .heading(title)? = blocks.first, case let .paragraph(text) = blocks[1] else {
            Issue.record("expected a heading and a paragraph")
            return
        }
        #expect(title == "Projected lifetime from recent wear at 10 samples/s")
        #expect(text.contains("the last 2 windows, 200 samples"))
        #expect(text.contains("Whole-run mean: 30 % of the chip failed after \(Format.duration(150))"))
        #expect(text.contains("recent wear: after \(Format.duration(300))"))
        #expect(RecentLifetimeBlocks.when(.infinity) == "never")
        #expect(RecentLifetimeBlocks.when(0) == "now")
    }

    @Test func noRecentWearNoBlocks() {
        var input = Self.input
        input.recentSamples = nil
        #expect(!input.hasRecentWear)
        #expect(RecentLifetimeBlocks.build(input, whole: LifetimeProjection(input, samplesPerSecond: 10)).isEmpty)
    }

    @Test func controllerBlocksTableAndCharts() {
        let c = LifetimeControl(targetSeconds: 100, samplesPerSecond: 10, failedFraction: 0.01, margin: 2, warmupSamples: 0,
                                horizonSamples: 2000, tiles: [
                                    .init(name: "A tile 0,0", points: [
                                        .init(sample: 100, active: true, writeScale: 0.5, projectedSeconds: 50, horizonPulses: 7),
                                        .init(sample: 200, active: true, writeScale: 0.25, projectedSeconds: nil, horizonPulses: 0),
                                    ]),
                                ], regimeChanges: 1)
        let blocks = LifetimeControlBlocks.build(c)
        guard case let .table(t) = blocks[2] else { Issue.record("expected the table"); return }
        #expect(t.rows == [["A tile 0,0", "0.2500", "never", "0", "0.2500"]])
        #expect(blocks.filter { if case .chart = $0 { return true } else { return false } }.count == 2)
        #expect(LifetimeControlBlocks.ratioOf(50, c) == 0.5)
        #expect(LifetimeControlBlocks.ratioOf(nil, c) == LifetimeControlBlocks.ratioCap)
    }
}

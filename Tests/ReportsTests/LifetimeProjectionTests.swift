import Testing
@testable import Reports

/// The lifetime projection (DESIGN §4.3) against hand computations.
@Suite struct LifetimeProjectionTests {
    /// Two layers, three tiles of two devices; 1000 samples; R = 10 samples/s.
    ///
    /// By hand, t = (N_end − n) / ((n / 1000) · 10) = (N_end − n) · 100 / n seconds:
    /// - A (0,0): n=200, N=1200 → 1000·100/200 = 500 s;  n=50, N=1050 → 1000·100/50 = 2000 s
    /// - A (0,1): n=400, N=1000 → 600·100/400 = 150 s;   n=0 → ∞
    /// - B (0,0): n=1000, N=1000 → failed, 0 s;          n=10, N=∞ → ∞
    static let input = LifetimeInput(samples: 1000, layers: [
        LayerDevices(name: "A", tiles: [
            TileDevices(index: TileIndex(row: 0, col: 0), pulses: [200, 50], budgets: [1200, 1050], failed: [false, false]),
            TileDevices(index: TileIndex(row: 0, col: 1), pulses: [400, 0], budgets: [1000, 1000], failed: [false, false]),
        ]),
        LayerDevices(name: "B", tiles: [
            TileDevices(index: TileIndex(row: 0, col: 0), pulses: [1000, 10], budgets: [1000, .infinity], failed: [false, false]),
        ]),
    ])

    @Test func perDeviceTimesMatchTheHandComputation() {
        let layerA = Self.input.layers[0]
        #expect(FailureTimes.seconds(of: layerA.tiles[0], samples: 1000, samplesPerSecond: 10) == [500, 2000])
        #expect(FailureTimes.seconds(of: layerA.tiles[1], samples: 1000, samplesPerSecond: 10) == [150, .infinity])
        #expect(FailureTimes.seconds(of: Self.input.layers[1].tiles[0], samples: 1000, samplesPerSecond: 10) == [0, .infinity])
    }

    @Test func groupsAndChipMatchTheHandComputation() {
        // Fractions chosen so that each picks a different device: of 6 chip devices,
        // 1/6 → k=1, 1/2 → k=3, 2/3 → k=4, 1 → k=6.
        let p = LifetimeProjection(Self.input, samplesPerSecond: 10, fractions: [1.0 / 6, 0.5, 2.0 / 3, 1], rankingFraction: 0.5)
        // Chip, sorted: 0, 150, 500, 2000, ∞, ∞.
        #expect(p.chip.secondsToFraction == [0, 500, 2000, .infinity])
        #expect(p.chip.devices == 6)
        #expect(p.chip.failedNow == 1)
        // Layer A sorted: 150, 500, 2000, ∞ → k = 1, 2, 3, 4.
        #expect(p.layers[0].secondsToFraction == [150, 500, 2000, .infinity])
        #expect(p.layers[1].secondsToFraction == [0, 0, .infinity, .infinity])
        // Tiles (two devices each): k = 1, 1, 2, 2.
        #expect(p.tiles.map(\.lifetime.secondsToFraction) == [[500, 500, 2000, 2000], [150, 150, .infinity, .infinity], [0, 0, .infinity, .infinity]])
        #expect(p.weakestTile?.layerName == "B")
        #expect(p.weakestTile?.tile == TileIndex(row: 0, col: 0))
    }

    @Test func standardFractionsOnATinyArrayAllPickTheFirstFailure() {
        // With six devices 0.1 %, 1 % and 10 % all round up to one device.
        let p = LifetimeProjection(Self.input, samplesPerSecond: 10)
        #expect(p.chip.secondsToFraction == [0, 0, 0])
        #expect(p.layers[0].secondsToFraction == [150, 150, 150])
        #expect(p.weakestTile?.layerName == "B")
    }

    @Test func timeScalesInverselyWithTheRate() {
        let slow = LifetimeProjection(Self.input, samplesPerSecond: 10)
        let fast = LifetimeProjection(Self.input, samplesPerSecond: 40)
        #expect(fast.layers[0].secondsToFraction[0] * 4 == slow.layers[0].secondsToFraction[0])
    }

    @Test func tiesBreakOnTheOtherFractionsThenOnOrder() {
        func tile(_ c: Int, _ pulses: [Double]) -> TileDevices {
            TileDevices(index: TileIndex(row: 0, col: c), pulses: pulses, budgets: pulses.map { _ in 96 }, failed: pulses.map { _ in false })
        }
        // samples = 64, R = 1: t = (96 − n) · 64 / n. n = 64 → 32 s, n = 32 → 128 s, n = 16 → 320 s
        // (all exact in binary floating point).
        let input = LifetimeInput(samples: 64, layers: [
            LayerDevices(name: "L", tiles: [tile(0, [64, 16]), tile(1, [64, 32]), tile(2, [64, 32])]),
        ])
        let p = LifetimeProjection(input, samplesPerSecond: 1, fractions: [0.5, 1], rankingFraction: 0.5)
        #expect(p.tiles.map(\.lifetime.secondsToFraction) == [[32, 320], [32, 128], [32, 128]])
        // All tie at 50 % (32 s); at 100 % tiles 1 and 2 tie (128 s) and the earlier one wins.
        #expect(p.weakestTile?.tile == TileIndex(row: 0, col: 1))
    }

    @Test func noWeakestTileWithoutWear() {
        let input = LifetimeInput(samples: 50, layers: [
            LayerDevices(name: "L", tiles: [TileDevices(index: TileIndex(row: 0, col: 0), pulses: [0, 0], budgets: [10, 10], failed: [false, false])]),
        ])
        let p = LifetimeProjection(input, samplesPerSecond: 100)
        #expect(p.weakestTile == nil)
        #expect(p.chip.secondsToFraction.allSatisfy { $0 == .infinity })
    }

    @Test func withoutPerDeviceStateNoLifetimeIsClaimed() throws {
        // A run without a checkpoint: the reports say so instead of "never".
        var data = Fixtures.small
        data.lifetime = LifetimeInput(samples: 0, layers: [])
        let html = RunReport.html(data)
        #expect(html.contains("No lifetime is projected") && !html.contains("Weakest tile"))
        #expect(RunReport.csv(data)["lifetime.csv"] == nil)
        let row = ComparisonReport.Row(data, options: ReportOptions())
        #expect(row.secondsToFraction == nil)
        let csv = try #require(ComparisonReport.csv([data, Fixtures.small])["comparison.csv"])
        #expect(csv.split(separator: "\n")[1].hasSuffix(",,,"))
    }
}

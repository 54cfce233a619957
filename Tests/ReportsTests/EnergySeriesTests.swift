import Testing
@testable import Reports

@Suite struct EnergySeriesTests {
    let series = EnergySeries(components: ["read", "write"], windows: [
        EnergyWindow(sample: 100, samples: 100, perSamplePicojoules: [10, 30], pulsesPerSample: 4),
        EnergyWindow(sample: 150, samples: 50, perSamplePicojoules: [40, 0], pulsesPerSample: 1),
        EnergyWindow(sample: 250, samples: 100, perSamplePicojoules: [10, 10], pulsesPerSample: 2),
    ])

    @Test func totalsWeighBySamples() {
        // read: 10·100 + 40·50 + 10·100 = 4000; write: 3000 + 0 + 1000 = 4000.
        #expect(series.totalPicojoules == [4000, 4000])
        #expect(series.samples == 250)
        #expect(series.meanPerSamplePicojoules == 8000.0 / 250)
        let pulses: Double = 400 + 50 + 200
        #expect(series.meanPulsesPerSample == pulses / 250)
    }

    @Test func coarseningKeepsTotals() {
        let c = series.coarsened(maxWindows: 2)
        #expect(c.windows.count == 2)
        #expect(c.windows.map(\.sample) == [150, 250])
        #expect(c.windows[0].samples == 150)
        #expect(c.windows[0].perSamplePicojoules == [3000.0 / 150, 3000.0 / 150])
        #expect(c.totalPicojoules == series.totalPicojoules)
        #expect(series.coarsened(maxWindows: 5) == series)
    }

    @Test func histogramFromValuesPutsTheMaximumInTheLastBin() {
        let h = PulseHistogram(values: [0, 1, 2, 3, 4], bins: 4)
        #expect(h.binEdges == [0, 1, 2, 3, 4])
        #expect(h.counts == [1, 1, 1, 2])
        #expect(PulseHistogram(values: [], bins: 2).counts == [0, 0])
    }
}

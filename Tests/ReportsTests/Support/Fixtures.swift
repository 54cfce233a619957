@testable import Reports

/// Small, fixed report inputs. `small` pins the golden files: change it and the goldens
/// change (regenerate with `SPIKEBAR_UPDATE_GOLDENS=1 swift test --filter ReportsTests`).
enum Fixtures {
    /// A 400-sample run on two layers (three 2 × 3 tiles of differential pairs, 12 devices
    /// each), two tasks, two device failures, with text that needs escaping in every format.
    static let small: RunReportData = {
        let run = RunMetadata(
            id: 7, preset: "rram", seed: 42, input: "digits_stream.csv",
            startedAtUnixSeconds: 1_767_225_600, endedAtUnixSeconds: 1_767_225_695.5,
            samples: 400, windowSamples: 100, version: "0.1.0", status: "finished",
            configText: "preset: rram\nseed: 42\n# comment with <angle>, & and \"quotes\"\nlearning:\n  rate: 0.05\n")
        let accuracy = [
            AccuracyPoint(sample: 100, prequential: 0.42, window: 0.42),
            AccuracyPoint(sample: 200, prequential: 0.555, window: 0.69),
            AccuracyPoint(sample: 300, prequential: 0.59, window: 0.66),
            AccuracyPoint(sample: 400, prequential: 0.6325, window: 0.76),
        ]
        let energy = EnergySeries(
            components: ["crossbar read", "ADC", "neuron", "write"],
            windows: [
                EnergyWindow(sample: 100, samples: 100, perSamplePicojoules: [120, 340.5, 80, 900], pulsesPerSample: 12.5),
                EnergyWindow(sample: 200, samples: 100, perSamplePicojoules: [118, 338, 80, 610], pulsesPerSample: 8.25),
                EnergyWindow(sample: 300, samples: 100, perSamplePicojoules: [121, 341, 80, 420], pulsesPerSample: 5.75),
                EnergyWindow(sample: 400, samples: 100, perSamplePicojoules: [119, 339.5, 80, 300], pulsesPerSample: 4),
            ])
        let hidden = LayerWear(name: "hidden", tiles: [
            tile(row: 0, col: 0, pulses: [40, 35, 0, 12, 8, 95, 60, 2, 0, 0, 30, 18], failed: 1, set: 180, reset: 120, wasted: 3),
            tile(row: 1, col: 0, pulses: [5, 0, 0, 10, 4, 3, 0, 0, 7, 1, 0, 2], failed: 0, set: 20, reset: 12, wasted: 0),
        ])
        let readout = LayerWear(name: "readout", tiles: [
            tile(row: 0, col: 0, pulses: [120, 80, 64, 100, 30, 25, 18, 11, 9, 150, 140, 60], failed: 1, set: 420, reset: 387, wasted: 5),
        ])
        let lifetime = LifetimeInput(samples: 400, layers: [
            LayerDevices(name: "hidden", tiles: [
                devices(row: 0, col: 0, pulses: [40, 35, 0, 12, 8, 95, 60, 2, 0, 0, 30, 18], failedAt: [5]),
                devices(row: 1, col: 0, pulses: [5, 0, 0, 10, 4, 3, 0, 0, 7, 1, 0, 2], failedAt: []),
            ]),
            LayerDevices(name: "readout", tiles: [
                devices(row: 0, col: 0, pulses: [120, 80, 64, 100, 30, 25, 18, 11, 9, 150, 140, 60], failedAt: [9]),
            ]),
        ])
        return RunReportData(
            run: run, accuracy: accuracy, energy: energy,
            hardware: HardwareMetrics(opsPerSample: 186_880, latencyPerSampleSeconds: 2.5e-5, tops: 0.0075, topsPerWatt: 3.2),
            wear: [hidden, readout],
            failures: [FailurePoint(sample: 100, failedDevices: 0), FailurePoint(sample: 200, failedDevices: 1),
                       FailurePoint(sample: 300, failedDevices: 1), FailurePoint(sample: 400, failedDevices: 2)],
            windowClosure: [WindowClosurePoint(sample: 100, meanEffectiveWindow: 1),
                            WindowClosurePoint(sample: 200, meanEffectiveWindow: 0.98),
                            WindowClosurePoint(sample: 300, meanEffectiveWindow: 0.955),
                            WindowClosurePoint(sample: 400, meanEffectiveWindow: 0.93)],
            events: [
                ReportEvent(sample: 150, kind: .failure, detail: "device 5 of hidden tile 0,0"),
                ReportEvent(sample: 200, kind: .taskBoundary, detail: "task 2"),
                ReportEvent(sample: 310, kind: .error, detail: "bad line: \"x\",1 <script>alert(1)</script>"),
                ReportEvent(sample: 380, kind: .failure, detail: "device 9 of readout tile 0,0"),
            ],
            continual: ContinualResults(taskNames: ["digits 0-4", "digits 5-9"],
                                        r: [[0.81, 0.12], [0.64, 0.77]], baseline: [0.1, 0.09]),
            lifetime: lifetime)
    }()

    /// A tile of 12 devices (2 rows × 3 columns of differential pairs: 6 cells) whose heat
    /// map sums each pair.
    static func tile(row: Int, col: Int, pulses: [Double], failed: Int, set: Double, reset: Double, wasted: Double) -> TileWear {
        let cells = stride(from: 0, to: pulses.count, by: 2).map { pulses[$0] + pulses[$0 + 1] }
        return TileWear(
            index: TileIndex(row: row, col: col), devices: pulses.count,
            histogram: PulseHistogram(values: pulses, bins: 4),
            meanPulsesPerDevice: pulses.reduce(0, +) / Double(pulses.count), maxPulsesPerDevice: pulses.max()!,
            failedDevices: failed, setPulses: set, resetPulses: reset, wastedPulses: wasted,
            heatMap: WearGrid(quantity: .pulses, rows: 2, cols: 3, values: cells))
    }

    /// Budgets of 200 pulses, except the devices in `failedAt`, which failed at their budget.
    static func devices(row: Int, col: Int, pulses: [Double], failedAt: [Int]) -> TileDevices {
        let budgets = pulses.indices.map { failedAt.contains($0) ? pulses[$0] : 200.0 }
        return TileDevices(index: TileIndex(row: row, col: col), pulses: pulses, budgets: budgets,
                           failed: pulses.indices.map { failedAt.contains($0) })
    }
}

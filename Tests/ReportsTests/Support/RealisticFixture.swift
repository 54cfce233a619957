import Foundation
@testable import Reports

/// A run of realistic size for the SVG, HTML and screenshot checks: a 64-128-10 network
/// on 64 × 64 tiles (two hidden tiles of 8192 devices, two readout tiles of 1280), 5400
/// samples in five tasks, wear drawn from a fixed seed so that a few devices fail.
enum RealisticFixture {
    /// SplitMix64: a tiny deterministic generator (no dependency on DeviceKit's).
    struct Mix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
        /// Standard normal (Box–Muller).
        mutating func gaussian() -> Double { (-2 * log(max(unit(), 1e-300))).squareRoot() * cos(2 * .pi * unit()) }
    }

    static let samples = 5400
    static let window = 100

    static func make() -> RunReportData {
        var rng = Mix(state: 2026)
        var wear: [LayerWear] = []
        var lifetime: [LayerDevices] = []
        var failureSamples: [Int] = []
        for (name, inputs, outputs, rate) in [("hidden", 64, 128, 1.0), ("readout", 128, 10, 2.5)] {
            var tiles: [TileWear] = []
            var devices: [TileDevices] = []
            for tr in 0..<((inputs + 63) / 64) {
                for tc in 0..<((outputs + 63) / 64) {
                    let rows = min(64, inputs - tr * 64), cols = min(64, outputs - tc * 64)
                    var pulses: [Double] = [], budgets: [Double] = [], failed: [Bool] = [], cells: [Double] = []
                    for r in 0..<rows {
                        // Inputs near the 8×8 image border are rarely active: less wear.
                        let pixel = (tr * 64 + r) % 64
                        let border = min(pixel % 8, 7 - pixel % 8, pixel / 8, 7 - pixel / 8)
                        let rowFactor = name == "hidden" ? 0.15 + 0.45 * Double(border) : 1
                        for c in 0..<cols {
                            let colFactor = 0.6 + 0.8 * Double((tc * 64 + c) % 7) / 6
                            var cell = 0.0
                            for _ in 0..<2 {
                                let mean = 900 * rate * rowFactor * colFactor
                                let n = max(0, (mean * (1 + 0.35 * rng.gaussian())).rounded())
                                let budget = exp(log(8000.0) + 0.5 * rng.gaussian())
                                let dead = n >= budget
                                pulses.append(n); budgets.append(budget); failed.append(dead)
                                if dead { failureSamples.append(Int(Double(samples) * budget / max(n, 1))) }
                                cell += n
                            }
                            cells.append(cell)
                        }
                    }
                    let set = pulses.reduce(0, +) * 0.56
                    tiles.append(TileWear(
                        index: TileIndex(row: tr, col: tc), devices: pulses.count,
                        histogram: PulseHistogram(values: pulses, bins: 16),
                        meanPulsesPerDevice: pulses.reduce(0, +) / Double(pulses.count),
                        maxPulsesPerDevice: pulses.max() ?? 0, failedDevices: failed.filter { $0 }.count,
                        setPulses: set.rounded(), resetPulses: (pulses.reduce(0, +) - set).rounded(),
                        wastedPulses: Double(failed.filter { $0 }.count * 37),
                        heatMap: WearGrid(quantity: .pulses, rows: rows, cols: cols, values: cells)))
                    devices.append(TileDevices(index: TileIndex(row: tr, col: tc), pulses: pulses, budgets: budgets, failed: failed))
                }
            }
            wear.append(LayerWear(name: name, tiles: tiles))
            lifetime.append(LayerDevices(name: name, tiles: devices))
        }
        failureSamples.sort()

        let taskLength = samples / 5
        var accuracy: [AccuracyPoint] = [], energyWindows: [EnergyWindow] = [], failures: [FailurePoint] = []
        var correct = 0.0
        for end in stride(from: window, through: samples, by: window) {
            let inTask = Double((end - 1) % taskLength) / Double(taskLength)
            let failedSoFar = failureSamples.filter { $0 <= end }.count
            let w = min(0.95, 0.35 + 0.5 * (1 - exp(-6 * inTask)) + 0.04 * rng.gaussian()) - 0.00002 * Double(failedSoFar)
            correct += w * Double(window)
            accuracy.append(AccuracyPoint(sample: end, prequential: correct / Double(end), window: w))
            let writeScale = 0.4 + 0.6 * exp(-4 * inTask)
            energyWindows.append(EnergyWindow(
                sample: end, samples: window,
                perSamplePicojoules: [1760 + 40 * rng.gaussian(), 5400 + 90 * rng.gaussian(), 160, 5100, 2600 * writeScale, 9800 * writeScale],
                pulsesPerSample: 2100 * writeScale))
            failures.append(FailurePoint(sample: end, failedDevices: failedSoFar))
        }
        let tasks = (1...5).map { "task \($0)" }
        func taskAccuracy(after i: Int, on j: Int) -> Double {
            if j == i { return 0.86 - 0.02 * Double(i) }
            if j < i { return max(0.2, 0.8 - 0.12 * Double(i - j)) }
            return 0.1 + 0.02 * Double(j)
        }
        let r: [[Double]] = (0..<5).map { i in (0..<5).map { j in taskAccuracy(after: i, on: j) } }
        return RunReportData(
            run: RunMetadata(id: 12, preset: "rram", seed: 7, input: "digits_stream.csv (5 tasks)",
                             startedAtUnixSeconds: 1_767_312_000, endedAtUnixSeconds: 1_767_312_041,
                             samples: samples, windowSamples: window, version: "0.1.0", status: "finished",
                             configText: "preset: rram\nseed: 7\nnetwork:\n  layers: [64, 128, 10]\n  timesteps: 16\n"),
            accuracy: accuracy,
            energy: EnergySeries(components: ["crossbar read", "ADC", "DAC", "neuron", "learning logic", "write"],
                                 windows: energyWindows),
            hardware: HardwareMetrics(opsPerSample: 186_880, latencyPerSampleSeconds: 4.1e-5, tops: 0.0046,
                                      topsPerWatt: 1.9, topsPerSquareMillimetre: 0.012),
            wear: wear, failures: failures,
            windowClosure: failures.map { WindowClosurePoint(sample: $0.sample, meanEffectiveWindow: 1 - 0.25 * pow(Double($0.sample) / Double(samples), 2)) },
            events: (1..<5).map { ReportEvent(sample: $0 * taskLength, kind: .taskBoundary, detail: "task \($0 + 1)") }
                + failureSamples.map { ReportEvent(sample: min($0, samples), kind: .failure, detail: "device failed") }
                .sorted { $0.sample < $1.sample },
            continual: ContinualResults(taskNames: tasks, r: r, baseline: [0.1, 0.1, 0.1, 0.1, 0.1]),
            lifetime: LifetimeInput(samples: samples, layers: lifetime))
    }
}

import Testing
import XMLTestSupport
@testable import Reports

@Suite struct SweepReportTests {
    /// 2 ADC widths × 2 presets × 2 seeds, numbers chosen so the aggregates are easy by hand.
    static let data: SweepReportData = {
        var runs: [SweepReportData.Run] = []
        var index = 0
        for adc in ["4", "8"] {
            for preset in ["rram", "ideal"] {
                for seed in ["1", "2"] {
                    let base = (adc == "8" ? 0.1 : 0) + (preset == "ideal" ? 0.05 : 0)
                    runs.append(.init(runIndex: index, runId: Int64(index + 1), axes: [adc, preset, seed],
                                      accuracy: 0.7 + base + (seed == "2" ? 0.02 : 0),
                                      energyPerSamplePicojoules: adc == "8" ? 200 : 100,
                                      pulsesPerSample: preset == "ideal" ? 800 : 200,
                                      lifetimeSeconds: preset == "ideal" ? .infinity : 3600 * (adc == "8" ? 10 : 100)))
                    index += 1
                }
            }
        }
        return SweepReportData(name: "t", axisKeys: ["hardware.crossbar.adcBits", "preset", "seed"], runs: runs,
                               planned: 8, samplesPerSecond: 100)
    }()

    @Test func configurationsPoolSeedsAsMeanAndSampleStd() {
        let configs = Self.data.configurations
        #expect(configs.map(\.values) == [["4", "rram"], ["4", "ideal"], ["8", "rram"], ["8", "ideal"]])
        let first = configs[0].accuracy
        #expect(first.count == 2)
        #expect(abs(first.mean - 0.71) < 1e-12)
        #expect(abs(first.std - (0.0002).squareRoot()) < 1e-12)   // ((0.01² + 0.01²)/1)^½
        #expect(MeanStd([5]).std == 0)
    }

    @Test func paretoFrontKeepsOnlyUndominatedPoints() {
        // (accuracy, energy): C beats B on both; A cheapest; D most accurate.
        let a = [0.70, 0.72, 0.75, 0.90, 0.74], e = [100.0, 300, 200, 400, 200]
        #expect(ParetoFront.indices(a: a, b: e) == [0, 2, 3])
        // Maximizing both: lifetime 10, 20, 5 with accuracies .9, .8, .95 → all three are on it.
        #expect(ParetoFront.indices(a: [0.9, 0.8, 0.95], b: [10, 20, 5], maximizeB: true) == [2, 0, 1])
        #expect(ParetoFront.indices(a: [0.9, 0.8], b: [20, 10], maximizeB: true) == [0])
    }

    @Test func documentHasHeatMapsPerMetricAndParetoTables() {
        let doc = SweepReport.document(Self.data)
        #expect(doc.sections.map(\.title) == ["Sweep", "Trade-offs", "Pareto fronts", "Every configuration"])
        let files = doc.charts.map(\.fileName)
        #expect(files.filter { $0.hasSuffix("-hardware-crossbar-adcBits-preset.svg") }.count == 4)
        #expect(files.contains("sweep-pareto-energy.svg") && files.contains("sweep-pareto-lifetime.svg"))
        for chart in doc.charts {
            let svg = chart.canvas.render(standalone: true)
            #expect(XMLCheck.problem(svg) == nil, "\(chart.fileName): \(XMLCheck.problem(svg) ?? "")")
        }
        let markdown = SweepReport.markdown(Self.data)["sweep.md"] ?? ""
        // Energy front: (4, rram) 0.71 @100, (4, ideal) 0.76 @100 dominates it; (8, ideal) 0.86 @200.
        #expect(markdown.contains("""
            | 4 | ideal | 2 | 0.7600 ± 0.0141 | 100 ± 0 | 800 ± 0 | never |
            | 8 | ideal | 2 | 0.8600 ± 0.0141 | 200 ± 0 | 800 ± 0 | never |

            ![Accuracy against projected lifetime
            """))
        #expect(markdown.contains("| 4 | rram | 2 | 0.7100 ± 0.0141 | 100 ± 0 | 200 ± 0 | 4.17 days |"))
    }

    @Test func csvHasOneRowPerRunAndPerConfiguration() {
        let files = SweepReport.csv(Self.data)
        #expect(files["sweep-runs.csv"]?.split(separator: "\n").count == 9)
        #expect(files["sweep-configurations.csv"]?.split(separator: "\n").count == 5)
    }
}

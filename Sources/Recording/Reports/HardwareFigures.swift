import CrossbarKit
import Foundation
import Reports
import Store

/// TOPS, TOPS/W, TOPS/mm² and latency per sample of the run's chip: from the run's summary
/// (`summaryJSON` of a finished `spikebar run`, which the cost model filled over the whole
/// run, `--eval` samples included), else by pricing the summed counts of the recorded
/// windows with the run's cost model (an experiment, or a run that did not finish). MACs
/// per sample always come from the windows.
enum HardwareFigures {
    /// The figures, or `nil` when neither source is available.
    static func metrics(summaryJSON: String?, windows: [EnergyWindowRecord], costModel: CostModel?) -> HardwareMetrics? {
        let totals = WindowEnergy.totals(windows)
        let samples = Double(windows.reduce(0) { $0 + $1.samples })
        let macsPerSample = samples > 0 ? totals.macs / samples : nil
        if let s = summary(summaryJSON) {
            return HardwareMetrics(opsPerSample: macsPerSample, latencyPerSampleSeconds: s.latencyMicroseconds / 1e6,
                                   tops: s.tops, topsPerWatt: s.topsPerWatt, topsPerSquareMillimetre: s.topsPerSquareMillimetre)
        }
        guard let costModel, samples > 0 else { return nil }
        let r = costModel.report(totals, samples: samples)
        return HardwareMetrics(opsPerSample: macsPerSample, latencyPerSampleSeconds: r.latencyMicrosecondsPerSample / 1e6,
                               tops: r.tops, topsPerWatt: r.topsPerWatt, topsPerSquareMillimetre: r.topsPerSquareMillimetre)
    }

    /// The cost figures of a `spikebar run` summary; `nil` for any other summary.
    struct Summary: Decodable {
        var latencyMicroseconds: Double
        var tops: Double
        var topsPerWatt: Double
        var topsPerSquareMillimetre: Double
    }

    static func summary(_ json: String?) -> Summary? {
        json.flatMap { try? JSONDecoder().decode(Summary.self, from: Data($0.utf8)) }
    }
}

import Settings
import CrossbarKit
import Foundation
import SpikingKit

extension RunSession {
    /// What everything `learner` did so far costs on the chip of `config` (its cost preset,
    /// its device and periphery, the network's layout). A resumed learner's totals cover the
    /// whole run (``ResumePoint/apply(to:)`` carries them over).
    public static func costReport(learner: OnlineLearner, config: ResolvedConfig) -> CostReport {
        CostModel(config: config, network: learner.network).report(learner.totals, samples: Double(learner.samplesSeen))
    }
}

extension RunSummary {
    /// Copies the hardware metrics of `report` into the summary.
    mutating func record(_ report: CostReport, costPreset: String) {
        self.costPreset = costPreset
        energyPicojoules = report.energyPicojoules
        energyPicojoulesPerSample = report.energyPicojoulesPerSample
        energyBreakdown = report.energy
        latencyMicroseconds = report.latencyMicrosecondsPerSample
        latencyBreakdown = report.latency.scaled(by: report.samples > 0 ? 1 / report.samples : 0)
        tops = report.tops
        topsPerWatt = report.topsPerWatt
        topsPerSquareMillimetre = report.topsPerSquareMillimetre
        areaSquareMillimetres = report.area.totalSquareMillimetres
    }

    /// The energy, latency and throughput lines of the text summary.
    var costLines: [String] {
        // The breakdown is the run's total; scale it to one sample.
        let perSample = energyPicojoules > 0 ? energyPicojoulesPerSample / energyPicojoules : 0
        let b = energyBreakdown.scaled(by: perSample)
        func nj(_ pj: Double) -> String { String(format: "%.2f", pj / 1000) }
        return [
            "energy           \(nj(energyPicojoulesPerSample)) nJ/sample (read \(nj(b.readPicojoules)), neuron \(nj(b.neuronPicojoules)), learning \(nj(b.learningLogicPicojoules)), write \(nj(b.writePathPicojoules)))   cost \(costPreset)",
            "latency          \(String(format: "%.2f", latencyMicroseconds)) µs/sample   \(String(format: "%.4g", tops)) TOPS   \(String(format: "%.4g", topsPerWatt)) TOPS/W   \(String(format: "%.4g", topsPerSquareMillimetre)) TOPS/mm² on \(String(format: "%.3f", areaSquareMillimetres)) mm²",
        ]
    }
}

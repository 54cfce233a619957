import CrossbarKit
import Foundation
import Reports
import Store

/// Energy per window from the `energyWindow` rows: each window's `energyBreakdownJSON`
/// (priced by the run's cost preset when it was recorded) divided by the window's samples
/// gives pJ per sample by component; `pulses / samples` the wear rate. A window recorded
/// without prices is priced here from its counts with the run's cost model, when the run's
/// configuration could be rebuilt.
enum WindowEnergy {
    /// Report names of the cost model's components (``EnergyBreakdown/fields``), in its order.
    static let componentNames: [String: String] = [
        "crossbarCells": "crossbar cells", "adc": "ADC", "dacRowDrivers": "DAC and row drivers",
        "columnMux": "column mux", "accumulation": "partial-sum adds", "interconnect": "interconnect and buffers",
        "neuron": "neurons", "learningLogic": "learning logic", "writePulses": "write pulses",
        "verifyReads": "verify reads", "refresh": "refresh",
    ]

    /// The series. Components that cost nothing in every window (refresh without a
    /// potentiate-only pair, verify reads without write-verify) are left out of it.
    static func series(_ rows: [EnergyWindowRecord], runId: Int64, costModel: CostModel?) throws -> EnergySeries {
        let breakdowns = try rows.map { try breakdown($0, runId: runId, costModel: costModel) }
        let fields = EnergyBreakdown.fields.filter { f in breakdowns.contains { $0[keyPath: f.keyPath] != 0 } }
        let windows = zip(rows, breakdowns).map { r, b in
            let n = Double(max(r.samples, 1))
            return EnergyWindow(sample: r.lastSample + 1, samples: r.samples,
                                perSamplePicojoules: fields.map { b[keyPath: $0.keyPath] / n },
                                pulsesPerSample: r.pulses / n)
        }
        return EnergySeries(components: fields.map { componentNames[$0.name] ?? $0.name }, windows: windows)
    }

    /// A window's energy by component over all its samples, pJ.
    static func breakdown(_ r: EnergyWindowRecord, runId: Int64, costModel: CostModel?) throws -> EnergyBreakdown {
        if let json = r.energyBreakdownJSON {
            guard let b = try? JSONDecoder().decode(EnergyBreakdown.self, from: Data(json.utf8)) else {
                throw ReportError.badRecord(runId: runId, what: "energyBreakdownJSON of window \(r.windowIndex) does not decode")
            }
            return b
        }
        guard let costModel else {
            throw ReportError.badRecord(runId: runId, what: "window \(r.windowIndex) is not priced and the run's cost model could not be rebuilt")
        }
        return costModel.report(r.counts, samples: Double(r.samples)).energy
    }

    /// Every window's counts summed: what the chip did over the recorded run.
    static func totals(_ rows: [EnergyWindowRecord]) -> OperationCounts {
        rows.reduce(into: OperationCounts()) { $0 += $1.counts }
    }
}

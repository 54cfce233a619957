import Foundation
import GRDB
import Reports
import Store

/// Builds ``SweepReportData`` from a merged sweep database (`spikebar sweep` → sweep.sqlite):
/// the `sweep` row names the axes, each finished `sweepRun` row gives a run's axis values,
/// and each run's own report input (``RunReportLoader``) its energy, pulses and lifetime;
/// accuracy is the run summary's `evalAccuracy` when it evaluated a held-out set, else its
/// `prequentialAccuracy`.
public struct SweepReportLoader {
    public let runs: RunReportLoader

    public init(runs: RunReportLoader) {
        self.runs = runs
    }

    public func load(options: ReportOptions) throws -> (data: SweepReportData, notes: [String]) {
        let store = runs.store
        guard let sweep = try store.read({ db in try SweepRecord.fetchOne(db, sql: "SELECT * FROM sweep ORDER BY id DESC LIMIT 1") }),
              let sweepId = sweep.id else {
            throw ReportError.noSweep(database: store.path)
        }
        let axisKeys = (try? JSONDecoder().decode([String].self, from: Data(sweep.axesJSON.utf8))) ?? []
        let rows = try store.read { db in
            try SweepRunRecord.fetchAll(db, sql: "SELECT * FROM sweepRun WHERE sweepId = ? AND runId IS NOT NULL ORDER BY runIndex", arguments: [sweepId])
        }
        var notes: [String] = []
        var points: [SweepReportData.Run] = []
        for row in rows {
            guard let runId = row.runId else { continue }
            let input = try runs.load(runId: runId)
            notes += input.notes.map { "run \(runId): \($0)" }
            let comparison = ComparisonReport.Row(input.data, options: options)
            let summary = (try? JSONSerialization.jsonObject(with: Data((try store.run(id: runId).summaryJSON ?? "{}").utf8))) as? [String: Any] ?? [:]
            let accuracy = summary["evalAccuracy"] as? Double ?? summary["prequentialAccuracy"] as? Double ?? comparison.finalPrequential ?? .nan
            let axes = Self.axisValues(row.axesJSON, keys: axisKeys)
            points.append(.init(runIndex: row.runIndex, runId: runId, axes: axes, accuracy: accuracy,
                                energyPerSamplePicojoules: comparison.energyPerSamplePicojoules,
                                pulsesPerSample: comparison.pulsesPerSample,
                                lifetimeSeconds: comparison.secondsToFraction.map { $0[1] }))
        }
        return (SweepReportData(name: sweep.name, axisKeys: axisKeys, runs: points, planned: sweep.plannedRuns,
                                samplesPerSecond: options.samplesPerSecond), notes)
    }

    /// The values of `{"key": "value", …}` in `keys` order.
    static func axisValues(_ json: String, keys: [String]) -> [String] {
        let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: String] ?? [:]
        return keys.map { object[$0] ?? "" }
    }
}

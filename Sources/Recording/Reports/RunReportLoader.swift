import Settings
import Foundation
import Reports
import Store

/// A run's report input, and what could not be derived for it.
public struct RunReportInput: Sendable {
    public var data: RunReportData
    /// Parts left out, one sentence each (`spikebar report` prints them on stderr).
    public var notes: [String]
    /// A reading-stream run with a known reading rate: its windows (samples) per second of
    /// real time, `stream.readingsPerSecond / stream.hop` — the rate its lifetime is projected at.
    public var windowsPerSecond: Double?
}

/// Builds ``RunReportData`` from a Spikebar database: the adapter between the Store and the
/// pure Reports module.
///
/// | report part | from |
/// |---|---|
/// | run | the `run` row (its YAML snapshot is the effective configuration) |
/// | accuracy | `accuracyWindow` (cumulative prequential and per-window accuracy) |
/// | energy, pulses per sample | `energyWindow` (`energyBreakdownJSON` / samples, `pulses` / samples) |
/// | TOPS, TOPS/W, latency | the run's summary, else the summed window counts priced by the cost model |
/// | wear per tile, histograms | the newest `wearSnapshot` rows |
/// | heat maps | their `pulseMapBlob` (end of run), else the newest checkpoint when taken at the same sample |
/// | failed devices against samples | devices stuck from the start + `energyWindow.failures` cumulated |
/// | window closure | the fresh network and every kept checkpoint (wear-out on only) |
/// | events | `event` rows: failures (thinned), task boundaries, bad input, errors |
/// | continual results | `taskEval` rows (`afterTask = -1`: untrained baseline) |
/// | lifetime input | the newest checkpoint restored into the run's rebuilt network: per-device pulses, budgets, status |
///
/// The rebuilt network (``ReportLearner``) needs the run's configuration snapshot and the
/// `Configs/` folder (for the cost preset, by name). When it cannot be rebuilt, or the run
/// has no checkpoint, the report still has its windows, wear and events, and ``RunReportInput/notes``
/// says what is missing.
public struct RunReportLoader {
    public let store: RecordStore
    public let loader: ConfigLoader
    /// At most this many checkpoints are restored for the window-closure series.
    public var maxClosureCheckpoints = 32

    public init(store: RecordStore, loader: ConfigLoader) {
        self.store = store
        self.loader = loader
    }

    /// The run with this id, or the latest run when `id` is nil.
    public func run(id: Int64?) throws -> RunRecord {
        if let id { return try store.run(id: id) }
        guard let run = try store.latestRun() else { throw ReportError.noRuns(database: store.path) }
        return run
    }

    public func load(runId: Int64?) throws -> RunReportInput {
        let run = try self.run(id: runId)
        let records = try store.records(of: run)
        let id = records.runId
        guard !records.wear.isEmpty else { throw ReportError.nothingRecorded(runId: id, database: store.path) }
        guard !records.energy.isEmpty else {
            throw ReportError.noClosedWindow(runId: id, database: store.path, samplesRecorded: run.samplesRecorded)
        }
        var notes: [String] = []
        var rebuilt: ReportLearner?
        do { rebuilt = try ReportLearner(run: run, wear: records.wear, loader: loader) } catch {
            notes.append("the run's network could not be rebuilt (\(error)): no lifetime projection, window closure or re-pricing")
        }
        let costModel = rebuilt?.costModel
        let endurance = rebuilt?.config.hardware.preset.endurance.isEnabled ?? false

        // The fresh network, then each checkpoint in order: the last one restored stays.
        let initiallyFailed = rebuilt?.network.failedDevices ?? Self.initiallyFailed(records)
        var closure = endurance && rebuilt != nil ? [WindowClosurePoint(sample: 0, meanEffectiveWindow: NetworkWear.meanEffectiveWindow(rebuilt!.network))] : []
        var restoredAt: Int?
        if let rebuilt {
            for cp in closureCheckpoints(records.checkpoints, all: endurance) {
                do {
                    try rebuilt.restore([UInt8](try store.checkpoint(id: cp.id).stateBlob))
                } catch {
                    notes.append("checkpoint at sample \(cp.sequence) could not be restored (\(error))")
                    restoredAt = nil
                    break
                }
                restoredAt = cp.sequence
                if endurance { closure.append(WindowClosurePoint(sample: cp.sequence, meanEffectiveWindow: NetworkWear.meanEffectiveWindow(rebuilt.network))) }
            }
        }
        if !endurance || restoredAt == nil { closure = [] }   // one point at sample 0 says nothing

        let wearSample = records.wear[0].sample
        var lifetime: LifetimeInput
        if let rebuilt, let at = restoredAt {
            lifetime = NetworkWear.lifetimeInput(rebuilt.network, samples: at)
            if at != wearSample { notes.append("the lifetime projection uses the checkpoint at sample \(at), the wear tables the snapshot at sample \(wearSample)") }
        } else {
            lifetime = LifetimeInput(samples: 0, layers: [])
            if rebuilt != nil { notes.append("no checkpoint to read per-device wear from: no lifetime projection") }
        }
        let lifetimeRows = try store.lifetimeRecords(runId: id)
        lifetime = LifetimeRecords.attachRecent(lifetimeRows.recent, to: lifetime, notes: &notes)
        let gridSource = restoredAt == wearSample ? rebuilt : nil
        let wear = try SnapshotWear.layers(records.wear, runId: id, names: rebuilt?.network.crossbarNames) { l, tile in
            gridSource.map { NetworkWear.pulseGrid($0.network.layers[l], tile: tile) }
        }
        if wear.contains(where: { $0.tiles.contains { $0.heatMap == nil } }) {
            notes.append("no per-synapse pulse map at sample \(wearSample) (the run did not finish and no checkpoint was taken there): heat maps left out")
        }

        let samples = records.samples
        var data = RunReportData(
            run: Self.metadata(records, windowSamples: rebuilt?.config.run.recording.windowSamples),
            accuracy: StreamSeries.accuracy(records.accuracy),
            energy: try WindowEnergy.series(records.energy, runId: id, costModel: costModel),
            hardware: HardwareFigures.metrics(summaryJSON: run.summaryJSON, windows: records.energy, costModel: costModel),
            wear: wear,
            failures: StreamSeries.failures(records.energy, initiallyFailed: initiallyFailed),
            windowClosure: closure,
            events: StreamSeries.events(records.events, samples: samples),
            continual: ContinualRecords.results(records.taskEvals, events: records.events, notes: &notes),
            lifetime: lifetime)
        data.strategy = StrategyRecords.result(summaryJSON: run.summaryJSON)
        data.lifetimeControl = LifetimeRecords.control(
            lifetimeRows.windows, config: rebuilt?.config.run.engine.learning.lifetime,
            names: rebuilt?.network.crossbarNames ?? NetworkWear.layerNames(records.wear.map(\.layer).max().map { $0 + 1 } ?? 0),
            events: records.events)
        data.neuroBench = NeuroBenchRecords.metrics(summaryJSON: run.summaryJSON)
        let programming = try store.programmingRecords(runId: id).map(Self.programmingLayer)
        data.programming = programming.isEmpty ? nil : programming
        let stream = rebuilt?.config.run.stream
        return RunReportInput(data: data, notes: notes,
                              windowsPerSecond: stream?.mode == .readings ? stream?.windowsPerSecond : nil)
    }

    /// The checkpoints to restore: every kept one (at most ``maxClosureCheckpoints``, evenly
    /// spaced, always the newest) when the window closure is wanted, else only the newest.
    func closureCheckpoints(_ all: [CheckpointListing], all wanted: Bool) -> [CheckpointListing] {
        guard let last = all.last else { return [] }
        guard wanted, all.count > 1 else { return [last] }
        let n = min(all.count, maxClosureCheckpoints)
        let picked = (0..<n).map { all[($0 * (all.count - 1)) / max(n - 1, 1)] }
        return picked.last == last ? picked : picked + [last]
    }

    /// Devices failed before any window, when the network cannot be rebuilt: the newest
    /// snapshot's failed devices minus the wear-out failures recorded in the windows.
    static func initiallyFailed(_ r: RunRecords) -> Int {
        let failed = r.wear.reduce(0) { $0 + $1.failed }
        let wornOut = r.energy.filter { $0.lastSample < r.wear[0].sample }.reduce(0.0) { $0 + $1.failures }
        return max(0, failed - Int(wornOut))
    }

    /// The run row, with the labelled samples scored (every sample of a labelled stream; the
    /// x axes count every sample processed, by its position in the stream).
    static func metadata(_ r: RunRecords, windowSamples: Int?) -> RunMetadata {
        let run = r.run
        let width = windowSamples ?? r.accuracy.first.map { $0.lastSample - $0.firstSample + 1 } ?? 0
        return RunMetadata(
            id: r.runId, preset: run.preset, seed: run.seed, input: run.input,
            startedAtUnixSeconds: run.startedAt.timeIntervalSince1970, endedAtUnixSeconds: run.endedAt?.timeIntervalSince1970,
            samples: r.accuracy.reduce(0) { $0 + $1.samples }, windowSamples: width, version: run.version, status: run.status.rawValue,
            configText: run.configYAML)
    }
}

import AppTestSupport
import CrossbarKit
import Foundation
import GRDB
import Reports
import Testing
@testable import Runtime
@testable import Recording
@testable import Store

/// The database → report adapter on runs recorded in-process: every series is checked
/// against the run's own totals and the network's shape.
@Suite struct RunReportLoaderTests {
    /// 64-32-10 on 16 × 16 tiles: layer 0 is 4 × 2 tiles, layer 1 (32 × 10) 2 × 1.
    static let tiled = quickSets + ["hardware.crossbar.tileRows=16", "hardware.crossbar.tileCols=16"]

    struct Recorded {
        let dir: TempDir
        let store: RecordStore
        let summary: RunSummary
        let id: Int64
        func load() throws -> RunReportInput { try RunReportLoader(store: store, loader: Repo.loader).load(runId: id) }
    }

    static func record(samples: Int = 130, sets: [String] = tiled) throws -> Recorded {
        let dir = try TempDir()
        let store = try RecordStore.open(path: dir.path("run.sqlite"))
        let (summary, recorder) = try recordedRun(input: try dir.digits(samples), store: store, sets: sets)
        return Recorded(dir: dir, store: store, summary: summary, id: try #require(recorder.runId))
    }

    @Test func seriesCoverTheRunAndAddUpToItsTotals() throws {
        let r = try Self.record()
        defer { r.dir.cleanup() }
        let input = try r.load()
        let data = input.data
        #expect(input.notes.isEmpty, "\(input.notes)")
        #expect(data.run.id == r.id && data.run.samples == 130 && data.run.windowSamples == 25 && data.run.status == "finished")

        // Windows of 25 over 130 samples: five full ones and a last one of 5, every sample once.
        #expect(data.accuracy.map(\.sample) == [25, 50, 75, 100, 125, 130])
        #expect(data.accuracy.last?.prequential == r.summary.prequentialAccuracy)
        #expect(data.energy.windows.map(\.sample) == [25, 50, 75, 100, 125, 130])
        #expect(data.energy.samples == 130)

        // Energy per window (per-sample values × window samples) sums to the run's energy.
        let total = data.energy.totalPicojoules.reduce(0, +)
        #expect(r.summary.energyPicojoules > 0)
        #expect(abs(total - r.summary.energyPicojoules) <= 1e-9 * r.summary.energyPicojoules)
        #expect(abs(data.energy.meanPulsesPerSample * 130 - r.summary.pulses) <= 1e-6 * r.summary.pulses)
        #expect(data.energy.components.contains("write pulses") && !data.energy.components.contains("refresh"))

        // Hardware figures are the summary's.
        let hw = try #require(data.hardware)
        #expect(hw.tops == r.summary.tops && hw.topsPerWatt == r.summary.topsPerWatt)
        #expect(hw.latencyPerSampleSeconds == r.summary.latencyMicroseconds / 1e6)

        #expect(data.failures.first?.sample == 0 && data.failures.last?.sample == 130)
        #expect(data.failures.last?.failedDevices == r.summary.failedDevices)
        #expect(data.events.isEmpty)
        #expect(data.continual == nil)
    }

    @Test func wearAndLifetimeInputHaveTheNetworkShape() throws {
        let r = try Self.record()
        defer { r.dir.cleanup() }
        let data = try r.load().data
        let synapses = 64 * 32 + 32 * 10
        #expect(data.wear.map(\.name) == ["hidden 1", "readout"])
        #expect(data.wear.map { $0.tiles.map(\.index.label) } == [["0,0", "0,1", "1,0", "1,1", "2,0", "2,1", "3,0", "3,1"], ["0,0", "1,0"]])
        #expect(data.deviceCount == 2 * synapses && data.deviceCount == r.summary.devices)
        for layer in data.wear {
            for t in layer.tiles {
                let grid = try #require(t.heatMap)
                #expect(grid.rows == 16 && grid.cols == (layer.name == "readout" ? 10 : 16))
                #expect(t.devices == 2 * grid.rows * grid.cols)
                #expect(t.histogram.counts.reduce(0, +) == t.devices)
                #expect(grid.values.reduce(0, +) == t.setPulses + t.resetPulses)
            }
        }
        #expect(data.wear.reduce(0) { $0 + $1.setPulses + $1.resetPulses } == r.summary.pulses)

        // The lifetime input: every device of both populations, by the same layers and tiles.
        let lifetime = data.lifetime
        #expect(lifetime.samples == 130)
        #expect(lifetime.layers.map(\.name) == data.wear.map(\.name))
        #expect(lifetime.layers.map { $0.tiles.map(\.index) } == data.wear.map { $0.tiles.map(\.index) })
        #expect(lifetime.layers.flatMap(\.tiles).map(\.count).reduce(0, +) == 2 * synapses)
        for (l, layer) in lifetime.layers.enumerated() {
            for (k, t) in layer.tiles.enumerated() {
                #expect(t.count == data.wear[l].tiles[k].devices)
                #expect(t.pulses.reduce(0, +) == data.wear[l].tiles[k].setPulses + data.wear[l].tiles[k].resetPulses)
                #expect(t.budgets.allSatisfy { $0 > 0 && $0.isFinite })   // rram: wear-out on
            }
        }
        // Bidirectional pairs: G⁻ (every second device) is never pulsed, so it never wears out.
        let devices = lifetime.layers.flatMap(\.tiles)
        #expect(devices.allSatisfy { t in stride(from: 1, to: t.count, by: 2).allSatisfy { t.pulses[$0] == 0 } })
        #expect(LifetimeProjection(lifetime, samplesPerSecond: 100).chip.devices == 2 * synapses)
    }

    @Test func heatMapsFromTheCheckpointEqualTheEndOfRunPulseMaps() throws {
        let r = try Self.record()
        defer { r.dir.cleanup() }
        let fromBlobs = try r.load().data
        try r.store.write { db in try db.execute(sql: "UPDATE wearSnapshot SET pulseMapBlob = NULL") }
        let rebuilt = try r.load()
        #expect(rebuilt.notes.isEmpty, "\(rebuilt.notes)")
        #expect(rebuilt.data.wear == fromBlobs.wear)
        #expect(rebuilt.data.wear.allSatisfy { $0.tiles.allSatisfy { $0.heatMap != nil } })
    }

    @Test func withoutACheckpointTheLifetimeIsLeftOutWithANote() throws {
        let r = try Self.record()
        defer { r.dir.cleanup() }
        try r.store.write { db in try db.execute(sql: "DELETE FROM checkpoint") }
        let input = try r.load()
        #expect(input.data.lifetime.devices == 0 && input.data.windowClosure.isEmpty)
        #expect(input.notes == ["no checkpoint to read per-device wear from: no lifetime projection"])
        // Everything else comes from the windows and the wear snapshot, heat maps included.
        #expect(input.data.wear.allSatisfy { $0.tiles.allSatisfy { $0.heatMap != nil } })
        #expect(input.data.accuracy.count == 6)
    }

    @Test func withoutASummaryTheWindowsArePricedWithTheRunsCostModel() throws {
        let r = try Self.record()
        defer { r.dir.cleanup() }
        try r.store.write { db in try db.execute(sql: "UPDATE run SET summaryJSON = NULL") }
        let hw = try #require(try r.load().data.hardware)
        func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) <= 1e-9 * abs(b) } ?? false }
        #expect(close(hw.tops, r.summary.tops) && close(hw.topsPerWatt, r.summary.topsPerWatt))
        #expect(close(hw.topsPerSquareMillimetre, r.summary.topsPerSquareMillimetre))
        #expect(close(hw.latencyPerSampleSeconds, r.summary.latencyMicroseconds / 1e6))
    }

    @Test func wornOutDevicesShowAsFailuresMarkersAndAClosingWindow() throws {
        // A budget of ~40 pulses: devices wear out within the run and their windows close.
        let r = try Self.record(samples: 200, sets: Self.tiled + ["hardware.endurance.medianPulses=40",
                                                                  "recording.keepCheckpoints=0"])
        defer { r.dir.cleanup() }
        let data = try r.load().data
        #expect(r.summary.failedDevices > 0)
        #expect(data.failures.last?.failedDevices == r.summary.failedDevices)
        #expect(zip(data.failures, data.failures.dropFirst()).allSatisfy { $0.failedDevices <= $1.failedDevices })
        let markers = data.events.filter { $0.kind == .failure }
        #expect(!markers.isEmpty && markers.count <= StreamSeries.maxFailureMarkers)
        // Flushes every 40 samples (all checkpoints kept): the window at 0 and at each stored
        // checkpoint. A writer that falls behind merges queued flushes and keeps only the newest
        // checkpoint of the merge, so under load some multiples of 40 may be absent.
        let samples = data.windowClosure.map(\.sample)
        #expect(samples.first == 0 && samples.last == 200 && samples.count >= 3)
        #expect(samples.allSatisfy { $0 % 40 == 0 } && zip(samples, samples.dropFirst()).allSatisfy { $0 < $1 })
        #expect(data.windowClosure.first?.meanEffectiveWindow == 1)
        #expect(data.windowClosure.last!.meanEffectiveWindow < 1)
        let failedNow = LifetimeProjection(data.lifetime, samplesPerSecond: 100).chip.failedNow
        #expect(failedNow == r.summary.failedDevices)
    }

    @Test func continualResultsAreReadFromTaskEvalRows() throws {
        let r = try Self.record(samples: 60)
        defer { r.dir.cleanup() }
        let acc: [[Double]] = [[0.9, 0.1, 0.05], [0.6, 0.85, 0.1], [0.5, 0.7, 0.8]]
        try r.store.write { db in
            for j in 0..<3 { var b = TaskEvalRecord(runId: r.id, afterTask: -1, task: j, accuracy: 0.1, samples: 20); try b.insert(db) }
            for i in 0..<3 {
                for j in 0..<3 { var e = TaskEvalRecord(runId: r.id, afterTask: i, task: j, accuracy: acc[i][j], samples: 20); try e.insert(db) }
            }
            for (t, name) in [(0, "digits 0-4"), (1, "")] {
                var e = EventRecord(runId: r.id, sample: t * 20, kind: .taskBoundary,
                                    detailJSON: EventRecord.detail(["task": .int(t), "name": .string(name)]))
                try e.insert(db)
            }
        }
        let data = try r.load().data
        let c = try #require(data.continual)
        #expect(c.r == acc && c.baseline == [0.1, 0.1, 0.1])
        #expect(c.taskNames == ["digits 0-4", "task 1", "task 2"])
        #expect(data.events.filter { $0.kind == .taskBoundary }.map(\.detail) == ["digits 0-4", "task 1"])

        // A matrix without its last row (an experiment stopped early) is left out, with a note.
        try r.store.write { db in try db.execute(sql: "DELETE FROM taskEval WHERE afterTask = 2") }
        let partial = try r.load()
        #expect(partial.data.continual == nil)
        #expect(partial.notes.contains { $0.contains("2 of 3 complete rows") })
    }

    @Test func missingDatabaseRunOrRecordsAreClearErrors() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        #expect(throws: StoreError.self) { try RecordStore.openForReading(path: dir.path("nope.sqlite")) }
        let store = try RecordStore.open(path: dir.path("empty.sqlite"))
        let loader = RunReportLoader(store: store, loader: Repo.loader)
        #expect(throws: ReportError.noRuns(database: store.path)) { try loader.load(runId: nil) }
        let run = try store.createRun(RunRecord(startedAt: Date(), preset: "rram", seed: 1, version: "test", input: "x",
                                                passes: 1, requestJSON: "{}", configYAML: ""))
        #expect(throws: ReportError.nothingRecorded(runId: run.id!, database: store.path)) { try loader.load(runId: nil) }
        #expect(throws: StoreError.notFound(path: store.path, what: "run 9")) { try loader.load(runId: 9) }
    }

    /// A run whose flushes hold wear and a checkpoint but no closed window (a daemon stopped
    /// before its first window) is told apart from one that recorded nothing.
    @Test func aRunWithoutAClosedWindowSaysSoWithItsSampleCount() throws {
        let r = try Self.record(samples: 20)
        defer { r.dir.cleanup() }
        try r.store.write { db in
            try db.execute(sql: "DELETE FROM energyWindow")
            try db.execute(sql: "DELETE FROM accuracyWindow")
        }
        #expect(throws: ReportError.noClosedWindow(runId: r.id, database: r.store.path, samplesRecorded: 20)) { try r.load() }
        #expect(ReportError.noClosedWindow(runId: r.id, database: "d", samplesRecorded: 20).description.contains("20 recorded samples"))
    }
}

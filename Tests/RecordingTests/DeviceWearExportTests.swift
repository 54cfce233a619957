import AppTestSupport
import Foundation
import Testing
@testable import Recording
@testable import Store

/// `db export --table deviceWear` on runs recorded in-process: one row per device, and every
/// count adds up to what the run recorded independently (its summary, its end-of-run wear
/// snapshot and the snapshot's per-synapse pulse map).
@Suite struct DeviceWearExportTests {
    /// 64-128-10 (the shape) on 32 × 32 tiles: layer 0 (64 × 128) is 2 × 4 tiles,
    /// the readout (128 × 10) 4 × 1. Endurance budgets (median 10 pulses) low enough that
    /// some devices wear out and receive wasted pulses.
    static let sets = quickSets.filter { !$0.hasPrefix("network.layers") } + [
        "network.layers=0,128,10", "hardware.crossbar.tileRows=32", "hardware.crossbar.tileCols=32",
        "hardware.endurance.medianPulses=10", "hardware.endurance.spread=0.5",
    ]

    struct Row {
        var layer, tileRow, tileCol, row, col: Int
        var side: String
        var set, reset, wasted: Int
        var budget: Double
        var failed: Bool
        var siemens: Double
    }

    static func parse(_ line: String) throws -> Row {
        let f = line.split(separator: ",").map(String.init)
        try #require(f.count == 13, "\(line)")
        return Row(layer: Int(f[0])!, tileRow: Int(f[1])!, tileCol: Int(f[2])!, row: Int(f[3])!, col: Int(f[4])!, side: f[5],
                   set: Int(f[6])!, reset: Int(f[7])!, wasted: Int(f[8])!, budget: Double(f[9])!, failed: f[10] == "1",
                   siemens: Double(f[12])!)
    }

    @Test func rowsCoverEveryDeviceAndAddUpToTheRecordedTotals() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let store = try RecordStore.open(path: dir.path("run.sqlite"))
        let (summary, recorder) = try recordedRun(input: try dir.digits(120), store: store, sets: Self.sets)
        let id = try #require(recorder.runId)

        var lines: [String] = []
        let totals = try DeviceWearExport.write(store: store, runId: id, loader: Repo.loader) { lines.append($0) }
        #expect(lines.first == DeviceWearExport.header)
        let rows = try lines.dropFirst().map(Self.parse)

        // One row per device: both devices of 64 × 128 + 128 × 10 synapses.
        #expect(rows.count == 2 * (64 * 128 + 128 * 10) && rows.count == totals.rows && totals.sample == 120)
        #expect(Set(rows.map { "\($0.layer),\($0.row),\($0.col),\($0.side)" }).count == rows.count)

        // Totals equal the run summary's (the learner's own counters, summed another way).
        #expect(Double(rows.reduce(0) { $0 + $1.set }) == summary.setPulses)
        #expect(Double(rows.reduce(0) { $0 + $1.reset }) == summary.resetPulses)
        #expect(Double(rows.reduce(0) { $0 + $1.wasted }) == summary.wastedPulses)
        #expect(rows.filter(\.failed).count == summary.failedDevices)
        #expect(summary.wastedPulses > 0 && summary.failedDevices > 0, "the budgets should wear some devices out")

        // Per tile, equal to the end-of-run wear snapshot; per synapse, to its pulse map.
        let wear = try store.records(of: try store.run(id: id)).wear
        #expect(wear.count == 2 * 4 + 4 && wear.allSatisfy { $0.sample == 120 })
        for tile in wear {
            let mine = rows.filter { $0.layer == tile.layer && $0.tileRow == tile.tileRow && $0.tileCol == tile.tileCol }
            #expect(mine.count == tile.devices)
            #expect(mine.reduce(0) { $0 + $1.set } == tile.setPulses && mine.reduce(0) { $0 + $1.reset } == tile.resetPulses)
            #expect(mine.reduce(0) { $0 + $1.wasted } == tile.wastedPulses && mine.filter(\.failed).count == tile.failed)
            let grid = try SnapshotWear.pulseGrid(try #require(tile.pulseMapBlob), row: tile, runId: id)
            let r0 = mine.map(\.row).min()!, c0 = mine.map(\.col).min()!
            var fromRows = [Double](repeating: 0, count: tile.rows * tile.cols)
            for d in mine { fromRows[(d.row - r0) * tile.cols + (d.col - c0)] += Double(d.set + d.reset) }
            #expect(fromRows == grid.values)
        }

        // Budgets are the drawn ones (finite, log-normal around 10); conductances lie in the window.
        #expect(rows.allSatisfy { $0.budget.isFinite && $0.budget > 0 })
        let gMax = 1 / 100e3
        #expect(rows.allSatisfy { $0.siemens >= gMax / 10 * (1 - 1e-6) && $0.siemens <= gMax * (1 + 1e-6) })
    }

    @Test func aRunWithoutACheckpointIsRefused() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let store = try RecordStore.open(path: dir.path("run.sqlite"))
        let (_, recorder) = try recordedRun(input: try dir.digits(30), store: store)
        let id = try #require(recorder.runId)
        try store.write { db in try db.execute(sql: "DELETE FROM checkpoint WHERE runId = ?", arguments: [id]) }
        #expect(throws: DeviceWearExportError.noCheckpoint(runId: id, database: store.path)) {
            try DeviceWearExport.write(store: store, runId: id, loader: Repo.loader) { _ in }
        }
    }
}

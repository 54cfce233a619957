import Foundation
import GRDB
import Testing
@testable import Store

/// A fresh folder under the system temp directory, removed by `cleanup()`.
struct TempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("spikebar-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

/// Where a test's store lives: both kinds GRDB's guide asks store tests to cover.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    case inMemory, tempFile
    var testDescription: String { rawValue }

    /// Opens a store of this kind; the folder (if any) is returned for cleanup.
    func open() throws -> (RecordStore, TempDir?) {
        switch self {
        case .inMemory: return (try RecordStore.inMemory(), nil)
        case .tempFile:
            let dir = try TempDir()
            return (try RecordStore.open(path: dir.path("nested/folder/test.sqlite")), dir)
        }
    }
}

/// Records with every column set to a recognizable value. Dates are whole seconds (the
/// database keeps milliseconds).
enum Fixture {
    static let date = Date(timeIntervalSince1970: 1_700_000_000)

    static func run() -> RunRecord {
        RunRecord(startedAt: date, preset: "rram", seed: 7, version: "0.1.0", input: "bundled:digits", passes: 2,
                  requestJSON: #"{"input":"digits","passes":2}"#, configYAML: "preset: rram\nseed: 7\n")
    }

    static func accuracy(_ runId: Int64, _ k: Int, width: Int = 10) -> AccuracyWindowRecord {
        AccuracyWindowRecord(runId: runId, windowIndex: k, firstSample: k * width, lastSample: k * width + width - 1,
                             pass: 0, samples: width, correct: k % width,
                             windowAccuracy: Double(k % width) / Double(width), prequentialAccuracy: 0.5)
    }

    static func energy(_ runId: Int64, _ k: Int, width: Int = 10) -> EnergyWindowRecord {
        var e = EnergyWindowRecord(runId: runId, windowIndex: k, firstSample: k * width, lastSample: k * width + width - 1,
                                   samples: width)
        e.pulses = 30; e.setPulses = 10; e.resetPulses = 20; e.macs = 12345; e.setConductanceSum = 1.25
        e.writeLatencySeconds = 3e-6
        return e
    }

    static func wear(_ runId: Int64, sample: Int, layer: Int = 0) -> WearSnapshotRecord {
        WearSnapshotRecord(runId: runId, sample: sample, layer: layer, tileRow: 1, tileCol: 2, rows: 3, cols: 4,
                           devices: 24, meanPulses: 2.5, maxPulses: 9, failed: 1, setPulses: 30, resetPulses: 30,
                           wastedPulses: 2, histogramJSON: #"{"counts":[20,4],"edgesPulses":[0,5,10]}"#,
                           budgetUsedMean: 0.01, budgetUsedMax: 0.2, pulseMapBlob: Data([1, 0, 0, 0]))
    }

    static func checkpoint(_ runId: Int64, sequence: Int, bytes: Int = 64) -> CheckpointRecord {
        CheckpointRecord(runId: runId, sequence: sequence, pass: 0, position: sequence,
                         stateBlob: Data((0..<bytes).map { UInt8(truncatingIfNeeded: $0 &+ sequence) }),
                         metricBlob: Data(#"{"sequence":\#(sequence)}"#.utf8), stateDigest: "00000000000000ff",
                         createdAt: date)
    }

    /// A flush of `windows` windows ending at `sequence`, with a checkpoint.
    static func flush(_ runId: Int64, windows: Range<Int>, width: Int = 10, keep: Int = 2) -> FlushBatch {
        let sequence = windows.upperBound * width
        var b = FlushBatch(runId: runId, samplesProcessed: sequence, flushedAt: date, keepCheckpoints: keep)
        b.accuracyWindows = windows.map { accuracy(runId, $0, width: width) }
        b.energyWindows = windows.map { energy(runId, $0, width: width) }
        b.wearSnapshots = [wear(runId, sample: sequence)]
        b.events = [EventRecord(runId: runId, sample: sequence, kind: .checkpoint, detailJSON: "{}", createdAt: date)]
        b.checkpoint = checkpoint(runId, sequence: sequence)
        return b
    }
}

extension RecordStore {
    func count(_ table: String) throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }
}

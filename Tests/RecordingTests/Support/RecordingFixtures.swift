import AppTestSupport
import Foundation
import GRDB
import Recording
import Runtime
import Settings
import SpikingKit
import Store

/// Settings that keep in-process runs quick: a small network, short windows, frequent flushes.
let quickSets = [
    "network.layers=0,32,10", "network.timesteps=8",
    "recording.windowSamples=25", "recording.flushEverySamples=40", "recording.flushEverySeconds=1000",
]

/// Collects log lines from any thread.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var all: [String] { lock.withLock { lines } }
    var sink: @Sendable (String) -> Void { { [self] line in lock.withLock { lines.append(line) } } }
}

/// Runs a recorded session in-process.
func recordedRun(input: String, passes: Int = 1, shuffle: UInt64? = nil, store: RecordStore, sets: [String] = quickSets,
                 log: LogLines = LogLines(), extra: [RunObserver] = [], tune: (Recorder) -> Void = { _ in })
    throws -> (summary: RunSummary, recorder: Recorder) {
    let config = try Repo.config(sets)
    var request = RunRequest()
    request.input = .file(input)
    request.passes = passes
    request.shuffleSeed = shuffle
    request.progress = false
    let recorder = Recorder(store: store, version: "test", log: log.sink)
    tune(recorder)
    let session = RunSession(config: config, request: request)
    session.observers = [recorder] + extra
    do {
        return (try session.run(), recorder)
    } catch {
        recorder.abandon(error: error)
        throw error
    }
}

/// Calls `action` once, when the sample count reaches `at`.
final class AtSample: RunObserver {
    let at: Int
    let action: () throws -> Void
    var seen = 0
    init(_ at: Int, _ action: @escaping () throws -> Void) {
        self.at = at
        self.action = action
    }
    func runStarted(learner: OnlineLearner, config: ResolvedConfig, request: RunRequest) throws {}
    func sampleProcessed(_ outcome: SampleOutcome, learner: OnlineLearner, metric: PrequentialAccuracy, pass: Int) {
        seen += 1
        if seen == at { try? action() }
    }
    func runFinished(learner: OnlineLearner, summary: inout RunSummary) throws {}
}

extension RecordStore {
    func count(_ table: String, where condition: String = "1") throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(condition)") ?? 0 }
    }
}

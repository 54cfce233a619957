import CrossbarKit
import Foundation
import LineProtocol
import Runtime
import SpikingKit
import Store

/// What the recorder counts between flushes — and saves in every checkpoint (as the
/// metric blob) so that a resumed run carries on with exactly the same numbers.
struct RecorderProgress: Equatable {
    /// Samples processed, all passes (the next sample's 0-based number).
    var sequence = 0
    /// Current pass (from 0) and samples of it processed.
    var pass = 0
    var position = 0
    /// Prequential accuracy within the current pass.
    var passMetric = PrequentialAccuracy(window: 1)
    /// Output spikes so far.
    var spikes = 0
    /// Every operation so far (the learner's own totals restart from zero on resume).
    var totals = OperationCounts()
    /// The window being filled.
    var window = OpenWindow()
}

/// The accuracy and energy window being filled: samples `index·W … index·W + processed − 1`.
struct OpenWindow: Equatable {
    var index = 0
    /// Samples processed in the window (labelled or not).
    var processed = 0
    /// Labelled samples scored, and of those correct.
    var labelled = 0
    var correct = 0
    /// Operations of the window's samples.
    var counts = OperationCounts()
}

/// The metric blob of a checkpoint: ``RecorderProgress`` plus the run's prequential metric,
/// as JSON (doubles round-trip exactly).
struct RecorderSnapshot: Codable, Equatable {
    static let currentFormat = "spikebar-recorder-v2"
    var format = RecorderSnapshot.currentFormat
    var sequence: Int
    var pass: Int
    var position: Int
    var metricWindow: Int
    var metricSamples: Int
    var metricCorrect: Int
    /// The sliding window's outcomes, oldest first, `1` = correct.
    var metricOutcomes: String
    var passSamples: Int
    var passCorrect: Int
    var passOutcomes: String
    var spikes: Int
    var totals: [String: Double]
    var windowIndex: Int
    var windowProcessed: Int
    var windowLabelled: Int
    var windowCorrect: Int
    var windowCounts: [String: Double]
    init(_ p: RecorderProgress, metric: PrequentialAccuracy, network: SpikingNetwork) {
        sequence = p.sequence
        pass = p.pass
        position = p.position
        metricWindow = metric.window
        metricSamples = metric.samples
        metricCorrect = metric.correct
        metricOutcomes = Self.outcomes(metric)
        passSamples = p.passMetric.samples
        passCorrect = p.passMetric.correct
        passOutcomes = Self.outcomes(p.passMetric)
        spikes = p.spikes
        totals = CountFields.encode(p.totals)
        windowIndex = p.window.index
        windowProcessed = p.window.processed
        windowLabelled = p.window.labelled
        windowCorrect = p.window.correct
        windowCounts = CountFields.encode(p.window.counts)
    }

    static func outcomes(_ m: PrequentialAccuracy) -> String { String(m.windowOutcomes.map { $0 ? "1" : "0" }) }

    var data: Data { Data(sortedJSON(self).utf8) }

    static func decode(_ data: Data) throws -> RecorderSnapshot {
        let s: RecorderSnapshot
        do { s = try JSONDecoder().decode(RecorderSnapshot.self, from: data) } catch {
            throw ResumeError.badCheckpoint("metric blob is not recorder JSON: \(error)")
        }
        guard s.format == currentFormat else {
            throw ResumeError.badCheckpoint("metric blob format '\(s.format)' (this build reads '\(currentFormat)')")
        }
        return s
    }

    /// The run's prequential metric at the checkpoint.
    var metric: PrequentialAccuracy {
        PrequentialAccuracy(window: metricWindow, samples: metricSamples, correct: metricCorrect,
                            windowOutcomes: metricOutcomes.map { $0 == "1" })
    }

    /// The recorder's counters at the checkpoint.
    func progress() throws -> RecorderProgress {
        var p = RecorderProgress()
        p.sequence = sequence
        p.pass = pass
        p.position = position
        p.passMetric = PrequentialAccuracy(window: 1, samples: passSamples, correct: passCorrect,
                                           windowOutcomes: passOutcomes.map { $0 == "1" })
        p.spikes = spikes
        p.totals = try CountFields.decode(totals)
        p.window = OpenWindow(index: windowIndex, processed: windowProcessed, labelled: windowLabelled,
                              correct: windowCorrect, counts: try CountFields.decode(windowCounts))
        return p
    }

}

extension RecorderProgress {
    /// Where `RunSession` continues from these counters, the run's `metric` and the
    /// checkpoint's learner state.
    func resumePoint(metric: PrequentialAccuracy, learnerState: [UInt8]) -> ResumePoint {
        ResumePoint(learnerState: learnerState, pass: pass, position: position, metric: metric,
                    passMetric: passMetric, spikes: spikes, totals: totals)
    }
}

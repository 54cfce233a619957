import AppTestSupport
import CrossbarKit
import Foundation
import SpikingKit
import Store
import Testing
@testable import Runtime
@testable import Recording

/// The checkpoint's metric blob carries the recorder's counters exactly.
@Suite struct RecorderSnapshotTests {
    static func awkwardCounts(_ seed: Double) -> OperationCounts {
        var c = OperationCounts()
        for (k, f) in CountFields.all.enumerated() { c[keyPath: f.path] = (Double(k) + seed) * 0.1 + 1e-17 * Double(k) }
        return c
    }

    @Test func countFieldsCoverEveryOperationCount() throws {
        #expect(CountFields.all.count == Mirror(reflecting: OperationCounts()).children.count)
        #expect(Set(CountFields.all.map(\.name)).count == CountFields.all.count)
        let c = Self.awkwardCounts(0.3)
        #expect(try CountFields.decode(CountFields.encode(c)) == c)
        var missing = CountFields.encode(c)
        missing["macs"] = nil
        #expect(throws: ResumeError.self) { try CountFields.decode(missing) }
    }

    @Test func anEnergyWindowGivesBackTheCountsItWasFilledWith() {
        let c = Self.awkwardCounts(0.4)
        var w = EnergyWindowRecord(runId: 1, windowIndex: 0, firstSample: 0, lastSample: 9, samples: 10)
        w.setCounts(c)
        #expect(w.counts == c)
    }

    @Test func aSnapshotRoundTripsThroughItsJSON() throws {
        let config = try Repo.config(["network.layers=0,5,3"])
        let learner = RunSession.makeLearner(config: config, width: 4, classes: 3)
        learner.network.layers[0].rowConductance.assign((0..<learner.network.layers[0].rows).map { Float($0) / 3 })
        var metric = PrequentialAccuracy(window: 7)
        for k in 0..<19 { metric.record(correct: k % 3 != 0) }
        var p = RecorderProgress()
        p.sequence = 19; p.pass = 1; p.position = 4; p.spikes = 1234
        for k in 0..<4 { p.passMetric.record(correct: k != 2) }
        p.totals = Self.awkwardCounts(0.7)
        p.window = OpenWindow(index: 3, processed: 4, labelled: 3, correct: 2, counts: Self.awkwardCounts(0.1))

        let snapshot = RecorderSnapshot(p, metric: metric, network: learner.network)
        let back = try RecorderSnapshot.decode(snapshot.data)
        #expect(back == snapshot)
        #expect(try back.progress() == p)
        #expect(back.metric.accuracy == metric.accuracy && back.metric.windowAccuracy == metric.windowAccuracy)
        #expect(back.metric.windowOutcomes == metric.windowOutcomes && back.metric.samples == 19)

        // The read-energy conductance cache now travels in the learner's own state.
        let other = RunSession.makeLearner(config: config, width: 4, classes: 3)
        try other.restore(learner.stateBytes())
        #expect(other.network.layers[0].rowConductance.array == learner.network.layers[0].rowConductance.array)

        let point = try back.progress().resumePoint(metric: back.metric, learnerState: [1, 2, 3])
        #expect(point.pass == 1 && point.position == 4 && point.spikes == 1234 && point.totals == p.totals)
        #expect(point.passMetric.accuracy == 0.75 && point.learnerState == [1, 2, 3])
    }

    @Test func aForeignBlobIsRefused() {
        #expect(throws: ResumeError.self) { try RecorderSnapshot.decode(Data("not json".utf8)) }
        #expect(throws: ResumeError.self) { try RecorderSnapshot.decode(Data(#"{"format":"spikebar-recorder-v0"}"#.utf8)) }
    }
}

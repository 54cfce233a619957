import AppTestSupport
import Foundation
import Reports
import Testing
@testable import Recording
@testable import Runtime
@testable import Store

/// A recurrent ALIF network recorded to SQLite and loaded back for its report: the recurrent
/// crossbar is a layer of its own in every record (wear snapshots, checkpoint, lifetime),
/// named `hidden 1 (recurrent)`, and its pulses are part of the run's totals.
@Suite struct RecurrentRecordingTests {
    @Test func theRecurrentCrossbarIsRecordedNamedAndRestored() throws {
        let sets = RunReportLoaderTests.tiled + ["network.recurrent=true", "network.alifFraction=0.5",
                                                 "network.membraneTimeConstantSteps=4,16"]
        let r = try RunReportLoaderTests.record(sets: sets)
        defer { r.dir.cleanup() }
        let input = try r.load()
        #expect(input.notes.isEmpty, "the network is rebuilt and its checkpoint restored: \(input.notes)")
        let data = input.data
        #expect(data.wear.map(\.name) == ["hidden 1", "hidden 1 (recurrent)", "readout"])
        #expect(data.lifetime.layers.map(\.name) == data.wear.map(\.name))
        // 32 × 32 recurrent synapses on 16 × 16 tiles: 2 × 2 tiles.
        #expect(data.wear[1].tiles.map(\.index.label) == ["0,0", "0,1", "1,0", "1,1"])
        let synapses = 64 * 32 + 32 * 32 + 32 * 10
        #expect(data.deviceCount == 2 * synapses && r.summary.devices == 2 * synapses)
        let recurrentPulses = data.wear[1].setPulses + data.wear[1].resetPulses
        #expect(recurrentPulses > 0, "the recurrent weights learn through the devices")
        #expect(data.wear.reduce(0) { $0 + $1.setPulses + $1.resetPulses } == r.summary.pulses)
    }
}

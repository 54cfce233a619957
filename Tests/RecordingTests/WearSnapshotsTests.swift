import AppTestSupport
import DeviceKit
import Foundation
import Testing
@testable import Runtime
@testable import Recording

@Suite struct WearSnapshotsTests {
    /// One 2×2 tile with hand-set counters against its statistics worked out by hand:
    /// G⁺ devices at 3 pulses except (0,0) at 10, G⁻ devices unused but (1,1): stuck at 6
    /// pulses, 5 of them past its budget of 1 pulse (wasted).
    @Test func aTileSnapshotMatchesAHandComputation() throws {
        let config = try Repo.config(["network.layers=0,5,3", "hardware.crossbar.tileRows=2", "hardware.crossbar.tileCols=2",
                                      "hardware.endurance.medianPulses=1", "hardware.endurance.spread=0"])
        let learner = RunSession.makeLearner(config: config, width: 4, classes: 3)
        let layer = learner.network.layers[0]
        let cols = layer.cols
        for r in 0..<2 {
            for c in 0..<2 {
                let i = r * cols + c
                for p in [layer.plus, layer.minus] {
                    p.status[i] = DeviceStatus.healthy.rawValue
                    #expect(p.budget(i) == 1)  // regenerated: exp(ln 1), no spread
                    p.setPulses[i] = 0; p.resetPulses[i] = 0
                }
                layer.plus.setPulses[i] = (r, c) == (0, 0) ? 6 : 2
                layer.plus.resetPulses[i] = (r, c) == (0, 0) ? 4 : 1
            }
        }
        layer.minus.status[1 * cols + 1] = DeviceStatus.stuckMin.rawValue
        layer.minus.resetPulses[1 * cols + 1] = 6

        let snaps = WearSnapshots.take(network: learner.network, runId: 7, sample: 123, bins: 4, pulseMap: true)
        let tile = try #require(snaps.first { $0.layer == 0 && $0.tileRow == 0 && $0.tileCol == 0 })
        #expect(tile.runId == 7 && tile.sample == 123)
        #expect(tile.rows == 2 && tile.cols == 2 && tile.devices == 8)
        #expect(tile.maxPulses == 10)
        #expect(tile.meanPulses == 25.0 / 8)
        #expect(tile.setPulses == 12 && tile.resetPulses == 13 && tile.wastedPulses == 5 && tile.failed == 1)
        // Width ⌈(10 + 1)/4⌉ = 3: three G⁻ at 0 → bin 0, three G⁺ at 3 → bin 1, the stuck G⁻
        // at 6 → bin 2, one G⁺ at 10 → bin 3.
        #expect(tile.histogramJSON == #"{"counts":[3,3,1,1],"edgesPulses":[0,3,6,9,12]}"#)
        #expect(tile.budgetUsedMax == 10)
        #expect(abs(tile.budgetUsedMean! - 25.0 / 8) < 1e-6)
        let map = try #require(tile.pulseMapBlob)
        let bytes = [UInt8](map)
        var values: [UInt32] = []
        for k in stride(from: 0, to: bytes.count, by: 4) {
            var v: UInt32 = 0
            for b in 0..<4 { v |= UInt32(bytes[k + b]) << UInt32(8 * b) }
            values.append(v)
        }
        #expect(values == [10, 3, 3, 9])  // G⁺ + G⁻ per synapse

        // Every device of every layer is in exactly one tile.
        #expect(snaps.map(\.devices).reduce(0, +) == 2 * learner.network.synapses)
        let grid = learner.network.layers.map { $0.rowTiles * $0.colTiles }.reduce(0, +)
        #expect(snaps.count == grid)
    }

    @Test func aFreshArrayHasOneBinAndNoMap() throws {
        let config = try Repo.config(["network.layers=0,5,3", "preset=ideal"])
        let learner = RunSession.makeLearner(config: config, width: 4, classes: 3)
        let snaps = WearSnapshots.take(network: learner.network, runId: 1, sample: 0, bins: 3, pulseMap: false)
        for s in snaps {
            #expect(s.maxPulses == 0 && s.meanPulses == 0 && s.pulseMapBlob == nil)
            #expect(s.histogramJSON == #"{"counts":[\#(s.devices),0,0],"edgesPulses":[0,1,2,3]}"#)
            #expect(s.budgetUsedMean == nil && s.budgetUsedMax == nil)  // the ideal preset has no wear-out
        }
    }
}

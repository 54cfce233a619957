import CrossbarKit
import DeviceKit
import KitSupport
import Testing

@Suite("Crossbar refresh with handed-on bounds")
struct RefreshBoundsTests {
    /// The write path hands the nominal bounds the pulses regenerated on to the pair's refresh
    /// (``CrossbarLayer/refreshSynapse(_:timeSeconds:plusNominal:minusNominal:)``). Refreshing
    /// every written pair again the plain way (both devices' bounds regenerated) must change
    /// no bit: with device-to-device spread of the bounds, drift (the read depends on them)
    /// and both pair policies.
    @Test("a written pair's entries equal a refresh that regenerates both devices' bounds",
          arguments: [PairPolicy.bidirectional, .potentiateOnly])
    func matchesRegeneratedRefresh(policy: PairPolicy) {
        var p = noisyReadPreset(sigma: 0.02)
        p.device.dwMinStd = 1
        p.device.wMaxDtod = 0.2
        p.device.wMinDtod = 0.2
        p.pairPolicy = policy
        p.drift.nu = 0.06
        p.drift.t0Seconds = 1
        let rows = 12, cols = 20
        var init0 = SeededGenerator(seed: 4)
        let initial = (0..<(rows * cols)).map { _ in 0.2 * init0.nextGaussian() }
        let layer = makeLayer(rows: rows, cols: cols, preset: p, initial: initial, scale: 0.5) { _ in } writePath: {
            $0.scheme = .round
        }
        var data = SeededGenerator(seed: 9), rng = SeededGenerator(seed: 1), rounding = SeededGenerator(seed: 2)
        var counts = OperationCounts()
        for step in 1...4 {
            let t = Float(step) * 30
            let before = zip(layer.plus.writes.array, layer.minus.writes.array).map { $0 &+ $1 }
            var delta = (0..<(rows * cols)).map { _ in data.nextUnitFloat() < 0.5 ? 0 : 0.2 * data.nextGaussian() }
            delta.withUnsafeMutableBufferPointer {
                layer.applyUpdate($0.baseAddress!, timeSeconds: t, rng: &rng, roundingRNG: &rounding, counts: &counts)
            }
            let written = (0..<(rows * cols)).filter { layer.plus.writes[$0] &+ layer.minus.writes[$0] != before[$0] }
            #expect(!written.isEmpty)
            let read = layer.readWeights.array, noise = layer.noiseWeights.array
            let pair = layer.pairConductance.array, row = layer.rowConductance.array
            for i in written { layer.refreshSynapse(i, timeSeconds: t) }
            #expect(layer.readWeights.array.map(\.bitPattern) == read.map(\.bitPattern))
            #expect(layer.noiseWeights.array.map(\.bitPattern) == noise.map(\.bitPattern))
            #expect(layer.pairConductance.array.map(\.bitPattern) == pair.map(\.bitPattern))
            #expect(layer.rowConductance.array.map(\.bitPattern) == row.map(\.bitPattern))
        }
        #expect(counts.setPulses + counts.resetPulses > 0)
    }
}

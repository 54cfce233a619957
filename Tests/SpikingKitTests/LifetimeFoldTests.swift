import CrossbarKit
import KitSupport
import SpikingKit
import Testing

@Suite("Lifetime controller and the first layer's fold")
struct LifetimeFoldTests {
    /// The fold multiplies the tile scales in itself and charges the update scalings through
    /// ``LifetimeController/countScalings(layer:of:counts:)``: the same count as scaling a
    /// formed change tile by tile, on throttled and unthrottled layers alike.
    @Test("countScalings charges what scaling a formed change charges")
    func countsMatchScaling() throws {
        let strict = OnlineLearner(config: LifetimeControllerTests.config(years: 10),
                                   hardware: LifetimeControllerTests.enduranceHardware(), seed: 3, inputWidth: 8)
        for s in blobs(count: 160) { _ = try strict.process(s, learn: true) }
        let c = try #require(strict.network.lifetime)
        // Leave one tile of the first layer unthrottled so both kinds of tile are counted.
        c.scales[0][0] = 1
        for (l, layer) in strict.network.layers.enumerated() {
            var folded = OperationCounts(), formed = OperationCounts()
            c.countScalings(layer: l, of: layer, counts: &folded)
            let delta = Buffer<Float>(repeating: 1, count: layer.rows * layer.cols)
            c.scale(layer: l, of: layer, delta: delta.pointer, counts: &formed)
            #expect(folded.updateScalings == formed.updateScalings)
            let throttled = (0..<delta.count).filter { delta[$0] != 1 }.count
            #expect(folded.updateScalings == Double(throttled))
        }
    }
}

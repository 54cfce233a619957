import CrossbarKit
import DeviceKit
import Testing

@Suite("Crossbar drift refresh")
struct DriftRefreshTests {
    /// A constant-step preset whose conductances drift (ν > 0), so a later refresh changes them.
    func driftingPreset() -> DevicePreset {
        var p = exactConstantStep(step: 1.0 / 64)
        p.electrical.onOffRatio = 10
        p.drift.nu = 0.05
        return p
    }

    /// Σ_c (g⁺ + g⁻) of each row, recomputed from the devices in the order the layer sums.
    func rowSumsFromScratch(_ layer: CrossbarLayer, timeSeconds t: Float) -> [Float] {
        var sums = [Float](repeating: 0, count: layer.rows)
        for i in 0..<(layer.rows * layer.cols) {
            let gp = layer.plus.normalizedConductance(i, w: layer.plus.readValue(i, timeSeconds: t))
            let gm = layer.minus.normalizedConductance(i, w: layer.minus.readValue(i, timeSeconds: t))
            sums[i / layer.cols] += gp + gm
        }
        return sums
    }

    @Test("after a drift refresh every row holds Σ(g⁺ + g⁻) of its devices, not Σ(new − old)")
    func rowSumsAfterRefresh() {
        let rows = 3, cols = 5
        let w: [Float] = (0..<(rows * cols)).map { Float(($0 % 9) - 4) / 16 }
        let layer = makeLayer(rows: rows, cols: cols, preset: driftingPreset(), initial: w)
        #expect(layer.rowConductance.array == rowSumsFromScratch(layer, timeSeconds: 0))
        for t: Float in [1000, 1000, 5000] {  // the same time twice: a refresh must be idempotent
            layer.refreshAll(timeSeconds: t)
            let expected = rowSumsFromScratch(layer, timeSeconds: t)
            #expect(layer.rowConductance.array == expected)
            #expect(expected.allSatisfy { $0 > 0 })
        }
    }
}

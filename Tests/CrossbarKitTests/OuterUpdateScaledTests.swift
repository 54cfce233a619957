import CrossbarKit
import DeviceKit
import KitSupport
import Testing

@Suite("Crossbar outer-product writes with tile scales")
struct OuterUpdateScaledTests {
    func layer(rows: Int, cols: Int, tileRows: Int, tileCols: Int) -> CrossbarLayer {
        var init0 = SeededGenerator(seed: 5)
        let initial = (0..<(rows * cols)).map { _ in 0.05 * init0.nextGaussian() }
        return makeLayer(rows: rows, cols: cols, preset: OuterUpdateTests().noisyPreset(), initial: initial, scale: 0.25) {
            $0.tileRows = tileRows
            $0.tileCols = tileCols
        } writePath: {
            $0.scheme = .accumulate
            $0.accumulateThresholdSteps = 1
        }
    }

    /// The lifetime controller's path, formed: ΔW = s·(x ⊗ v), each tile's entries multiplied
    /// by Float(s_j) where s_j ≠ 1, then the write path. The fold with `tileScales` must give
    /// the same χ, devices, read matrices, counters and generator states, bit for bit.
    @Test("folding with per-tile write scales equals scaling the formed ΔW tile by tile",
          arguments: [(33, 21, 8, 16), (17, 64, 5, 24), (40, 37, 40, 9)])
    func matchesScaledFormedUpdate(rows: Int, cols: Int, tileRows: Int, tileCols: Int) {
        let fused = layer(rows: rows, cols: cols, tileRows: tileRows, tileCols: tileCols)
        let formed = layer(rows: rows, cols: cols, tileRows: tileRows, tileCols: tileCols)
        let tiles = fused.rowTiles * fused.colTiles
        #expect(tiles > 1, "the case must have several tiles")
        var data = SeededGenerator(seed: 11)
        var rngA = SeededGenerator(seed: 1), roundA = SeededGenerator(seed: 2)
        var rngB = SeededGenerator(seed: 1), roundB = SeededGenerator(seed: 2)
        var countsA = OperationCounts(), countsB = OperationCounts()
        let s: Float = -0.8
        for round in 0..<12 {
            // Scales in (0, 1], every third tile unthrottled (s_j = 1).
            let scales = (0..<tiles).map { j in (j + round) % 3 == 0 ? 1 : 0.05 + 0.9 * Double(data.nextUnitFloat()) }
            let x = (0..<rows).map { _ in data.nextUnitFloat() < 0.3 ? 0 : data.nextGaussian() }
            let v = (0..<cols).map { _ in 0.6 * data.nextGaussian() }
            x.withUnsafeBufferPointer { xp in
                v.withUnsafeBufferPointer { vp in
                    scales.withUnsafeBufferPointer { sp in
                        fused.applyOuterUpdate(rowFactor: xp.baseAddress!, columnFactor: vp.baseAddress!, scale: s,
                                               tileScales: sp.baseAddress!, timeSeconds: 0,
                                               rng: &rngA, roundingRNG: &roundA, counts: &countsA)
                    }
                }
            }
            var delta = [Float](repeating: 0, count: rows * cols)
            for r in 0..<rows where x[r] != 0 { for c in 0..<cols { delta[r * cols + c] += x[r] * v[c] } }
            for i in delta.indices { delta[i] *= s }
            for tr in 0..<formed.rowTiles {
                for tc in 0..<formed.colTiles where scales[tr * formed.colTiles + tc] != 1 {
                    let f = Float(scales[tr * formed.colTiles + tc])
                    let (rs, cs) = formed.tileRanges(row: tr, col: tc)
                    for r in rs { for c in cs { delta[r * cols + c] *= f } }
                }
            }
            delta.withUnsafeMutableBufferPointer {
                formed.applyUpdate($0.baseAddress!, timeSeconds: 0, rng: &rngB, roundingRNG: &roundB, counts: &countsB)
            }
        }
        expectSameWrites(fused, formed, countsA, countsB, rngA, rngB)
    }

    /// Scales that are all 1 change nothing: the same bits as the unscaled fold.
    @Test("unit tile scales give the unscaled fold's bits")
    func unitScalesAreIdentity() {
        let a = layer(rows: 19, cols: 30, tileRows: 6, tileCols: 8)
        let b = layer(rows: 19, cols: 30, tileRows: 6, tileCols: 8)
        let ones = [Double](repeating: 1, count: a.rowTiles * a.colTiles)
        var data = SeededGenerator(seed: 3)
        var rngA = SeededGenerator(seed: 1), roundA = SeededGenerator(seed: 2)
        var rngB = SeededGenerator(seed: 1), roundB = SeededGenerator(seed: 2)
        var countsA = OperationCounts(), countsB = OperationCounts()
        for _ in 0..<6 {
            let x = (0..<19).map { _ in data.nextGaussian() }, v = (0..<30).map { _ in data.nextGaussian() }
            ones.withUnsafeBufferPointer { sp in
                a.applyOuterUpdate(rowFactor: x, columnFactor: v, scale: -0.5, tileScales: sp.baseAddress!, timeSeconds: 0,
                                   rng: &rngA, roundingRNG: &roundA, counts: &countsA)
            }
            b.applyOuterUpdate(rowFactor: x, columnFactor: v, scale: -0.5, timeSeconds: 0,
                               rng: &rngB, roundingRNG: &roundB, counts: &countsB)
        }
        #expect(a.accumulator.array.map(\.bitPattern) == b.accumulator.array.map(\.bitPattern))
        #expect(a.plus.weight.array.map(\.bitPattern) == b.plus.weight.array.map(\.bitPattern))
        #expect(countsA == countsB)
    }
}

/// The fused and the formed layer hold the same χ, devices and read weights, bit for bit, after
/// the same counters and generator draws, and the case sent pulses.
func expectSameWrites(_ fused: CrossbarLayer, _ formed: CrossbarLayer, _ countsA: OperationCounts,
                      _ countsB: OperationCounts, _ rngA: SeededGenerator, _ rngB: SeededGenerator) {
    #expect(fused.accumulator.array.map(\.bitPattern) == formed.accumulator.array.map(\.bitPattern))
    #expect(fused.plus.weight.array.map(\.bitPattern) == formed.plus.weight.array.map(\.bitPattern))
    #expect(fused.readWeights.array.map(\.bitPattern) == formed.readWeights.array.map(\.bitPattern))
    #expect(countsA == countsB)
    #expect(rngA == rngB)
    #expect(countsA.setPulses + countsA.resetPulses > 0, "the case must send pulses")
}

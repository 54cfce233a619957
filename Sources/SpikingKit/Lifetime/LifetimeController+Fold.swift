import CrossbarKit
import KitSupport

extension LifetimeController {
    /// Counts the update scalings ``scale(layer:of:delta:counts:)`` would charge for layer `l`
    /// (one per entry of each tile with s_j ≠ 1) without touching a change: the first layer's
    /// outer-product fold multiplies the scales in itself
    /// (``CrossbarLayer/applyOuterUpdate(rowFactor:columnFactor:scale:tileScales:timeSeconds:rng:roundingRNG:counts:)``).
    public func countScalings(layer l: Int, of layer: CrossbarLayer, counts: inout OperationCounts) {
        let s = scales[l].pointer
        for tr in 0..<layer.rowTiles {
            for tc in 0..<layer.colTiles where s[tr * layer.colTiles + tc] != 1 {
                let (rows, cols) = layer.tileRanges(row: tr, col: tc)
                counts.updateScalings += Double(rows.count * cols.count)
            }
        }
    }
}

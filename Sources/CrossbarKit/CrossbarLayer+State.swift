import DeviceKit
import KitSupport

extension CrossbarLayer {
    /// Writes the layer's mutable state: both device populations, the χ accumulators, and the
    /// conductance sums the read-energy count uses (they are updated incrementally while
    /// learning, so recomputing them on restore would round differently), and the online
    /// verify reads' generator when online writes are verified.
    public func writeState(to w: inout StateWriter) {
        w.tag("layer \(rows)x\(cols)")
        plus.writeState(to: &w)
        minus.writeState(to: &w)
        w.write(accumulator)
        w.write(pairConductance)
        w.write(rowConductance)
        if let g = onlineVerifyReads { w.write(g.stateWords) }
    }

    /// Restores what ``writeState(to:)`` wrote and rebuilds the read matrices.
    public func readState(from r: inout StateReader, timeSeconds: Float) throws {
        try r.expectTag("layer \(rows)x\(cols)")
        try plus.readState(from: &r)
        try minus.readState(from: &r)
        try r.read(into: accumulator, "accumulators")
        refreshAll(timeSeconds: timeSeconds)
        try r.read(into: pairConductance, "pair conductances")
        try r.read(into: rowConductance, "row conductances")
        if onlineVerifyReads != nil { onlineVerifyReads = SeededGenerator(stateWords: try r.readUInt64s()) }
    }
}

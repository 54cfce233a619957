import DeviceKit
import KitSupport

extension CrossbarLayer {
    /// Whether ``applyOuterUpdate(rowFactor:columnFactor:scale:timeSeconds:rng:roundingRNG:counts:)``
    /// can fold an outer product straight into χ (the accumulate scheme on a non-ideal device).
    public var foldsOuterProducts: Bool {
        writeConfig.scheme == .accumulate && preset.device.model != .ideal
    }

    /// Writes the rank-1 update `ΔW_rc = s·(x_r·v_c)` (network units) through the accumulate
    /// scheme without forming it: the dense pass adds each row's change to χ in SIMD vectors
    /// and lists the entries with `|χ| ≥ ε`, then the sparse pass sends their pulses as
    /// ``applyUpdate(_:timeSeconds:rng:roundingRNG:counts:)`` would.
    ///
    /// Exact: every entry is rounded as in the formed path (`((x_r·v_c)·s)·(1/(s_w·Δw_min))`,
    /// then `χ + ·`, clipped to ±10⁶), so χ, the pulse list and everything after it are bit
    /// for bit those of forming `ΔW` and calling `applyUpdate`. A row with `x_r = 0` leaves χ
    /// unchanged (its change is ±0) and is only scanned for entries still above ε.
    /// Requires ``foldsOuterProducts``.
    public func applyOuterUpdate(rowFactor x: UnsafePointer<Float>, columnFactor v: UnsafePointer<Float>,
                                 scale s: Float, timeSeconds: Float,
                                 rng: inout SeededGenerator, roundingRNG: inout SeededGenerator,
                                 counts: inout OperationCounts) {
        precondition(foldsOuterProducts, "outer-product writes need the accumulate scheme on a non-ideal device")
        let toSteps = 1 / (weightScale * preset.device.nominalStep)
        let n = rows * cols
        let m = foldOuterProduct(x, v, scale: s, toSteps: toSteps)
        counts.updateScalings += Double(n)
        counts.accumulatorUpdates += Double(n)
        // The accumulate scheme reads χ only; the delta pointer is never touched.
        sendListed(m, accumulator.pointer, timeSeconds: timeSeconds, rng: &rng,
                   roundingRNG: &roundingRNG, counts: &counts)
    }

    /// The dense pass: `χ_rc ← clip(χ_rc + ((x_r·v_c)·s)·toSteps)`, listing the entries with
    /// `|χ| ≥ ε` in ``candidates`` (ascending). Returns how many were listed. The column loop
    /// has no branch and no loop-carried dependence but an OR (so the compiler vectorizes it);
    /// only a row with a listed entry is scanned again, in scalar code.
    func foldOuterProduct(_ x: UnsafePointer<Float>, _ v: UnsafePointer<Float>, scale s: Float, toSteps: Float) -> Int {
        let chi = accumulator.pointer
        let list = candidates.pointer
        let eps = writeConfig.accumulateThresholdSteps
        let cols = self.cols
        var m = 0
        for r in 0..<rows {
            let xr = x[r]
            let row = chi + r * cols
            var over: UInt32 = 0   // non-zero when some |χ| ≥ ε in this row
            if xr == 0 {
                for c in 0..<cols { over |= ~(abs(row[c]) - eps).bitPattern }
            } else {
                for c in 0..<cols {
                    let value = min(max(row[c] + ((xr * v[c]) * s) * toSteps, -1e6), 1e6)
                    row[c] = value
                    over |= ~(abs(value) - eps).bitPattern
                }
            }
            guard over >> 31 != 0 else { continue }
            for c in 0..<cols where abs(row[c]) >= eps {
                list[m] = Int32(truncatingIfNeeded: r * cols + c)
                m += 1
            }
        }
        return m
    }
}

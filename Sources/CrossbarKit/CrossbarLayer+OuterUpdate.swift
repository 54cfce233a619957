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
    /// `|χ| ≥ ε` in ``candidates`` (ascending). Returns how many were listed. Eight columns at
    /// a time in SIMD vectors (the same operations in the same order per entry as the scalar
    /// form, so the same bits); each vector ORs the sign of `ε − |χ|` into a row flag, and
    /// only a row with a listed entry is scanned again, vector by vector. The ±10⁶ clip is
    /// checked the same way and applied to a flagged row afterwards.
    func foldOuterProduct(_ x: UnsafePointer<Float>, _ v: UnsafePointer<Float>, scale s: Float, toSteps: Float) -> Int {
        let chi = accumulator.pointer
        let list = candidates.pointer
        let eps = writeConfig.accumulateThresholdSteps
        let cols = self.cols, whole = cols & ~7
        let vraw = UnsafeRawPointer(v)
        let magnitude = SIMD8<UInt32>(repeating: 0x7FFF_FFFF), sign = ~magnitude
        let epsV = SIMD8<Float>(repeating: eps)
        let limit = SIMD8<Float>(repeating: 1e6)
        var m = 0
        for r in 0..<rows {
            let xr = x[r]
            let row = chi + r * cols
            let raw = UnsafeMutableRawPointer(row)
            // Sign bits of ~(|χ| − ε) (set where |χ| ≥ ε) and of ~(|χ| − 10⁶), ORed over the row.
            var over = SIMD8<UInt32>(repeating: 0), clip = SIMD8<UInt32>(repeating: 0)
            var tail: UInt32 = 0
            var off = 0
            let end = whole &* 4
            if xr == 0 {
                while off < end {
                    let value = raw.loadUnaligned(fromByteOffset: off, as: SIMD8<Float>.self)
                    let a = unsafeBitCast(unsafeBitCast(value, to: SIMD8<UInt32>.self) & magnitude, to: SIMD8<Float>.self)
                    over |= ~unsafeBitCast(a - epsV, to: SIMD8<UInt32>.self)
                    off &+= 32
                }
                for c in whole..<cols { tail |= ~(abs(row[c]) - eps).bitPattern }
            } else {
                let xs = SIMD8<Float>(repeating: xr)
                while off < end {
                    let vc = vraw.loadUnaligned(fromByteOffset: off, as: SIMD8<Float>.self)
                    let old = raw.loadUnaligned(fromByteOffset: off, as: SIMD8<Float>.self)
                    let value = old + ((xs * vc) * s) * toSteps
                    raw.storeBytes(of: value, toByteOffset: off, as: SIMD8<Float>.self)
                    let a = unsafeBitCast(unsafeBitCast(value, to: SIMD8<UInt32>.self) & magnitude, to: SIMD8<Float>.self)
                    over |= ~unsafeBitCast(a - epsV, to: SIMD8<UInt32>.self)
                    clip |= ~unsafeBitCast(a - limit, to: SIMD8<UInt32>.self)
                    off &+= 32
                }
                // The ±10⁶ clip (never reached in practice): clipping the stored sum afterwards
                // is the scalar form's min(max(sum)), so a flagged row is fixed up in place.
                if (clip &>> 31).wrappedSum() != 0 {
                    for c in 0..<whole { row[c] = min(max(row[c], -1e6), 1e6) }
                }
                for c in whole..<cols {
                    let value = min(max(row[c] + ((xr * v[c]) * s) * toSteps, -1e6), 1e6)
                    row[c] = value
                    tail |= ~(abs(value) - eps).bitPattern
                }
            }
            guard ((over &>> 31).wrappedSum() | (tail >> 31)) != 0 else { continue }
            off = 0
            while off < end {
                let value = raw.loadUnaligned(fromByteOffset: off, as: SIMD8<Float>.self)
                let a = unsafeBitCast(unsafeBitCast(value, to: SIMD8<UInt32>.self) & magnitude, to: SIMD8<Float>.self)
                if (~unsafeBitCast(a - epsV, to: SIMD8<UInt32>.self) & sign) != SIMD8<UInt32>() {
                    let c = off / 4
                    for j in c..<(c + 8) where abs(row[j]) >= eps {
                        list[m] = Int32(truncatingIfNeeded: r * cols + j)
                        m += 1
                    }
                }
                off &+= 32
            }
            for c in whole..<cols where abs(row[c]) >= eps {
                list[m] = Int32(truncatingIfNeeded: r * cols + c)
                m += 1
            }
        }
        return m
    }
}

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
    ///
    /// `tileScales` (optional, `rowTiles·colTiles` values, tile (r, c) at `r·colTiles + c`):
    /// a write scale per tile (the lifetime controller's s_j), multiplied into each entry
    /// after `s` as the formed path does (`(((x_r·v_c)·s)·Float(s_j))·toSteps`; a tile at
    /// s_j = 1 multiplies by 1, which changes no bit).
    public func applyOuterUpdate(rowFactor x: UnsafePointer<Float>, columnFactor v: UnsafePointer<Float>,
                                 scale s: Float, tileScales: UnsafePointer<Double>? = nil, timeSeconds: Float,
                                 rng: inout SeededGenerator, roundingRNG: inout SeededGenerator,
                                 counts: inout OperationCounts) {
        precondition(foldsOuterProducts, "outer-product writes need the accumulate scheme on a non-ideal device")
        let toSteps = 1 / (weightScale * preset.device.nominalStep)
        let n = rows * cols
        let m = foldOuterProduct(x, v, scale: s, toSteps: toSteps, tileScales: tileScales)
        counts.updateScalings += Double(n)
        counts.accumulatorUpdates += Double(n)
        // The accumulate scheme reads χ only; the delta pointer is never touched.
        sendListed(m, accumulator.pointer, timeSeconds: timeSeconds, rng: &rng,
                   roundingRNG: &roundingRNG, counts: &counts)
    }

    /// The dense pass: `χ_rc ← clip(χ_rc + ((x_r·v_c)·s)·toSteps)`, listing the entries with
    /// `|χ| ≥ ε` in ``candidates`` (ascending). Returns how many were listed. Eight columns at
    /// a time in SIMD vectors (the same operations in the same order per entry as the scalar
    /// form, so the same bits). The test `|χ| ≥ θ = min(ε, 10⁶)` is an integer compare of the
    /// magnitude bits, two vectors at a time: a pair with no such entry (nearly all of them)
    /// costs five operations more than its update (AVX2) and is never read again; a flagged
    /// pair (rare) is noted and, after its row, each flagged vector of it finished lane by
    /// lane: the ±10⁶ clip, then the `|χ| ≥ ε` listing. A row with `x_r = 0` is only tested.
    func foldOuterProduct(_ x: UnsafePointer<Float>, _ v: UnsafePointer<Float>, scale s: Float, toSteps: Float,
                          tileScales: UnsafePointer<Double>?) -> Int {
        if let tileScales { return foldOuterProduct(x, v, scale: s, toSteps: toSteps, tileScales: tileScales, TileScaled.self) }
        return foldOuterProduct(x, v, scale: s, toSteps: toSteps, tileScales: nil, Unscaled.self)
    }

    /// One variant per `Mode`, specialized (the mode is a type, so its flag is a constant and
    /// the unscaled loop carries no trace of the scaled one): scaled, each entry's change is
    /// multiplied by its tile's scale (``columnScale`` holds them for the current row-tile).
    func foldOuterProduct<Mode: FoldMode>(_ x: UnsafePointer<Float>, _ v: UnsafePointer<Float>, scale s: Float,
                                          toSteps: Float, tileScales: UnsafePointer<Double>?, _: Mode.Type) -> Int {
        let scaled = Mode.scaled
        let chi = accumulator.pointer
        let list = candidates.pointer
        let eps = writeConfig.accumulateThresholdSteps
        let cols = self.cols, whole = cols & ~7
        let vraw = UnsafeRawPointer(v)
        // |χ| ≥ θ = min(ε, 10⁶) as integers (``magnitudeBits(_:)``).
        let thetaBits = SIMD8<Int32>(repeating: Int32(bitPattern: min(eps, 1e6).bitPattern))
        let end = whole &* 4
        var m = 0
        let f = columnScale.pointer, fraw = UnsafeRawPointer(f)
        let pairs = flaggedPairs.pointer
        for r in 0..<rows {
            if scaled, r % config.tileRows == 0, let tileScales {
                let scales = tileScales + (r / config.tileRows) * colTiles
                for c in 0..<cols { f[c] = Float(scales[c / config.tileCols]) }
            }
            let xr = x[r]
            let row = chi + r * cols
            let raw = UnsafeMutableRawPointer(row)
            let base = r * cols
            var off = 0
            if xr == 0 {
                while off < end {
                    let value = raw.loadUnaligned(fromByteOffset: off, as: SIMD8<Float>.self)
                    if any(Self.magnitudeBits(value) .>= thetaBits) {
                        m = finishVector(row, base: base, from: off / 4, count: 8, eps: eps, list: list, m: m)
                    }
                    off &+= 32
                }
            } else {
                let xs = SIMD8<Float>(repeating: xr)
                /// χ + the change of the eight entries at byte offset `o`, stored back.
                @inline(__always) func update(_ o: Int) -> SIMD8<Float> {
                    let vc = vraw.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
                    let old = raw.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
                    let value = scaled
                        ? old + (((xs * vc) * s) * fraw.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)) * toSteps
                        : old + ((xs * vc) * s) * toSteps
                    raw.storeBytes(of: value, toByteOffset: o, as: SIMD8<Float>.self)
                    return value
                }
                // Two vectors a step, one test for both: a pair with no entry at or above θ
                // (nearly every pair) costs one test; a flagged pair's offset is noted and the
                // pair finished after the row (no call in the loop, so its constants stay in
                // registers: all vector registers are caller-saved).
                var flagged = 0
                while off &+ 64 <= end {
                    let a0 = Self.magnitudeBits(update(off)), a1 = Self.magnitudeBits(update(off &+ 32))
                    // Noted without a branch: early in learning one pair in seven is flagged,
                    // too often for the branch predictor.
                    pairs[flagged] = off
                    flagged &+= any((a0 .>= thetaBits) .| (a1 .>= thetaBits)) ? 1 : 0
                    off &+= 64
                }
                if off < end, any(Self.magnitudeBits(update(off)) .>= thetaBits) {
                    pairs[flagged] = off
                    flagged &+= 1
                }
                for k in 0..<flagged {
                    let first = pairs[k] / 4
                    for c0 in Swift.stride(from: first, to: min(first &+ 16, whole), by: 8) {
                        m = finishFlagged(row, base: base, from: c0, eps: eps, list: list, m: m, thetaBits: thetaBits)
                    }
                }
                for c in whole..<cols {
                    row[c] = scaled ? row[c] + (((xr * v[c]) * s) * f[c]) * toSteps : row[c] + ((xr * v[c]) * s) * toSteps
                }
            }
            // The last columns (fewer than eight), one by one.
            m = finishVector(row, base: base, from: whole, count: cols - whole, eps: eps, list: list, m: m)
        }
        return m
    }

    /// The bits of `|value|` lane by lane, as integers: for non-negative IEEE floats the order
    /// of the bit patterns is the order of the values (a NaN above +∞), so `|χ| ≥ θ` is
    /// `magnitudeBits(χ) .>= θ.bits` for θ ≥ 0, one integer compare.
    @inline(__always)
    static func magnitudeBits(_ value: SIMD8<Float>) -> SIMD8<Int32> {
        unsafeBitCast(value, to: SIMD8<Int32>.self) & SIMD8(repeating: 0x7FFF_FFFF)
    }

    /// ``finishVector(_:base:from:count:eps:list:m:)`` of the eight entries from `c0` if one of
    /// them has `|χ| ≥ θ`; else `m` unchanged.
    @inline(__always)
    func finishFlagged(_ row: UnsafeMutablePointer<Float>, base: Int, from c0: Int, eps: Float,
                       list: UnsafeMutablePointer<Int32>, m: Int, thetaBits: SIMD8<Int32>) -> Int {
        let value = UnsafeRawPointer(row + c0).loadUnaligned(as: SIMD8<Float>.self)
        guard any(Self.magnitudeBits(value) .>= thetaBits) else { return m }
        return finishVector(row, base: base, from: c0, count: 8, eps: eps, list: list, m: m)
    }

    /// Clips `row[from..<from+count]` to ±10⁶ (the scalar form's `min(max(χ, −10⁶), 10⁶)`) and
    /// lists the entries with `|χ| ≥ ε` after `m`; returns the new count.
    @inline(__always)
    func finishVector(_ row: UnsafeMutablePointer<Float>, base: Int, from c0: Int, count: Int, eps: Float,
                      list: UnsafeMutablePointer<Int32>, m start: Int) -> Int {
        var m = start
        for c in c0..<(c0 + count) {
            let value = min(max(row[c], -1e6), 1e6)
            row[c] = value
            list[m] = Int32(truncatingIfNeeded: base + c)
            m &+= abs(value) >= eps ? 1 : 0
        }
        return m
    }
}

/// Whether a fold multiplies in per-tile write scales, as a type (see ``CrossbarLayer/foldOuterProduct(_:_:scale:toSteps:tileScales:_:)``).
protocol FoldMode { static var scaled: Bool { get } }
enum Unscaled: FoldMode { static var scaled: Bool { false } }
enum TileScaled: FoldMode { static var scaled: Bool { true } }

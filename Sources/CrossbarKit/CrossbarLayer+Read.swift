import DeviceKit
import KitSupport

/// What one read of the array drives, charged once per time step in which it is used.
public struct ReadCharge: Equatable, Sendable {
    public var activeRows = 0
    public var dacConversions = 0
    public var activeRowTiles = 0
    public var macs = 0
    /// Σ over driven rows of x²·Σ_c(g⁺ + g⁻).
    public var cellConductance: Float = 0
    public init() {}
}

extension CrossbarLayer {
    /// Phase 1 of a read (DESIGN §3.2): for each row-tile, the mean column currents
    /// `Σ_r x_r·w_rc` of its active rows and the standard deviation of their read noise,
    /// `σ_c = V·σ_r·√(Σ_r x_r²·(G⁺² + G⁻²))` (in network units). Event-driven: rows with
    /// `x_r = 0` cost nothing, and a tile with no active row is marked inactive and costs no
    /// conversion. `graded` inputs pass through the DAC model.
    ///
    /// When the input does not change between time steps (a static sample with direct
    /// encoding), the caller runs this once and ``convert(into:rng:)`` every step: the
    /// result has exactly the distribution of a fresh read, because the read noise is drawn
    /// in ``convert(into:rng:)``.
    ///
    /// `spikeList` (optional) lists the non-zero rows of a binary input in ascending order,
    /// as the LIF module emits them; without it the kernel builds the list itself.
    public func accumulate(_ input: UnsafePointer<Float>, graded: Bool,
                           spikeList: UnsafePointer<Int32>? = nil, spikeCount: Int = 0) -> ReadCharge {
        var charge = ReadCharge()
        let stride = self.stride, tileRows = config.tileRows
        let rc = rowConductance.pointer
        let part = partial.pointer, psd = partialVariance.pointer, active = tileActive.pointer
        let withNoise = noiseFactor > 0
        let binary = !graded
        // The row drives: the input itself, or its DAC-quantized copy in the scratch buffer.
        var x = input
        let list: UnsafePointer<Int32>
        var n = 0
        if let spikeList {
            list = spikeList
            n = spikeCount
        } else {
            if graded && config.dacBits > 0 {
                let fs = config.dacFullScale
                let step = fs / Float((1 << (config.dacBits - 1)) - 1)
                let q = inputScratch.pointer
                for r in 0..<rows { q[r] = roundToNearest(min(max(input[r], -fs), fs) / step) * step }
                x = UnsafePointer(q)
            }
            // Active rows, listed without branches (spike patterns defeat branch prediction).
            let built = activeRows.pointer
            for r in 0..<rows {
                built[n] = Int32(truncatingIfNeeded: r)
                n &+= isNonZero(x[r])
            }
            list = UnsafePointer(built)
        }
        active.update(repeating: 0, count: rowTiles)
        var k = 0
        while k < n {
            let rt = Int(list[k]) / tileRows
            let end = min(rows, (rt + 1) * tileRows)
            active[rt] = 1
            charge.activeRowTiles += 1
            // Rows of this tile: list[k..<stop].
            var stop = k
            while stop < n, Int(list[stop]) < end { stop += 1 }
            for j in k..<stop {
                let r = Int(list[j])
                let xr = x[r]
                charge.cellConductance += xr * xr * rc[r]
            }
            charge.activeRows += stop - k
            // Spikes (x = 1) or graded, with or without the read-noise variance terms
            // (``CrossbarLayer+TileKernels.swift``).
            accumulateTile(list, from: k, to: stop, input: x, binary: binary, withNoise: withNoise,
                           acc: part + rt * stride, vacc: psd + rt * stride)
            k = stop
            if withNoise {
                // Variance (a sum of non-negative terms) → standard deviation of the column
                // current, once per read, eight columns at a time (`stride` is a multiple of 8).
                let v = UnsafeMutableRawPointer(psd + rt * stride)
                let factor = SIMD8<Float>(repeating: noiseFactor)
                for off in Swift.stride(from: 0, to: stride &* 4, by: 32) {
                    let variance = v.loadUnaligned(fromByteOffset: off, as: SIMD8<Float>.self)
                    v.storeBytes(of: factor * squareRootOfNonNegative(variance), toByteOffset: off, as: SIMD8<Float>.self)
                }
            }
        }
        charge.macs = charge.activeRows * cols
        if graded { charge.dacConversions = charge.activeRows }
        return charge
    }

    /// Phase 2 of a read: for each active row-tile and column, add read noise (one Gaussian
    /// per column with the exact standard deviation of the sum of independent per-device
    /// noises, DESIGN §3.2), digitize with the ADC (clip to full scale, round to the nearest
    /// level), and add the tile's digital partial sum into `out[0..<cols]` (overwritten).
    /// Returns the number of ADC conversions.
    ///
    /// The deviates come from `rng` (a run's ``LaneNormalGenerator``), one per column of each
    /// active row-tile.
    public func convert(into out: UnsafeMutablePointer<Float>, rng: inout LaneNormalGenerator) -> Int {
        let cols = self.cols, stride = self.stride
        out.update(repeating: 0, count: cols)
        let part = partial.pointer, psd = partialVariance.pointer, active = tileActive.pointer
        let withNoise = noiseFactor > 0
        let adc = config.adcBits > 0
        let fullScale = config.adcFullScaleRows * maxWeight
        let maxCode = adc ? Float((1 << (config.adcBits - 1)) - 1) : 0
        let lsb = adc ? fullScale / maxCode : 0
        let inverseLSB = adc ? 1 / lsb : 0
        let noise = noiseScratch.pointer
        var conversions = 0
        for rt in 0..<rowTiles where active[rt] != 0 {
            let acc = part + rt * stride, sd = psd + rt * stride
            conversions += cols
            if withNoise { rng.fillGaussians(noise, count: cols) }
            // One loop per combination, so the column loop carries no branches.
            switch (withNoise, adc) {
            case (true, true):
                // Eight columns at a time: the scalar form's operations, lane by lane (the
                // padding up to `stride` holds zeros and is never added into `out`).
                let vectors = cols / 8
                convertNoisyADC(acc, sd, noise, out, vectors: vectors, inverseLSB: inverseLSB, maxCode: maxCode, lsb: lsb)
                for c in (vectors * 8)..<cols {
                    let i = acc[c] + sd[c] * noise[c]
                    out[c] += min(max(roundToNearest(i * inverseLSB), -maxCode), maxCode) * lsb
                }
            case (true, false):
                for c in 0..<cols { out[c] += acc[c] + sd[c] * noise[c] }
            case (false, true):
                for c in 0..<cols { out[c] += min(max(roundToNearest(acc[c] * inverseLSB), -maxCode), maxCode) * lsb }
            case (false, false):
                for c in 0..<cols { out[c] += acc[c] }
            }
        }
        return conversions
    }

    /// `out[c] += clip(round((acc[c] + sd[c]·z[c])/LSB), ±maxCode)·LSB` for the first
    /// `8·vectors` columns, in SIMD vectors (rounding by adding and subtracting 1.5·2²³, as
    /// ``roundToNearest(_:)``).
    @inline(__always)
    func convertNoisyADC(_ acc: UnsafeMutablePointer<Float>, _ sd: UnsafeMutablePointer<Float>,
                         _ noise: UnsafeMutablePointer<Float>, _ out: UnsafeMutablePointer<Float>,
                         vectors: Int, inverseLSB: Float, maxCode: Float, lsb: Float) {
        let a = UnsafeRawPointer(acc), d = UnsafeRawPointer(sd), z = UnsafeRawPointer(noise)
        let o = UnsafeMutableRawPointer(out)
        let magic = SIMD8<Float>(repeating: 12_582_912)
        let top = SIMD8<Float>(repeating: maxCode), bottom = SIMD8<Float>(repeating: -maxCode)
        var off = 0
        let end = vectors &* 32
        while off < end {
            let i = a.loadUnaligned(fromByteOffset: off, as: SIMD8<Float>.self)
                + d.loadUnaligned(fromByteOffset: off, as: SIMD8<Float>.self) * z.loadUnaligned(fromByteOffset: off, as: SIMD8<Float>.self)
            let code = clampCodes((i * inverseLSB + magic) - magic, top: top, bottom: bottom)
            let sum = o.loadUnaligned(fromByteOffset: off, as: SIMD8<Float>.self) + code * lsb
            o.storeBytes(of: sum, toByteOffset: off, as: SIMD8<Float>.self)
            off &+= 32
        }
    }

    /// `min(max(c, bottom), top)` for integer-valued `c` and bounds below 2²³ in magnitude,
    /// with bit operations: `min(c, M) = c − relu(c − M)`, `max(c, −M) = c + relu(−M − c)`,
    /// each difference exact for such integers (`SIMD8` min/max are lane loops here).
    @inline(__always)
    func clampCodes(_ c: SIMD8<Float>, top: SIMD8<Float>, bottom: SIMD8<Float>) -> SIMD8<Float> {
        let upper = c - relu(c - top)
        return upper + relu(bottom - upper)
    }

    /// Both phases at once.
    public func read(_ input: UnsafePointer<Float>, graded: Bool, into out: UnsafeMutablePointer<Float>,
                     rng: inout LaneNormalGenerator, counts: inout OperationCounts) {
        let charge = accumulate(input, graded: graded)
        let conversions = convert(into: out, rng: &rng)
        counts.charge(charge, conversions: conversions, colTiles: colTiles)
    }
}

/// 1 if `x` is non-zero (either sign of zero counts as zero), else 0; branch-free.
@inline(__always)
func isNonZero(_ x: Float) -> Int {
    let b = x.bitPattern & 0x7FFF_FFFF
    return Int((b | (0 &- b)) >> 31)
}

extension OperationCounts {
    /// Adds one time step's read of a layer.
    public mutating func charge(_ c: ReadCharge, conversions: Int, colTiles: Int) {
        activeRows += Double(c.activeRows)
        dacConversions += Double(c.dacConversions)
        adcConversions += Double(conversions)
        tileActivations += Double(c.activeRowTiles * colTiles)
        cellReadConductance += Double(c.cellConductance)
        macs += Double(c.macs)
        partialSumAdds += Double(conversions)
    }
}

import RealModule

/// Tables of the ziggurat method for standard normal deviates (Marsaglia & Tsang, "The
/// Ziggurat Method for Generating Random Variables", J. Stat. Softw. 5(8), 2000), with 128
/// layers, written for 32-bit draws: 7 bits choose the layer and the other 25 bits (signed)
/// the abscissa, so the layer index and the value never share bits (the flaw Doornik 2005
/// pointed out in the original) and one 64-bit draw gives two deviates. 25 bits exceed a
/// `Float` mantissa, so nothing is lost in resolution. About 98.8 % of deviates cost one
/// comparison and one multiply; the rest take the exact rejection step.
///
/// `@unchecked Sendable` is safe here: the three pointers are `let`, their memory is written
/// only in `init` (before the instance can be shared) and never freed or written after, so
/// every later access is a read of immutable memory. (Pointers, not arrays, because the
/// draw is on the per-time-step hot path; see SWIFT-NOTES "The trap".)
public final class ZigguratTables: @unchecked Sendable {
    /// Edge of the base layer, r.
    public static let r: Float = 3.442619855899
    /// Acceptance thresholds k_i on |hz|, hz ∈ [−2²⁴, 2²⁴).
    public let k: UnsafeMutablePointer<UInt32>
    /// Layer widths w_i, scaled by 2⁻²⁴.
    public let w: UnsafeMutablePointer<Float>
    /// Density at each layer edge, f_i = exp(−x_i²/2).
    public let f: UnsafeMutablePointer<Float>

    public init() {
        k = .allocate(capacity: 128)
        w = .allocate(capacity: 128)
        f = .allocate(capacity: 128)
        let m1 = 16_777_216.0  // 2^24
        let vn = 9.91256303526217e-3
        var dn = Double(Self.r), tn = dn
        let q = vn / Double.exp(-0.5 * dn * dn)
        k[0] = UInt32((dn / q) * m1)
        k[1] = 0
        w[0] = Float(q / m1)
        w[127] = Float(dn / m1)
        f[0] = 1
        f[127] = Float(Double.exp(-0.5 * dn * dn))
        for i in stride(from: 126, through: 1, by: -1) {
            dn = (-2 * Double.log(vn / dn + Double.exp(-0.5 * dn * dn))).squareRoot()
            k[i + 1] = UInt32((dn / tn) * m1)
            tn = dn
            f[i] = Float(Double.exp(-0.5 * dn * dn))
            w[i] = Float(dn / m1)
        }
    }
    // Process-lifetime tables: never freed.
}

/// The process-wide ziggurat tables (computed once, read-only).
public let zigguratTables = ZigguratTables()

extension SeededGenerator {
    /// A standard normal deviate N(0, 1) by the ziggurat method (see ``ZigguratTables``),
    /// from the low 32 bits of one draw.
    @inlinable
    public mutating func nextGaussian() -> Float {
        nextGaussian(tables: zigguratTables)
    }

    /// The same deviate with the tables already at hand: a hot caller (the pulse loop) keeps
    /// them, and skips the lazy global's once-check on every draw.
    @inlinable
    public mutating func nextGaussian(tables t: ZigguratTables) -> Float {
        gaussian(half: UInt32(truncatingIfNeeded: next()), k: t.k, w: t.w)
    }

    /// The deviate encoded by one 32-bit half-draw: layer = low 7 bits, hz = the upper 25
    /// bits as a signed number.
    @inlinable @inline(__always)
    mutating func gaussian(half h: UInt32, k: UnsafeMutablePointer<UInt32>, w: UnsafeMutablePointer<Float>) -> Float {
        let layer = Int(h & 127)
        let hz = Int32(bitPattern: h) >> 7
        if hz.magnitude < k[layer] { return Float(hz) * w[layer] }
        return slowGaussian(layer: layer, hz: hz)
    }

    /// Fills `out[0..<count]` with standard normal deviates, two per 64-bit draw. The
    /// xoshiro256** step is written out on local copies of the state so the compiler keeps
    /// it in registers (through `self` it could alias `out` and would store it every draw);
    /// the sequence is exactly that of ``next()``.
    public mutating func fillGaussians(_ out: UnsafeMutablePointer<Float>, count: Int) {
        let t = zigguratTables
        let k = t.k, w = t.w
        var a = s0, b = s1, c = s2, d = s3
        var i = 0
        while i < count {
            let bits = Self.rotl(b &* 5, 7) &* 9
            let t17 = b << 17
            c ^= a; d ^= b; b ^= c; a ^= d; c ^= t17; d = Self.rotl(d, 45)
            let lo = UInt32(truncatingIfNeeded: bits), hi = UInt32(truncatingIfNeeded: bits >> 32)
            let l0 = Int(lo & 127), h0 = Int32(bitPattern: lo) >> 7
            let l1 = Int(hi & 127), h1 = Int32(bitPattern: hi) >> 7
            if h0.magnitude < k[l0] && h1.magnitude < k[l1] && i + 1 < count {
                out[i] = Float(h0) * w[l0]
                out[i + 1] = Float(h1) * w[l1]
                i += 2
                continue
            }
            // Rare: a rejection step (it draws more numbers) or the last odd deviate.
            s0 = a; s1 = b; s2 = c; s3 = d
            out[i] = h0.magnitude < k[l0] ? Float(h0) * w[l0] : slowGaussian(layer: l0, hz: h0)
            if i + 1 < count {
                out[i + 1] = h1.magnitude < k[l1] ? Float(h1) * w[l1] : slowGaussian(layer: l1, hz: h1)
            }
            i += 2
            a = s0; b = s1; c = s2; d = s3
        }
        s0 = a; s1 = b; s2 = c; s3 = d
    }

    /// The rare branch: a draw outside its layer's rectangle is finished exactly (wedge
    /// rejection under the density, or Marsaglia's exponential tail beyond r).
    @usableFromInline
    mutating func slowGaussian(layer startLayer: Int, hz startHz: Int32) -> Float {
        let t = zigguratTables
        var layer = startLayer
        var hz = startHz
        while true {
            let x = Float(hz) * t.w[layer]
            if hz.magnitude < t.k[layer] { return x }
            if layer == 0 {
                var tx: Float, ty: Float
                repeat {
                    tx = -Float.log(max(nextUnitFloat(), 1e-30)) / ZigguratTables.r
                    ty = -Float.log(max(nextUnitFloat(), 1e-30))
                } while ty + ty < tx * tx
                return hz > 0 ? ZigguratTables.r + tx : -ZigguratTables.r - tx
            }
            if t.f[layer] + nextUnitFloat() * (t.f[layer - 1] - t.f[layer]) < Float.exp(-0.5 * x * x) { return x }
            let h = UInt32(truncatingIfNeeded: next())
            layer = Int(h & 127)
            hz = Int32(bitPattern: h) >> 7
        }
    }
}

/// Standard normal deviates in blocks, eight lanes at a time, for the read path's per-column
/// noise (one deviate per column, row-tile and time step: 106,000 per sample on a 784-512
/// layer, where the scalar ziggurat took most of the time of an inference).
///
/// Uniform bits come from eight independent xoshiro128+ generators (Blackman & Vigna 2021;
/// only shifts, xors and adds, so they vectorize on the portable x86-64 target), whose 32
/// state words are drawn from a ``SeededGenerator`` when the block generator is made: a
/// block generator lives for one read, so it adds no state to a checkpoint.
///
/// Deviates come in pairs from the Box–Muller transform (Box & Muller 1958),
/// ```
/// z₀ = √(−2 ln u₁)·cos 2πu₂,   z₁ = √(−2 ln u₁)·sin 2πu₂,   u₁ ∈ (0, 1], u₂ ∈ [0, 1)
/// ```
/// with `ln`, `cos` and `sin` as polynomials on SIMD vectors (absolute error below 10⁻⁶,
/// checked in the tests). `u₁` has 24 bits, so |z| ≤ √(2·24·ln 2) ≈ 5.77: the tail beyond
/// 5.77σ (probability 8·10⁻⁹) is cut, a documented difference from the ziggurat.
public struct NormalBlockGenerator {
    @usableFromInline var s0: SIMD8<UInt32>
    @usableFromInline var s1: SIMD8<UInt32>
    @usableFromInline var s2: SIMD8<UInt32>
    @usableFromInline var s3: SIMD8<UInt32>

    /// Seeds the eight lanes with 16 draws of `rng`.
    @inlinable
    public init(seededFrom rng: inout SeededGenerator) {
        func word() -> SIMD8<UInt32> {
            var v = SIMD8<UInt32>()
            for lane in Swift.stride(from: 0, to: 8, by: 2) {
                let x = rng.next()
                v[lane] = UInt32(truncatingIfNeeded: x)
                v[lane + 1] = UInt32(truncatingIfNeeded: x >> 32)
            }
            return v
        }
        s0 = word(); s1 = word(); s2 = word(); s3 = word()
        // An all-zero lane would stay zero; one bit in s0 rules it out (a 2⁻¹²⁸ event).
        s0 |= SIMD8(repeating: 1)
    }

    /// The next 32 random bits of each lane (xoshiro128+; its top 24 bits are the ones used).
    @inlinable @inline(__always)
    public mutating func nextBits() -> SIMD8<UInt32> {
        let result = s0 &+ s3
        let t = s1 &<< 9
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 &<< 11) | (s3 &>> 21)
        return result
    }

    /// Sixteen standard normal deviates: the cosine and the sine halves of eight Box–Muller pairs.
    /// Uniforms are made by bit casts (23 random bits into the mantissa of a number in [1, 2)),
    /// never by integer-to-float conversions, which the standard library does lane by lane.
    @inlinable @inline(__always)
    public mutating func nextPairs() -> (SIMD8<Float>, SIMD8<Float>) {
        let one = SIMD8<UInt32>(repeating: 0x3F80_0000)
        let f1 = unsafeBitCast((nextBits() &>> 9) | one, to: SIMD8<Float>.self)   // [1, 2)
        let f2 = unsafeBitCast((nextBits() &>> 9) | one, to: SIMD8<Float>.self)
        let u1 = 2 - f1                                                          // (0, 1]
        let u2 = f2 - 1                                                          // [0, 1)
        let r = (-2 * VectorMath.log(u1)).squareRoot()
        let (s, c) = VectorMath.sinCosTurns(u2)
        return (r * c, r * s)
    }

    /// Fills `out[0..<count]` with standard normal deviates.
    @inlinable
    public mutating func fill(_ out: UnsafeMutablePointer<Float>, count: Int) {
        let raw = UnsafeMutableRawPointer(out)
        var i = 0
        while i + 16 <= count {
            let (a, b) = nextPairs()
            raw.storeBytes(of: a, toByteOffset: i * 4, as: SIMD8<Float>.self)
            raw.storeBytes(of: b, toByteOffset: (i + 8) * 4, as: SIMD8<Float>.self)
            i += 16
        }
        guard i < count else { return }
        let (a, b) = nextPairs()
        for j in i..<count { out[j] = j - i < 8 ? a[j - i] : b[j - i - 8] }
    }
}

/// Elementary functions on `SIMD8<Float>` by polynomials: branch-free, for vector kernels.
public enum VectorMath {
    /// Natural logarithm of positive, finite, normal `x`: `x = m·2ᵉ` with `m ∈ [√½, √2)`, then
    /// `ln m = 2·atanh s = 2(s + s³/3 + s⁵/5 + s⁷/7 + s⁹/9)`, `s = (m − 1)/(m + 1)`, |s| ≤ 0.172
    /// (truncation error below 10⁻⁹).
    @inlinable @inline(__always)
    public static func log(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let bits = unsafeBitCast(x, to: SIMD8<Int32>.self)   // same size: a bit cast
        // Split off the exponent so that m lands in [√½, √2): offset by the bits of √½.
        let offset = SIMD8<Int32>(repeating: 0x3F35_04F3)
        let shifted = bits &- offset
        let e = shifted &>> 23
        let m = unsafeBitCast((shifted & 0x007F_FFFF) &+ offset, to: SIMD8<Float>.self)
        // e as a float without a conversion: 1.5·2²³ + e has e in its low mantissa bits.
        let magic = SIMD8<Float>(repeating: 12_582_912)
        let ef = unsafeBitCast(e &+ 0x4B40_0000, to: SIMD8<Float>.self) - magic
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var p = SIMD8<Float>(repeating: 1.0 / 9)
        p = p * s2 + 1.0 / 7
        p = p * s2 + 1.0 / 5
        p = p * s2 + 1.0 / 3
        p = p * s2 + 1
        return 2 * s * p + ef * 0.693_147_18
    }

    /// `(sin 2πt, cos 2πt)` for `t ∈ [0, 1)`: the quadrant `q = round(4t)`, then Taylor
    /// polynomials on `a = (4t − q)·π/2 ∈ [−π/4, π/4]` (to a⁹ and a⁸: error below 4·10⁻⁹),
    /// rotated by q quarter turns with bit operations (odd q swaps sin and cos; the sign
    /// bit flips sin for q ∈ {2, 3} and cos for q ∈ {1, 2}).
    @inlinable @inline(__always)
    public static func sinCosTurns(_ t: SIMD8<Float>) -> (SIMD8<Float>, SIMD8<Float>) {
        let magic = SIMD8<Float>(repeating: 12_582_912)   // 1.5·2²³: round to nearest, no libc
        let four = 4 * t
        let rounded = four + magic
        let q = unsafeBitCast(rounded, to: SIMD8<UInt32>.self) &- 0x4B40_0000
        let a = (four - (rounded - magic)) * (Float.pi / 2)
        let a2 = a * a
        var sp = SIMD8<Float>(repeating: 1.0 / 362_880)
        sp = sp * a2 - 1.0 / 5040
        sp = sp * a2 + 1.0 / 120
        sp = sp * a2 - 1.0 / 6
        sp = sp * a2 + 1
        let s = unsafeBitCast(a * sp, to: SIMD8<UInt32>.self)
        var cp = SIMD8<Float>(repeating: 1.0 / 40320)
        cp = cp * a2 - 1.0 / 720
        cp = cp * a2 + 1.0 / 24
        cp = cp * a2 - 0.5
        let c = unsafeBitCast(cp * a2 + 1, to: SIMD8<UInt32>.self)
        let swap = SIMD8<UInt32>(repeating: 0) &- (q & 1)         // all ones for odd q
        let sinBase = (s & ~swap) | (c & swap)
        let cosBase = (c & ~swap) | (s & swap)
        let sinSign = (q & 2) &<< 30
        let cosSign = ((q &+ 1) & 2) &<< 30
        return (unsafeBitCast(sinBase ^ sinSign, to: SIMD8<Float>.self),
                unsafeBitCast(cosBase ^ cosSign, to: SIMD8<Float>.self))
    }
}

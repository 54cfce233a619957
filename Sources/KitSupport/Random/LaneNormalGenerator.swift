/// Standard normal deviates sixteen at a time in SIMD lanes, for the read noise (the most
/// frequent draw of a run: a 784-512-10 network on Fashion-MNIST takes ≈ 107,000 per sample,
/// 16 steps × 13 row-tiles × 512 columns and the readout's). The scalar ziggurat
/// (``SeededGenerator/fillGaussians(_:count:)``) costs ≈ 27 instructions a deviate on either
/// target; this costs ≈ 19 on the portable x86-64 target (SSE2: two registers per `SIMD8`,
/// two-operand instructions) and ≈ 8.5 on x86-64-v3 (callgrind, 784-512-10 `bench`).
///
/// **Uniform bits.** Eight independent xoshiro128** generators (Blackman & Vigna, "Scrambled
/// linear pseudorandom number generators", ACM TOMS 2021), one per lane, each seeded from
/// SplitMix64 on the run seed and the stream label. The `*5` and `*9` of the scrambler are
/// shifts and adds (SSE2 has no 32-bit lane multiply).
///
/// **Transform.** Box–Muller (Box & Muller, Ann. Math. Stat. 29, 1958): for `u ∈ (0, 1]` and
/// an angle `φ` uniform on `[0, 2π)`, `R·cos φ` and `R·sin φ` with `R = √(−2 ln u)` are two
/// independent N(0, 1). One 32-bit draw gives `u = (k + ½)·2⁻³¹` from its upper 31 bits `k`
/// (so `R ≤ √(2·32·ln 2) ≈ 6.66`: the |z| > 6.66 tail, probability 2.7·10⁻¹¹, is cut — our
/// assumption that no read-noise result depends on it). A second draw gives `θ` uniform on
/// `[0, π/4)` from its upper 24 bits and, from its low three bits, whether to swap `cos θ`
/// and `sin θ` and the two signs: the eight reflections of the square carry `θ` onto a
/// uniform angle on the whole circle.
///
/// **Arithmetic.** No libm call and no table: `ln m` for the mantissa `m ∈ [√½, √2)` is the
/// series `2·atanh s = 2(s + s³/3 + … + s⁹/9)`, `s = (m − 1)/(m + 1)`, `|s| ≤ 0.172` (next term
/// < 10⁻⁹); `sin θ` is its Taylor series to `θ⁹` on `[0, π/4)` (next term < 2·10⁻⁹) and
/// `cos θ = √((1 − sin θ)(1 + sin θ))`. Every step is a separate IEEE multiply, add, divide or
/// square root (Swift does not contract them into FMAs), so the portable and the x86-64-v3
/// builds give the same bits.
public struct LaneNormalGenerator: Sendable, Equatable {
    var s0: SIMD8<UInt32>
    var s1: SIMD8<UInt32>
    var s2: SIMD8<UInt32>
    var s3: SIMD8<UInt32>
    /// The rotation counts of xoshiro128**, held as stored values rather than literals: with
    /// literal counts LLVM turns `(x << 7) | (x >> 25)` into a vector rotate, which the
    /// portable x86-64 target (SSE2 has no rotate) carries out lane by lane, extracting and
    /// reinserting every lane (measured on the one-loop form: 30 instructions a deviate with
    /// literal counts, 20.5 with stored ones).
    var rotations = XoshiroRotations()

    /// Seeds the eight lanes from `seed` and `stream` (the stream's seed as
    /// ``SeededGenerator/streamSeed(_:_:)`` derives it), four 32-bit words a lane from SplitMix64.
    public init(seed: UInt64, stream: RandomStream) {
        var sm = SplitMix64(state: SeededGenerator.streamSeed(seed, stream))
        var words = [UInt64](repeating: 0, count: 16)
        for i in 0..<16 { words[i] = sm.next() }
        (s0, s1, s2, s3) = Self.lanes(words)
        // xoshiro must not start from an all-zero state (probability 2⁻¹²⁸ a lane).
        let zero = (s0 | s1 | s2 | s3) .== SIMD8<UInt32>(repeating: 0)
        s0.replace(with: 0x9E37_79B9, where: zero)
    }

    /// Restores a generator from ``stateWords``; throws if there are not 16 words.
    public init(stateWords words: [UInt64]) throws {
        guard words.count == 16 else { throw StateError.shapeMismatch(what: "read-noise generator", expected: 16, found: words.count) }
        (s0, s1, s2, s3) = Self.lanes(words)
    }

    /// The complete state: the four 32-bit words of each lane, two lanes to a 64-bit word.
    public var stateWords: [UInt64] {
        var words: [UInt64] = []
        words.reserveCapacity(16)
        for s in [s0, s1, s2, s3] {
            for l in stride(from: 0, to: 8, by: 2) { words.append(UInt64(s[l]) | UInt64(s[l + 1]) << 32) }
        }
        return words
    }

    static func lanes(_ w: [UInt64]) -> (SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>) {
        func vector(_ k: Int) -> SIMD8<UInt32> {
            var v = SIMD8<UInt32>()
            for l in stride(from: 0, to: 8, by: 2) {
                let word = w[k * 4 + l / 2]
                v[l] = UInt32(truncatingIfNeeded: word)
                v[l + 1] = UInt32(truncatingIfNeeded: word >> 32)
            }
            return v
        }
        return (vector(0), vector(1), vector(2), vector(3))
    }

    /// Fills `out[0..<count]` with N(0, 1) deviates, sixteen per block; the last block's
    /// unused deviates are dropped (so a call always consumes `⌈count/16⌉` blocks).
    ///
    /// Two passes: the generator writes each whole block's two 8-lane draws into `out` as bit
    /// patterns, then the transform turns them into deviates in place. Apart, each loop fits
    /// the sixteen SSE registers (together they spilled on every block).
    public mutating func fillGaussians(_ out: UnsafeMutablePointer<Float>, count: Int) {
        // Local copies keep the state in registers (through `self` it could alias `out`).
        var state = LaneState(s0: s0, s1: s1, s2: s2, s3: s3, rotations: rotations)
        let raw = UnsafeMutableRawPointer(out)
        let wholeBytes = (count / 16) &* 64
        var off = 0
        while off < wholeBytes {
            raw.storeBytes(of: state.next(), toByteOffset: off, as: SIMD8<UInt32>.self)
            raw.storeBytes(of: state.next(), toByteOffset: off &+ 32, as: SIMD8<UInt32>.self)
            off &+= 64
        }
        off = 0
        while off < wholeBytes {
            let (a, b) = LaneMath.boxMuller(raw.loadUnaligned(fromByteOffset: off, as: SIMD8<UInt32>.self),
                                            raw.loadUnaligned(fromByteOffset: off &+ 32, as: SIMD8<UInt32>.self))
            raw.storeBytes(of: a, toByteOffset: off, as: SIMD8<Float>.self)
            raw.storeBytes(of: b, toByteOffset: off &+ 32, as: SIMD8<Float>.self)
            off &+= 64
        }
        let i = wholeBytes / 4
        if i < count {
            let first = state.next()
            let (a, b) = LaneMath.boxMuller(first, state.next())
            for l in 0..<min(8, count - i) { out[i + l] = a[l] }
            for l in 0..<max(0, count - i - 8) { out[i + 8 + l] = b[l] }
        }
        s0 = state.s0; s1 = state.s1; s2 = state.s2; s3 = state.s3
    }
}

/// xoshiro128**'s rotation counts (see ``LaneNormalGenerator/rotations``).
struct XoshiroRotations: Equatable, Sendable {
    var scramble: UInt32 = 7
    var state: UInt32 = 11
}

/// The eight xoshiro128** lanes of a ``LaneNormalGenerator``, held in locals while it fills.
struct LaneState {
    var s0: SIMD8<UInt32>, s1: SIMD8<UInt32>, s2: SIMD8<UInt32>, s3: SIMD8<UInt32>
    let scrambleLeft: SIMD8<UInt32>, scrambleRight: SIMD8<UInt32>
    let stateLeft: SIMD8<UInt32>, stateRight: SIMD8<UInt32>

    init(s0: SIMD8<UInt32>, s1: SIMD8<UInt32>, s2: SIMD8<UInt32>, s3: SIMD8<UInt32>, rotations: XoshiroRotations) {
        self.s0 = s0; self.s1 = s1; self.s2 = s2; self.s3 = s3
        scrambleLeft = SIMD8(repeating: rotations.scramble)
        scrambleRight = SIMD8(repeating: 32 - rotations.scramble)
        stateLeft = SIMD8(repeating: rotations.state)
        stateRight = SIMD8(repeating: 32 - rotations.state)
    }

    /// One xoshiro128** step in every lane: `rotl(s1·5, 7)·9`, then the state transition.
    @inline(__always)
    mutating func next() -> SIMD8<UInt32> {
        let five = s1 &+ (s1 &<< 2)
        let rotated = (five &<< scrambleLeft) | (five &>> scrambleRight)
        let result = rotated &+ (rotated &<< 3)
        let t = s1 &<< 9
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t
        s3 = (s3 &<< stateLeft) | (s3 &>> stateRight)
        return result
    }
}

/// The lane arithmetic of ``LaneNormalGenerator``: IEEE multiplies, adds, divides and square
/// roots on `SIMD8`, no libm call.
enum LaneMath {
    /// Sixteen deviates from two 8-lane draws: `R·cos φ` in the first vector, `R·sin φ` in
    /// the second (`R` from `radiusBits`, φ from `angleBits`; see ``LaneNormalGenerator``).
    @inline(__always)
    static func boxMuller(_ radiusBits: SIMD8<UInt32>, _ angleBits: SIMD8<UInt32>) -> (SIMD8<Float>, SIMD8<Float>) {
        let radius = boxMullerRadius(radiusBits)
        let quarterTurnPerUnit = SIMD8<Float>(repeating: Float(Double.pi / 4 / 16_777_216))
        let theta = SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: angleBits &>> 8)) * quarterTurnPerUnit
        let (sine, cosine) = sineCosine(theta)
        // Bit 0 swaps the pair (θ → π/2 − θ); bits 1 and 2 are the two signs.
        let swap = SIMD8<UInt32>(repeating: 0) &- (angleBits & 1)
        let c = unsafeBitCast(cosine, to: SIMD8<UInt32>.self), s = unsafeBitCast(sine, to: SIMD8<UInt32>.self)
        let exchanged = (c ^ s) & swap
        let first = (c ^ exchanged) ^ ((angleBits & 2) &<< 30)
        let second = (s ^ exchanged) ^ ((angleBits & 4) &<< 29)
        return (radius * unsafeBitCast(first, to: SIMD8<Float>.self),
                radius * unsafeBitCast(second, to: SIMD8<Float>.self))
    }

    /// `√(−2 ln u)` with `u = (k + ½)·2⁻³¹`, `k` the upper 31 bits of `bits`.
    @inline(__always)
    static func boxMullerRadius(_ bits: SIMD8<UInt32>) -> SIMD8<Float> {
        let k = SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: bits &>> 1))
        let u = (k + SIMD8<Float>(repeating: 0.5)) * SIMD8<Float>(repeating: 0x1.0p-31)
        // ln u ≤ 0 for u ≤ 1 (e = 0 needs m ≤ 1, so ln m ≤ 0; e < 0 gives e·ln 2 ≤ −0.69 <
        // −ln √2), so the square root never sees a negative number.
        return squareRootOfNonNegative(naturalLog(u) * SIMD8<Float>(repeating: -2))
    }

    /// `ln u` for positive normal `u`: `u = 2ᵉ·m` with `m ∈ [√½, √2)` (the exponent taken after
    /// adding `1 − √½` to the bit pattern, so that mantissas above √2 carry into it), then
    /// `e·ln 2 + 2·atanh((m − 1)/(m + 1))` (`Float(ln 2)` is within 3·10⁻⁹ of ln 2, far below
    /// the rounding of the product).
    @inline(__always)
    static func naturalLog(_ u: SIMD8<Float>) -> SIMD8<Float> {
        let sqrtHalfBits: Int32 = 0x3F35_04F3   // √½ as a Float
        let shifted = unsafeBitCast(u, to: SIMD8<Int32>.self) &+ (0x3F80_0000 - sqrtHalfBits)
        let exponent = SIMD8<Float>((shifted &>> 23) &- 127)
        let m = unsafeBitCast((shifted & 0x007F_FFFF) &+ sqrtHalfBits, to: SIMD8<Float>.self)
        let one = SIMD8<Float>(repeating: 1)
        let s = (m - one) / (m + one)
        let s2 = s * s
        var series = step(s2, 1 / 9, 1 / 7)
        series = step(s2, series, 1 / 5)
        series = step(s2, series, 1 / 3)
        series = step(s2, series, 1)
        let lnM = (s + s) * series
        return exponent * SIMD8<Float>(repeating: 0.693_147_18) + lnM
    }

    /// `(sin θ, cos θ)` for θ ∈ [0, π/4): the Taylor series of sin θ in θ² (Horner form), and
    /// `cos θ = √((1 − sin θ)(1 + sin θ))`, well conditioned there (cos θ ≥ 0.707).
    @inline(__always)
    static func sineCosine(_ x: SIMD8<Float>) -> (SIMD8<Float>, SIMD8<Float>) {
        let x2 = x * x
        var sine = step(x2, 1 / 362_880, -1 / 5040)
        sine = step(x2, sine, 1 / 120)
        sine = step(x2, sine, -1 / 6)
        let s = x + x * (x2 * sine)
        let one = SIMD8<Float>(repeating: 1)
        return (s, squareRootOfNonNegative((one - s) * (one + s)))
    }

    /// One Horner step, `p·x + c` (a multiply, then an add).
    @inline(__always)
    static func step(_ x: SIMD8<Float>, _ p: SIMD8<Float>, _ c: Float) -> SIMD8<Float> {
        p * x + SIMD8<Float>(repeating: c)
    }

    /// The first Horner step from two constants, `a·x + c`.
    @inline(__always)
    static func step(_ x: SIMD8<Float>, _ a: Float, _ c: Float) -> SIMD8<Float> {
        SIMD8<Float>(repeating: a) * x + SIMD8<Float>(repeating: c)
    }
}

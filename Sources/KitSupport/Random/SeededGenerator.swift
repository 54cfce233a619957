import RealModule

/// A fast, seedable pseudo-random generator: xoshiro256** (Blackman & Vigna, "Scrambled
/// linear pseudorandom number generators", ACM TOMS 2021), seeded through SplitMix64.
///
/// Every random draw in Spikebar comes from one of these, seeded from the run's `--seed`,
/// so the same seed and configuration give the same run bit for bit. The full state (four
/// words) is exposed so a checkpoint can save and restore it exactly. Normal deviates come
/// from the ziggurat method (``nextGaussian()``, in `Ziggurat.swift`).
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Seeds the four state words with SplitMix64 (the seeding the xoshiro authors recommend).
    public init(seed: UInt64) {
        var sm = SplitMix64(state: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// An independent stream for one consumer (device variation, read noise, …), derived
    /// from the run seed and the stream's label, so that switching one consumer on or off
    /// never shifts the draws of another.
    public init(seed: UInt64, stream: RandomStream) {
        self.init(seed: Self.streamSeed(seed, stream))
    }

    /// The seed of one stream: the run seed mixed with the stream's label (shared by every
    /// generator type that draws from a ``RandomStream``).
    @inlinable
    public static func streamSeed(_ seed: UInt64, _ stream: RandomStream) -> UInt64 {
        seed ^ (stream.rawValue &* 0xD1B5_4A32_D192_ED03)
    }

    /// Restores a generator from `stateWords` (as produced by ``stateWords``).
    public init(stateWords words: [UInt64]) {
        precondition(words.count == 4, "a generator state has 4 words")
        s0 = words[0]; s1 = words[1]; s2 = words[2]; s3 = words[3]
    }

    /// The complete state: the four xoshiro words.
    public var stateWords: [UInt64] { [s0, s1, s2, s3] }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    @inlinable @inline(__always)
    static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform `Float` in [0, 1) with 24 random bits.
    @inlinable
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1.0p-24
    }

    /// A uniform `Double` in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

}

/// SplitMix64 (Steele, Lea & Flood 2014), used only to expand a seed into xoshiro state.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

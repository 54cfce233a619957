/// Counter-based random draws: the value for counter `c` under key `k` is a pure function
/// `mix(k + (c + 1)·γ)` (the SplitMix64 output function, Steele, Lea & Flood 2014, with
/// γ = 0x9E3779B97F4A7C15), so any one draw can be regenerated on demand without drawing
/// the ones before it. Used for per-device parameters that are recomputed instead of stored.
///
/// Keys come from a ``SeededGenerator`` on their own ``RandomStream``; two keys give
/// overlapping sequences only if they differ by a multiple of γ within the counter range
/// (probability ~2⁻⁶⁴·counters for random keys).
public enum CounterDraw {
    /// The 64 random bits for `counter` under `key`.
    @inlinable @inline(__always)
    public static func bits(key: UInt64, counter: UInt64) -> UInt64 {
        var z = key &+ (counter &+ 1) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform `Float` in [0, 1) from the top 24 of `bits`.
    @inlinable @inline(__always)
    public static func unitFloat(_ bits: UInt64) -> Float { Float(bits >> 40) * 0x1.0p-24 }

    /// A standard normal deviate N(0, 1) from `bits`, by the same ziggurat as
    /// ``SeededGenerator/nextGaussian()``: the low 32 bits pick the layer and abscissa; the
    /// rare rejection step (~1.2 %) continues on a generator seeded from all 64 bits.
    @inlinable @inline(__always)
    public static func gaussian(_ bits: UInt64) -> Float { gaussian(bits, tables: zigguratTables) }

    /// The same with the tables (``zigguratTables``) already at hand: a hot caller keeps them
    /// in a stored property, which spares the lazy global's `swift_once` check per deviate.
    @inlinable @inline(__always)
    public static func gaussian(_ bits: UInt64, tables t: ZigguratTables) -> Float {
        let h = UInt32(truncatingIfNeeded: bits)
        let layer = Int(h & 127)
        let hz = Int32(bitPattern: h) >> 7
        if hz.magnitude < t.k[layer] { return Float(hz) * t.w[layer] }
        return rejected(bits, layer: layer, hz: hz)
    }

    @usableFromInline
    static func rejected(_ bits: UInt64, layer: Int, hz: Int32) -> Float {
        var g = SeededGenerator(seed: bits ^ 0x5851_F42D_4C95_7F2D)
        return g.slowGaussian(layer: layer, hz: hz)
    }
}

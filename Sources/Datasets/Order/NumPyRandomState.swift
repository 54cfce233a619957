/// NumPy's legacy `numpy.random.RandomState(seed)` for an integer seed, as far as
/// `permutation(n)` needs it, bit for bit — so Spikebar can take samples in the order the
/// published protocols use (`RandomState(0).permutation(60000)` for Fashion-MNIST).
///
/// - Generator: MT19937 (Matsumoto & Nishimura 1998), seeded as NumPy's legacy seeding does
///   for an int: `key[0] = seed`, `key[i] = 1812433253 · (key[i−1] ⊕ (key[i−1] ≫ 30)) + i`
///   (mod 2³²), the first draw regenerating the 624 words.
/// - `permutation(n)`: `arange(n)` shuffled by NumPy's legacy Fisher–Yates: for i from n−1
///   down to 1, j = `random_interval(i)` (draw 32 bits — 64 when i ≥ 2³² — mask them to the
///   smallest all-ones mask ≥ i, redraw while > i), then swap items i and j.
/// Checked against numpy 2.4 in `NumPyOrderTests`. Not a source of noise: model randomness
/// comes from `SeededGenerator`.
public struct NumPyRandomState {
    var key = [UInt32](repeating: 0, count: 624)
    var position = 624

    /// The state of `RandomState(seed)`.
    public init(seed: UInt32) {
        key[0] = seed
        for i in 1..<624 {
            key[i] = 1_812_433_253 &* (key[i - 1] ^ (key[i - 1] >> 30)) &+ UInt32(i)
        }
    }

    /// The next 32-bit output (MT19937 with its tempering).
    public mutating func nextUInt32() -> UInt32 {
        if position >= 624 { regenerate() }
        var y = key[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// Two outputs as NumPy joins them: the first in the high half.
    public mutating func nextUInt64() -> UInt64 {
        let high = UInt64(nextUInt32())
        return high << 32 | UInt64(nextUInt32())
    }

    mutating func regenerate() {
        for i in 0..<624 {
            let y = (key[i] & 0x8000_0000) | (key[(i + 1) % 624] & 0x7FFF_FFFF)
            key[i] = key[(i + 397) % 624] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF)
        }
        position = 0
    }

    /// A uniform integer in 0...max by NumPy's masked rejection (`random_interval`).
    public mutating func interval(_ max: UInt64) -> UInt64 {
        if max == 0 { return 0 }
        var mask = max
        for shift in [1, 2, 4, 8, 16, 32] as [UInt64] { mask |= mask >> shift }
        if max <= 0xFFFF_FFFF {
            while true {
                let v = UInt64(nextUInt32()) & mask
                if v <= max { return v }
            }
        }
        while true {
            let v = nextUInt64() & mask
            if v <= max { return v }
        }
    }

    /// `RandomState(seed).permutation(n)`: 0..<n in NumPy's shuffled order.
    public mutating func permutation(_ n: Int) -> [Int] {
        var a = Array(0..<n)
        var i = n - 1
        while i > 0 {
            let j = Int(interval(UInt64(i)))
            a.swapAt(i, j)
            i -= 1
        }
        return a
    }
}

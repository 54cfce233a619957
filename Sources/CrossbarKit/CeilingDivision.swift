/// `⌈a/b⌉` for `a ≥ 0`, `b > 0`: how many groups of `b` hold `a` things (tiles of a layer,
/// ADCs of a tile, PEs of a chip).
@inline(__always)
func ceilDiv(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }

/// Rounding without a libc call. The portable x86-64 target has no SSE4.1 `roundss`, so
/// `Float.rounded()` becomes a call to `roundf`; in the per-step loops (ADC, DAC, membrane
/// quantization, pulse counts) that call dominated. Adding and subtracting 1.5·2²³ rounds
/// to nearest (ties to even) in the FPU's default mode, exactly, for |x| < 2²².
@inlinable @inline(__always)
public func roundToNearest(_ x: Float) -> Float {
    let magic: Float = 12_582_912  // 1.5 · 2^23
    return (x + magic) - magic
}

/// `x` rounded toward zero, exact for |x| < 2³¹ (a single `cvttss2si` instruction).
@inlinable @inline(__always)
public func truncateTowardZero(_ x: Float) -> Float {
    Float(Int32(x))
}

/// `max(x, 0)` lane by lane with bit operations (`x` without NaN): the sign of each lane,
/// spread by an arithmetic shift, masks the negative ones to +0. Swift's `SIMD8` min and max
/// are not inlined on the portable x86-64 target (a generic call per vector).
@inlinable @inline(__always)
public func relu(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let bits = unsafeBitCast(x, to: SIMD8<Int32>.self)
    return unsafeBitCast(bits & ~(bits &>> 31), to: SIMD8<Float>.self)
}

/// `√|x|` lane by lane, for an `x` known to be ≥ 0 or −0 (a variance, `−2 ln u` for u ≤ 1).
/// Clearing the sign bit changes no such value, and lets the compiler see that the root
/// needs no `sqrtf` error path, so it keeps the lanes in one vector square root (with the
/// path, the whole block went lane by lane, each lane a compare and a branch around a call).
@inlinable @inline(__always)
public func squareRootOfNonNegative(_ x: SIMD8<Float>) -> SIMD8<Float> {
    unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: SIMD8<Float>.self).squareRoot()
}

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

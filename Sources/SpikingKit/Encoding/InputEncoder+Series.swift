extension InputEncoder {
    /// Per-series normalisation (``Scaling/series``): each channel `c` of this sample is
    /// z-scored over the sample's own `L` frames, then the gain and clip apply:
    /// ```
    /// μ_c = (1/L)·Σ_t x_c[t]      σ_c² = (1/L)·Σ_t (x_c[t] − μ_c)²
    /// x'_c[t] = gain·(x_c[t] − μ_c)/σ_c      (0 when σ_c ≤ 10⁻⁶: a flat series carries no shape)
    /// ```
    /// It needs the whole series before the first step, so on a device it runs on the sensor
    /// side (or in the host that frames the samples), not on the chip: it is not priced in the
    /// energy ledger. The UCR archive's univariate sets are stored this way already.
    func scaleSeries(_ v: UnsafeBufferPointer<Float>, frames: Int) {
        let w = width, out = scaled.pointer
        for c in 0..<w {
            var sum = 0.0
            for t in 0..<frames { sum += Double(v[t * w + c]) }
            let mean = sum / Double(frames)
            var m2 = 0.0
            for t in 0..<frames { let d = Double(v[t * w + c]) - mean; m2 += d * d }
            let sigma = (m2 / Double(frames)).squareRoot()
            let inv = sigma > 1e-6 ? 1 / sigma : 0
            for t in 0..<frames {
                var x = Float((Double(v[t * w + c]) - mean) * inv) * config.gain
                if config.clip > 0 { x = min(max(x, -config.clip), config.clip) }
                out[t * w + c] = x
            }
        }
    }
}

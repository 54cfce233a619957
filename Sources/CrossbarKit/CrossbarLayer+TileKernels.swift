import KitSupport

/// The inner loops of a read's accumulation phase (``CrossbarLayer/accumulate(_:graded:spikeList:spikeCount:)``),
/// for the rows `list[k..<stop]` of one row-tile: column currents `Σ_r x_r·w_rc` into `acc`
/// and, with read noise, the variance terms `Σ_r x_r²·(g⁺² + g⁻²)` into `vacc`.
///
/// Register-blocked: sixteen columns at a time, the block's sums held in registers while a
/// pass of up to eight rows is added, then stored (the plain form loads and stores the
/// running sums for every row). Each column still adds its rows one by one in list order,
/// with the same operations, so the sums are bit for bit those of the plain form.
extension CrossbarLayer {
    @inline(__always)
    func accumulateTile(_ list: UnsafePointer<Int32>, from k: Int, to stop: Int, input x: UnsafePointer<Float>,
                        binary: Bool, withNoise: Bool,
                        acc: UnsafeMutablePointer<Float>, vacc: UnsafeMutablePointer<Float>) {
        switch (binary, withNoise) {
        case (true, true): blockTile(list, k, stop, x, acc, vacc, SpikesWithNoise.self)
        case (true, false): blockTile(list, k, stop, x, acc, vacc, Spikes.self)
        case (false, true): blockTile(list, k, stop, x, acc, vacc, GradedWithNoise.self)
        case (false, false): blockTile(list, k, stop, x, acc, vacc, Graded.self)
        }
    }

    /// Rows a pass of ``blockTile(_:_:_:_:_:_:_:)`` adds into the running sums: the pass
    /// reads that many rows of each matrix front to back, as many sequential streams as the
    /// hardware prefetcher follows (all 64 rows of a tile at once were 128 strided streams,
    /// and `perf` showed the static read of a 784-512-10 layer waiting on memory). Passes of
    /// 4 were as fast, of 16 slower.
    static let rowsPerPass = 8

    /// One variant per `Mode`, specialized (the flags are constants of a type, so each loop
    /// carries no test of them): `binary` inputs are 1 (no multiply), `noise` adds the
    /// variance terms. The rows go in passes of ``rowsPerPass``; each pass loads the running
    /// sums of a block, adds its rows in list order and stores them, so every column adds its
    /// rows in the same order as the plain form.
    @inline(__always)
    func blockTile<Mode: ReadMode>(_ list: UnsafePointer<Int32>, _ k: Int, _ stop: Int, _ x: UnsafePointer<Float>,
                                   _ acc: UnsafeMutablePointer<Float>, _ vacc: UnsafeMutablePointer<Float>,
                                   _: Mode.Type) {
        let binary = Mode.binary, noise = Mode.noise
        let stride = self.stride
        let w = UnsafeRawPointer(readWeights.pointer), nw = UnsafeRawPointer(noiseWeights.pointer)
        let a = UnsafeMutableRawPointer(acc), v = UnsafeMutableRawPointer(vacc)
        let rowBytes = stride &* 4
        let end = stride &* 4
        var first = k
        while first < stop {
            let last = min(first &+ Self.rowsPerPass, stop)
            // The first pass starts its sums from zero; later ones from what the pass before stored.
            let resume = first != k
            /// The running sums of `buffer` at byte offset `o`: zero on the first pass.
            @inline(__always) func sums(_ buffer: UnsafeMutableRawPointer, _ o: Int) -> SIMD8<Float> {
                resume ? buffer.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self) : SIMD8<Float>()
            }
            var off = 0
            // Sixteen columns (64 bytes) per block, then a last block of eight if `stride` is odd in eights.
            while off &+ 64 <= end {
                var a0 = sums(a, off), a1 = sums(a, off &+ 32)
                var v0 = SIMD8<Float>(), v1 = SIMD8<Float>()
                if noise { v0 = sums(v, off); v1 = sums(v, off &+ 32) }
                for j in first..<last {
                    let r = Int(list[j])
                    let rowOff = r &* rowBytes &+ off
                    let w0 = w.loadUnaligned(fromByteOffset: rowOff, as: SIMD8<Float>.self)
                    let w1 = w.loadUnaligned(fromByteOffset: rowOff &+ 32, as: SIMD8<Float>.self)
                    if binary {
                        a0 += w0; a1 += w1
                    } else {
                        let xr = x[r]
                        a0 += xr * w0; a1 += xr * w1
                    }
                    if noise {
                        let n0 = nw.loadUnaligned(fromByteOffset: rowOff, as: SIMD8<Float>.self)
                        let n1 = nw.loadUnaligned(fromByteOffset: rowOff &+ 32, as: SIMD8<Float>.self)
                        if binary {
                            v0 += n0; v1 += n1
                        } else {
                            let xr = x[r], x2 = xr * xr
                            v0 += x2 * n0; v1 += x2 * n1
                        }
                    }
                }
                a.storeBytes(of: a0, toByteOffset: off, as: SIMD8<Float>.self)
                a.storeBytes(of: a1, toByteOffset: off &+ 32, as: SIMD8<Float>.self)
                if noise {
                    v.storeBytes(of: v0, toByteOffset: off, as: SIMD8<Float>.self)
                    v.storeBytes(of: v1, toByteOffset: off &+ 32, as: SIMD8<Float>.self)
                }
                off &+= 64
            }
            if off < end {
                var a0 = sums(a, off)
                var v0 = noise ? sums(v, off) : SIMD8<Float>()
                for j in first..<last {
                    let r = Int(list[j])
                    let rowOff = r &* rowBytes &+ off
                    let w0 = w.loadUnaligned(fromByteOffset: rowOff, as: SIMD8<Float>.self)
                    if binary { a0 += w0 } else { a0 += x[r] * w0 }
                    if noise {
                        let n0 = nw.loadUnaligned(fromByteOffset: rowOff, as: SIMD8<Float>.self)
                        if binary { v0 += n0 } else { let xr = x[r]; v0 += (xr * xr) * n0 }
                    }
                }
                a.storeBytes(of: a0, toByteOffset: off, as: SIMD8<Float>.self)
                if noise { v.storeBytes(of: v0, toByteOffset: off, as: SIMD8<Float>.self) }
            }
            first = last
        }
    }
}

/// The input kind and noise of a read, as a type (see ``CrossbarLayer/blockTile(_:_:_:_:_:_:_:)``).
protocol ReadMode {
    static var binary: Bool { get }
    static var noise: Bool { get }
}
enum SpikesWithNoise: ReadMode { static var binary: Bool { true }; static var noise: Bool { true } }
enum Spikes: ReadMode { static var binary: Bool { true }; static var noise: Bool { false } }
enum GradedWithNoise: ReadMode { static var binary: Bool { false }; static var noise: Bool { true } }
enum Graded: ReadMode { static var binary: Bool { false }; static var noise: Bool { false } }

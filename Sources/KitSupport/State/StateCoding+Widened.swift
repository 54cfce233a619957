extension StateWriter {
    /// Writes 32-bit counters in the 64-bit layout of `write(_: Buffer<UInt64>)` (count, then
    /// eight bytes per value), so narrowing a counter in memory leaves checkpoints and
    /// digests unchanged.
    public mutating func writeWidened(_ b: Buffer<UInt32>) {
        write(b.count)
        let p = b.pointer
        for i in 0..<b.count { write(UInt64(p[i])) }
    }
}

extension StateReader {
    /// Reads counters written by ``StateWriter/writeWidened(_:)`` (or as 64-bit buffers) into
    /// 32-bit storage; a value above `UInt32.max` is an error, never silently cut.
    public mutating func readNarrowed(into b: Buffer<UInt32>, _ what: String) throws {
        let n = try readInt()
        guard n == b.count else { throw StateError.shapeMismatch(what: what, expected: b.count, found: n) }
        let p = b.pointer
        for i in 0..<n {
            let v = try readUInt64()
            guard let narrow = UInt32(exactly: v) else {
                throw StateError.valueTooLarge(what: what, value: v, limit: UInt64(UInt32.max))
            }
            p[i] = narrow
        }
    }
}

import KitSupport

extension DevicePopulation {
    /// Loads every per-device value a pulse on device `i` reads or writes (state, apparent
    /// state, status, counters, last write time) and returns them folded into one word.
    ///
    /// A write touches each of these buffers at a random place, and inside the scalar pulse
    /// code each load that misses the cache stalls on its own. A caller that runs this over
    /// the next devices to be written first has all their misses in flight at once; the
    /// pulses then find the values in cache. Reads only: no result depends on it.
    @inlinable @inline(__always)
    public func touchPulseState(_ i: Int) -> UInt32 {
        var word = weight.pointer[i].bitPattern ^ apparent.pointer[i].bitPattern
        word ^= UInt32(status.pointer[i]) ^ setPulses.pointer[i] ^ resetPulses.pointer[i] ^ writes.pointer[i]
        if lastWriteSeconds.count != 0 { word ^= lastWriteSeconds.pointer[i].bitPattern }
        return word
    }
}

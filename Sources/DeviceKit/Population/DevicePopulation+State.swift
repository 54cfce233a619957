import KitSupport

extension DevicePopulation {
    /// Writes everything that changes during a run (state, status, counters, last-write
    /// times; the window closure follows from the counters) so a checkpoint can restore the population exactly. Drawn constants
    /// (steps, bounds, shapes, budgets, failure modes) are regenerated from the seed, not
    /// stored; buffers of models that are off are empty, and the apparent state is written
    /// only when it is not the true state (write noise on).
    public func writeState(to w: inout StateWriter) {
        w.tag("devices")
        w.write(weight)
        if apparent !== weight { w.write(apparent) }
        w.write(status)
        for counter in [setPulses, resetPulses, writes] { w.writeWidened(counter) }
        w.write(lastWriteSeconds)
    }

    public func readState(from r: inout StateReader) throws {
        try r.expectTag("devices")
        try r.read(into: weight, "device weights")
        if apparent !== weight { try r.read(into: apparent, "apparent weights") }
        try r.read(into: status, "device status")
        try r.readNarrowed(into: setPulses, "SET counters"); try r.readNarrowed(into: resetPulses, "RESET counters")
        try r.readNarrowed(into: writes, "write counters")
        try r.read(into: lastWriteSeconds, "last-write times")
    }
}

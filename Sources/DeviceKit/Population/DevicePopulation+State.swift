import KitSupport

extension DevicePopulation {
    /// Writes everything that changes during a run (state, bounds, counters, status) so a
    /// checkpoint can restore the population exactly. Drawn constants (steps, shapes,
    /// budgets) are redrawn from the seed on restore and checked by the digest.
    public func writeState(to w: inout StateWriter) {
        w.tag("devices")
        w.write(weight); w.write(apparent)
        w.write(boundMin); w.write(boundMax)
        w.write(status)
        w.write(setPulses); w.write(resetPulses); w.write(writes); w.write(wastedPulses)
        w.write(lastWriteSeconds)
    }

    public func readState(from r: inout StateReader) throws {
        try r.expectTag("devices")
        try r.read(into: weight, "device weights"); try r.read(into: apparent, "apparent weights")
        try r.read(into: boundMin, "lower bounds"); try r.read(into: boundMax, "upper bounds")
        try r.read(into: status, "device status")
        try r.read(into: setPulses, "SET counters"); try r.read(into: resetPulses, "RESET counters")
        try r.read(into: writes, "write counters"); try r.read(into: wastedPulses, "wasted-pulse counters")
        try r.read(into: lastWriteSeconds, "last-write times")
    }
}

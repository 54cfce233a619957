import DeviceKit
import KitSupport
import Testing

@Suite("Per-device memory")
struct DeviceMemoryTests {
    /// Stored per device: the state (4 bytes), the status (1) and three 32-bit wear counters
    /// (SET, RESET, writes: 12): 17 bytes. Write noise adds the apparent state, drift or retention the last-write
    /// time (4 bytes each). Steps, bounds, shapes, NeuroSim curves, budgets, failure modes and
    /// the wear-closed window are regenerated, not stored; wasted pulses follow from the counters.
    @Test("a built population holds the bytes per device the README states", arguments: [
        (PulseModel.constantStep, false, false, false, 17.0), (.neurosim, false, false, false, 17),
        (.neurosim, false, true, false, 17), (.softBounds, true, true, true, 25), (.ideal, false, false, true, 21),
    ])
    func bytesPerDevice(model: PulseModel, writeNoise: Bool, wear: Bool, drift: Bool, bytes: Double) {
        var preset = DevicePreset()
        preset.device.model = model
        if writeNoise { preset.device.writeNoiseStd = 1 }
        if wear { preset.endurance.medianPulses = 1e6 }
        if drift { preset.drift.nu = 0.05 }
        var rng = SeededGenerator(seed: 1)
        let d = DevicePopulation(count: 1000, preset: preset, initialWeight: 0, rng: &rng)
        let optional = [writeNoise, drift].filter { $0 }.count * MemoryLayout<Float>.stride
        let fixed = MemoryLayout<Float>.stride + MemoryLayout<UInt8>.stride + 3 * MemoryLayout<UInt32>.stride
        #expect(Double(fixed + optional) == bytes)
        #expect(d.bytesPerDevice == bytes)
        #expect(d.storageBytes == Int(bytes) * 1000)
        #expect((d.apparent === d.weight) == !writeNoise)
    }

    @Test("wear counters are 32-bit in memory and 64-bit in a checkpoint, and round-trip exactly")
    func counterRoundTrip() throws {
        let d = noiselessDevices(.constantStep, count: 3) { $0.dwMin = 0x1p-8 }
        var rng = SeededGenerator(seed: 4)
        _ = d.pulse(1, count: 7, timeSeconds: 0, rng: &rng)
        _ = d.pulse(2, count: -5, timeSeconds: 0, rng: &rng)
        d.writes[0] = UInt32.max
        var w = StateWriter()
        d.writeState(to: &w)
        let e = noiselessDevices(.constantStep, count: 3) { $0.dwMin = 0x1p-8 }
        var r = StateReader(w.bytes)
        try e.readState(from: &r)
        #expect(e.setPulses.array == [0, 7, 0])
        #expect(e.resetPulses.array == [0, 0, 5])
        #expect(e.writes[0] == UInt32.max)
        #expect(e.weight.array == d.weight.array)
        // The checkpoint layout is the 64-bit one: count, then 8 bytes per counter.
        var wide = StateWriter()
        wide.write(Buffer<UInt64>([1, 2, 3]))
        var narrow = StateWriter()
        narrow.writeWidened(Buffer<UInt32>([1, 2, 3]))
        #expect(wide.bytes == narrow.bytes)
        var tooBig = StateReader(StateWriter.bytes(of: Buffer<UInt64>([1 << 33])))
        #expect(throws: StateError.self) { try tooBig.readNarrowed(into: Buffer<UInt32>(repeating: 0, count: 1), "counter") }
    }
}

extension StateWriter {
    static func bytes(of b: Buffer<UInt64>) -> [UInt8] {
        var w = StateWriter()
        w.write(b)
        return w.bytes
    }
}

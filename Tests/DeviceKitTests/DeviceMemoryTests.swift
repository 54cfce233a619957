import DeviceKit
import KitSupport
import Testing

@Suite("Per-device memory")
struct DeviceMemoryTests {
    /// Twelve 32-bit floats (state, apparent state, steps ±, nominal and current bounds, shapes ±,
    /// endurance budget, last-write time), two status bytes (status, failure mode) and four
    /// 32-bit wear counters: 66 bytes; NeuroSim adds its two per-device curves (2 × 8 bytes).
    @Test("a built population holds the bytes per device the README states", arguments: [
        (PulseModel.constantStep, 66.0), (.softBounds, 66), (.neurosim, 82),
    ])
    func bytesPerDevice(model: PulseModel, bytes: Double) {
        let d = noiselessDevices(model, count: 1000)
        let floats = 12 * MemoryLayout<Float>.stride, flags = 2 * MemoryLayout<UInt8>.stride
        let counters = 4 * MemoryLayout<UInt32>.stride
        let curves = model == .neurosim ? 2 * MemoryLayout<NeuroSimCurve>.stride : 0
        #expect(Double(floats + flags + counters + curves) == bytes)
        #expect(d.bytesPerDevice == bytes)
        #expect(d.storageBytes == Int(bytes) * 1000)
    }

    @Test("wear counters are 32-bit in memory and 64-bit in a checkpoint, and round-trip exactly")
    func counterRoundTrip() throws {
        let d = noiselessDevices(.constantStep, count: 3) { $0.dwMin = 0x1p-8 }
        var rng = SeededGenerator(seed: 4)
        _ = d.pulse(1, count: 7, timeSeconds: 0, rng: &rng)
        _ = d.pulse(2, count: -5, timeSeconds: 0, rng: &rng)
        d.wastedPulses[0] = UInt32.max
        var w = StateWriter()
        d.writeState(to: &w)
        let e = noiselessDevices(.constantStep, count: 3) { $0.dwMin = 0x1p-8 }
        var r = StateReader(w.bytes)
        try e.readState(from: &r)
        #expect(e.setPulses.array == [0, 7, 0])
        #expect(e.resetPulses.array == [0, 0, 5])
        #expect(e.wastedPulses[0] == UInt32.max)
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

import DeviceKit
import KitSupport
import Settings
import Testing

/// The bytes per device of each shipped preset, as the README's Performance table states them:
/// 17 stored bytes (state, status, three 32-bit counters) plus 4 for each model that is on among
/// write noise (apparent state) and drift or retention (last-write time).
@Suite("Per-device memory of the shipped presets")
struct PresetDeviceMemoryTests {
    let loader = ConfigLoader(configsDirectory: repoConfigs)

    @Test("rram 17, pcm 21, ideal 17 bytes per device",
          arguments: [("rram", 17.0), ("pcm", 21), ("ideal", 17)])
    func bytesPerDevice(name: String, bytes: Double) throws {
        let (hw, _) = try loader.loadPreset(name)
        var rng = SeededGenerator(seed: 1)
        let d = DevicePopulation(count: 512, preset: hw.preset, initialWeight: 0, rng: &rng)
        #expect(d.bytesPerDevice == bytes)
    }

    @Test("every preset's bytes per device are 17 plus 4 per optional model that is on")
    func fieldRule() throws {
        for name in loader.presetNames {
            let (hw, _) = try loader.loadPreset(name)
            let p = hw.preset
            let on = [p.device.writeNoiseStd > 0, p.drift.isEnabled].filter { $0 }.count
            var rng = SeededGenerator(seed: 1)
            let d = DevicePopulation(count: 64, preset: p, initialWeight: 0, rng: &rng)
            #expect(d.bytesPerDevice == Double(17 + 4 * on), "preset \(name)")
        }
    }
}

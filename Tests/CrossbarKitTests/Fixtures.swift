import CrossbarKit
import DeviceKit
import KitSupport

/// A small layer on `preset` with the given initial weights (network units, row-major).
func makeLayer(rows: Int, cols: Int, preset: DevicePreset, initial: [Float]? = nil, scale: Float = 1,
               configure: (inout CrossbarConfig) -> Void = { _ in },
               writePath: (inout WritePathConfig) -> Void = { _ in }) -> CrossbarLayer {
    var cfg = CrossbarConfig()
    configure(&cfg)
    var wp = WritePathConfig()
    writePath(&wp)
    var rng = SeededGenerator(seed: 99)
    return CrossbarLayer(rows: rows, cols: cols, weightScale: scale, preset: preset, config: cfg,
                         writeConfig: wp, initial: initial ?? [Float](repeating: 0, count: rows * cols), rng: &rng)
}

/// A noiseless constant-step device with a power-of-two step (exact Float sums).
func exactConstantStep(step: Float = 0x1p-8) -> DevicePreset {
    var p = DevicePreset()
    p.device.model = .constantStep
    p.device.dwMin = step
    p.device.wMin = -1
    p.device.wMax = 1
    return p
}

/// An RRAM-like preset with read noise, for read-path statistics.
func noisyReadPreset(sigma: Float) -> DevicePreset {
    var p = DevicePreset()
    p.device.model = .constantStep
    p.device.wMin = -1
    p.device.wMax = 1
    p.device.dwMin = 1.0 / 64
    p.electrical.onOffRatio = 10
    p.electrical.readNoiseStd = sigma
    return p
}

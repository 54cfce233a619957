import DeviceKit
import Foundation
import KitSupport
import Settings
import Testing

/// The preset `spikebar device fit` prints is a preset file the loader reads strictly.
@Suite("fitted preset file")
struct FittedPresetTests {
    static func train(_ d: DeviceParameters, n: Int = 150) -> PulseTrain {
        var preset = DevicePreset()
        preset.device = d
        var rng = SeededGenerator(seed: 2, stream: .writeNoise)
        let device = DevicePopulation(count: 1, preset: preset, initialWeight: d.wMin, rng: &rng)
        var g = [Double(device.weight[0])], up: [Bool] = []
        for k in 0..<(4 * n) {
            _ = device.pulse(0, count: (k / n) % 2 == 0 ? 1 : -1, timeSeconds: 0, rng: &rng)
            g.append(Double(device.weight[0]) * 1e-5 + 2e-5)   // "measured" in siemens: 10 … 30 µS
            up.append((k / n) % 2 == 0)
        }
        g[0] = Double(d.wMin) * 1e-5 + 2e-5
        return PulseTrain(conductance: g, up: up)
    }

    @Test("every fitted model loads back with its fitted values", arguments: FitModel.allCases)
    func loadsBack(model: FitModel) throws {
        var d = DeviceParameters()
        d.model = model.pulseModel
        (d.wMin, d.wMax, d.dwMin, d.dwMinStd) = (-1, 1, 0.02, 0.05)
        d.neurosim.pulsesMax = 100
        let fit = try DeviceFit.fit(Self.train(d), model: model)
        let yaml = FittedPreset.yaml(fit, name: "measured", data: "pulses.csv", unit: .siemens)
        let path = NSTemporaryDirectory() + "spikebar-fit-\(UUID().uuidString).yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (hw, _) = try ConfigLoader(configsDirectory: repoConfigs).loadPreset(path)
        let p = hw.preset
        #expect(p.name == "measured" && p.device.model == model.pulseModel && p.device.wMin == -1 && p.device.wMax == 1)
        #expect(p.device.dwMinStd == fit.device.dwMinStd)
        for v in fit.fitted {
            let loaded: Float? = switch v.key {
            case "dwMin": p.device.dwMin
            case "upDown": p.device.upDown
            case "aUp": p.device.expStep.aUp
            case "aDown": p.device.expStep.aDown
            case "gammaUp": p.device.expStep.gammaUp
            case "gammaDown": p.device.expStep.gammaDown
            case "pulsesMax": Float(p.device.neurosim.pulsesMax)
            case "aLTP": p.device.neurosim.aLTP
            case "aLTD": p.device.neurosim.aLTD
            case "dwMinStd": p.device.dwMinStd
            default: nil
            }
            #expect(loaded == Float(v.value), "\(v.key)")
        }
        // Siemens: the window is 10 µS … 30 µS (R_on 33.3 kΩ, on/off 3), to the fit's precision.
        #expect(abs(p.electrical.onResistanceOhms - Float(1 / (fit.conductanceAtMax))) <= 1e-3 * p.electrical.onResistanceOhms)
        #expect(abs(p.electrical.onOffRatio - 3) < 0.05)
        #expect(yaml.contains("residual RMS \(fit.rmsResidual)"))
    }
}

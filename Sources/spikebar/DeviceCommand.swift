import ArgumentParser
import KitSupport
import Settings
import CrossbarKit
import DeviceKit
import Foundation
import Reports

struct DeviceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device",
        abstract: "Characterize a device model: pulse-response curves and endurance.",
        subcommands: [DeviceCurveCommand.self, DeviceEnduranceCommand.self, DeviceFitCommand.self])
}

/// Selecting a device: a preset, or a bare model, plus `--set` overrides.
struct DeviceSelection: ParsableArguments {
    @Option(help: "A preset in Configs/presets (or a path).")
    var preset: String?

    @Option(help: "A pulse model with default parameters: \(PulseModel.allCases.map(\.rawValue).joined(separator: ", ")).")
    var model: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a preset key: a bare device key (dwMin=0.001) or a dotted path (endurance.medianPulses=1e4).", valueName: "key=value"))
    var sets: [String] = []

    @Option(help: "The Configs/ folder.")
    var configs: String?

    func resolve() throws -> DevicePreset {
        var preset = DevicePreset()
        if let name = self.preset {
            preset = try ConfigLoader.locate(explicit: configs).loadPreset(name).0.preset
        }
        if let model {
            guard let m = PulseModel(rawValue: model) else {
                throw ValidationError("unknown model '\(model)' (choices: \(PulseModel.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            preset.device.model = m
        }
        for s in sets {
            guard let eq = s.firstIndex(of: "=") else { throw ValidationError("--set '\(s)' is not key=value") }
            var key = String(s[..<eq])
            if !key.contains("."), DeviceParameters.schema.contains(where: { $0.name == key }) { key = "device." + key }
            try preset.apply(ConfigValue.from(path: key, value: String(s[s.index(after: eq)...])))
        }
        try preset.validateAll()
        return preset
    }
}

struct DeviceCurveCommand: ErrorReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "curve",
        abstract: "Pulse-response curve: CSV pulse,direction,mean,std (weights in device units).")

    @OptionGroup var device: DeviceSelection
    @Option(help: "Potentiating pulses.") var up: Int = 100
    @Option(help: "Depressing pulses after them.") var down: Int = 100
    @Option(help: "Starting weight of every device (device units).") var w0: Float = 0
    @Option(help: "Devices in the population.") var devices: Int = 100
    @Option(help: "Seed of the device variation and noise.") var seed: UInt64 = 1
    @Option(help: "Repeat the up/down sequence this many times.") var cycles: Int = 1
    @Option(help: "Also write an SVG plot here.") var svg: String?

    func validate() throws {
        guard up >= 0, down >= 0, devices >= 1, cycles >= 1 else { throw ValidationError("--up, --down ≥ 0, --devices ≥ 1 and --cycles ≥ 1") }
    }

    func execute() throws {
        let preset = try device.resolve()
        let points = PulseResponseCurve.measure(preset: preset, up: up, down: down, w0: w0, devices: devices, seed: seed, cycles: cycles)
        print(PulseResponseCurve.csv(points), terminator: "")
        if let svg {
            try DevicePlots.curve(points, title: "\(preset.name): \(preset.device.model.rawValue) pulse response, \(devices) devices")
                .write(toFile: svg, atomically: true, encoding: .utf8)
        }
    }
}

struct DeviceEnduranceCommand: ErrorReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "endurance",
        abstract: "Cycle a device population to failure: CSV cycles,gMinEffective,gMaxEffective,failedFraction,meanStep.")

    @OptionGroup var device: DeviceSelection
    @Option(help: "Devices in the population.") var devices: Int = 200
    @Option(help: "Most SET/RESET cycles to run.") var cycles: Int = 100_000
    @Option(help: "Seed.") var seed: UInt64 = 1
    @Option(help: "Also write an SVG plot here.") var svg: String?

    func execute() throws {
        let preset = try device.resolve()
        guard preset.endurance.isEnabled else {
            throw ValidationError("preset '\(preset.name)' has no endurance budget; add --set endurance.medianPulses=N")
        }
        let points = EnduranceCycling.run(preset: preset, devices: devices, maxCycles: cycles, seed: seed)
        print(EnduranceCycling.csv(points), terminator: "")
        if let svg {
            try DevicePlots.endurance(points, title: "\(preset.name): endurance of \(devices) devices")
                .write(toFile: svg, atomically: true, encoding: .utf8)
        }
    }
}

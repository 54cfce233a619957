import ArgumentParser
import DeviceKit
import Foundation
import KitSupport
import Settings

/// `spikebar device fit`: fits a pulse law to a measured potentiation/depression train and
/// prints it as a preset file (see ``DeviceFit`` for the method, ``PulseTrain`` for the CSV).
struct DeviceFitCommand: ErrorReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a pulse law to a measured pulse train; print it as a preset YAML (residual on stderr too).",
        discussion: """
        The CSV has a header with the columns direction (start, up or down) and conductance (any unit; \
        'mean' is read as conductance, so `spikebar device curve` output fits as it is), and optionally pulse \
        (1, 2, 3, …). One row per reading: the first before any pulse (start), then one after each pulse.
        """)

    @Option(help: "The law to fit: \(FitModel.allCases.map(\.rawValue).joined(separator: ", ")).")
    var model: String

    @Option(help: ArgumentHelp("The measured pulse train (CSV), or - for stdin.", valueName: "pulses.csv"))
    var data: String

    @Option(help: "The preset's name.")
    var name = "fitted"

    @Option(help: "Unit of the conductance column: \(FittedPreset.Unit.allCases.map(\.rawValue).joined(separator: ", ")) (with a physical unit the electrical window is written too).")
    var unit = "arbitrary"

    @Option(name: .customLong("set"), help: ArgumentHelp("A device key the fit holds, e.g. a=0.5 or b=0.1 for expStep.", valueName: "key=value"))
    var sets: [String] = []

    @Option(help: "Write the preset to this file instead of stdout.")
    var output: String?

    func execute() throws {
        guard let fitModel = FitModel(rawValue: model) else { throw DeviceFitError.unsupportedModel(model) }
        guard let unit = FittedPreset.Unit(rawValue: unit) else {
            throw ValidationError("--unit '\(unit)' is not one of \(FittedPreset.Unit.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var base = DeviceParameters()
        for s in sets {
            guard let eq = s.firstIndex(of: "=") else { throw ValidationError("--set '\(s)' is not key=value") }
            try base.apply(ConfigValue.from(path: String(s[..<eq]), value: String(s[s.index(after: eq)...])), at: "device")
        }
        let text: String
        if data == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let t = try? String(contentsOfFile: data, encoding: .utf8) else { throw ValidationError("\(data): cannot read the file") }
            text = t
        }
        let train = try PulseTrain.parse(csv: text, source: data == "-" ? "stdin" : data)
        let fit = try DeviceFit.fit(train, model: fitModel, base: base)
        let yaml = FittedPreset.yaml(fit, name: name, data: data == "-" ? "stdin" : data, unit: unit)
        if let output {
            try yaml.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            print(yaml, terminator: "")
        }
        let values = fit.fitted.map { "\($0.key) \(formatFloat(Float($0.value)))" }.joined(separator: ", ")
        FileHandle.standardError.write(Data("fit \(fitModel.rawValue): \(values); residual RMS \(fit.rmsResidual) over \(fit.pulses) pulses\n".utf8))
    }
}

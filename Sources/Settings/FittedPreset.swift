import DeviceKit
import KitSupport

/// The preset file `spikebar device fit` prints: a `Configs/presets`-style YAML document
/// (``ConfigLoader/loadPreset(_:)`` reads it strictly, so `--preset PATH` runs it) holding the
/// fitted law, with comments that say where each value came from and what the fit left over.
public enum FittedPreset {
    /// The unit of the measured conductance column.
    public enum Unit: String, CaseIterable, Sendable {
        /// Any unit: no electrical section is written.
        case arbitrary
        case siemens
        case microsiemens

        /// Siemens per data unit, nil for arbitrary.
        var siemens: Double? {
            switch self {
            case .arbitrary: nil
            case .siemens: 1
            case .microsiemens: 1e-6
            }
        }
    }

    /// The document. `data` names the measurement (a path); `unit` its conductance unit (with
    /// siemens or microsiemens the electrical window is written too: `R_on = 1/G(wMax)`,
    /// `onOffRatio = G(wMax)/G(wMin)`).
    public static func yaml(_ fit: DeviceFit, name: String, data: String, unit: Unit = .arbitrary) -> String {
        let d = fit.device
        let fittedKeys = Set(fit.fitted.map(\.key))
        func line(_ key: String, _ value: String, _ note: String) -> String {
            note.isEmpty ? "  \(key): \(value)\n" : "  " + "\(key): \(value)".padding(to: 24) + "# \(note)\n"
        }
        func number(_ key: String) -> String {
            fit.fitted.first { $0.key == key }.map { formatFloat(Float($0.value)) } ?? "?"
        }
        var out = """
        # \(name) — fitted by `spikebar device fit --model \(fit.model.rawValue)` to \(data) (\(fit.pulses) pulses).
        # One-step least squares (Nelder–Mead; DeviceKit DeviceFit): residual RMS \(fit.rmsResidual) (data units).
        # Device units map linearly onto the data: wMin = -1 is \(fit.conductanceAtMin), wMax = 1 is \(fit.conductanceAtMax).
        # Keys marked [fitted] come from the data; the others are defaults or --set values, not measured.
        name: \(name)
        source: "spikebar device fit (\(fit.model.rawValue)) on \(data.replacingQuotes)"
        device:

        """
        out += line("model", fit.model.rawValue, "[fitted] law chosen with --model")
        out += line("wMin", "-1", "the fitted window, device units")
        out += line("wMax", "1", "")
        if fittedKeys.contains("dwMin") {
            out += line("dwMin", number("dwMin"), "[fitted] mean step, device units")
            out += line("upDown", number("upDown"), "[fitted] one-sided up/down asymmetry")
        }
        switch fit.model {
        case .constantStep, .softBounds:
            break
        case .expStep:
            for key in ["aUp", "aDown", "gammaUp", "gammaDown"] { out += line(key, number(key), "[fitted]") }
            out += line("a", formatFloat(d.expStep.a), "held (not identifiable apart from A and γ)")
            out += line("b", formatFloat(d.expStep.b), "held")
        case .neurosim:
            out += line("pulsesMax", String(d.neurosim.pulsesMax), "[fitted] pulses across the window")
            out += line("aLTP", formatFloat(d.neurosim.aLTP), "[fitted] pulses")
            out += line("aLTD", formatFloat(d.neurosim.aLTD), "[fitted] pulses")
        }
        out += line("dwMinStd", formatFloat(d.dwMinStd), "[fitted] c2c spread per pulse (includes the measurement's read noise)")
        for (key, value) in [("dwMinDtod", d.dwMinDtod), ("upDownDtod", d.upDownDtod), ("wMinDtod", d.wMinDtod), ("wMaxDtod", d.wMaxDtod)] where value != 0 {
            out += line(key, formatFloat(value), "from --set (one device cannot show device-to-device spread)")
        }
        if let s = unit.siemens {
            let gMax = fit.conductanceAtMax * s, gMin = fit.conductanceAtMin * s
            if gMax > 0, gMin > 0, gMax > gMin {
                out += "electrical:\n"
                out += line("onResistanceOhms", formatFloat(Float(1 / gMax)), "[fitted] 1/G at wMax")
                out += line("onOffRatio", formatFloat(Float(gMax / gMin)), "[fitted] G(wMax)/G(wMin)")
            }
        }
        return out
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }

    fileprivate var replacingQuotes: String { String(map { $0 == "\"" ? "'" : $0 }) }
}

import DeviceKit
import KitSupport

/// Recurrent and adaptive hidden layers (DESIGN §5.2b): which layers are recurrent, which
/// neurons adapt their threshold, and the ranges their time constants are drawn from.
///
/// Per-layer lists (`recurrent`, `recurrentInitGains`, `alifFraction`) hold one value for
/// every hidden layer or one value per hidden layer, as `maxWeights` does. Time-constant
/// ranges are `[min, max]` in time steps; each neuron draws its own value once, uniformly in
/// the range, from the `neuronParameters` random stream, and keeps it for the whole run.
extension NetworkConfig {
    /// Hidden LIF/ALIF layers (every size between the inputs and the readout).
    public var hiddenCount: Int { max(layers.count - 2, 0) }

    /// Whether hidden layer `l` (0-based) has recurrent connections.
    public func isRecurrent(hiddenLayer l: Int) -> Bool { Self.perLayer(recurrent, l) ?? false }

    /// Gain of hidden layer `l`'s initial recurrent weights, N(0, (gain/√size)²).
    public func recurrentInitGain(hiddenLayer l: Int) -> Float { Self.perLayer(recurrentInitGains, l) ?? 0 }

    /// ALIF neurons of hidden layer `l`: `round(fraction·size)`, the layer's first neurons.
    public func adaptiveNeurons(hiddenLayer l: Int) -> Int {
        let fraction = Self.perLayer(alifFraction, l) ?? 0
        return min(layers[l + 1], Int((fraction * Float(layers[l + 1])).rounded()))
    }

    /// Whether hidden layer `l` needs per-neuron dynamics (ALIF neurons or drawn leaks)
    /// instead of the homogeneous LIF module of DESIGN §2.1.
    public func hasNeuronDynamics(hiddenLayer l: Int) -> Bool {
        adaptiveNeurons(hiddenLayer: l) > 0 || !membraneTimeConstantSteps.isEmpty
    }

    /// Display names of the crossbar layers, in the network's crossbar order: `hidden 1`,
    /// `hidden 1 (recurrent)` when that layer is recurrent, `hidden 2`, …, `readout`.
    public var crossbarNames: [String] {
        var names: [String] = []
        for l in 0..<hiddenCount {
            names.append("hidden \(l + 1)")
            if isRecurrent(hiddenLayer: l) { names.append("hidden \(l + 1) (recurrent)") }
        }
        return names + ["readout"]
    }

    static func perLayer<T>(_ values: [T], _ l: Int) -> T? { values.count > l ? values[l] : values.last }

    /// The checks of the recurrent and adaptive keys, each error naming its key.
    func validateRecurrence(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        let hidden = hiddenCount
        if recurrent.count == hidden + 1, recurrent.last == true {
            throw ConfigError.inconsistent(key: k("recurrent"), reason: "the readout cannot be recurrent (entry \(hidden + 1)); give one value per hidden layer (\(hidden)) or one for all")
        }
        if hidden == 0, recurrent.contains(true) {
            throw ConfigError.inconsistent(key: k("recurrent"), reason: "the readout cannot be recurrent and there is no hidden layer (layers \(layers))")
        }
        try Self.checkPerLayer(recurrent.count, hidden: hidden, key: k("recurrent"))
        try Self.checkPerLayer(recurrentInitGains.count, hidden: hidden, key: k("recurrentInitGains"))
        guard recurrentInitGains.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw ConfigError.outOfRange(key: k("recurrentInitGains"), value: "\(recurrentInitGains)", allowed: "numbers ≥ 0")
        }
        try Self.checkPerLayer(alifFraction.count, hidden: hidden, key: k("alifFraction"))
        guard alifFraction.allSatisfy({ (0...1).contains($0) }) else {
            throw ConfigError.outOfRange(key: k("alifFraction"), value: "\(alifFraction)", allowed: "fractions in [0, 1]")
        }
        try Validate.nonNegative(adaptationStrength, k("adaptationStrength"))
        if !membraneTimeConstantSteps.isEmpty {
            try Self.checkRange(membraneTimeConstantSteps, key: k("membraneTimeConstantSteps"), emptyMeans: "an empty list keeps the one leak `leak`")
        }
        try Self.checkRange(adaptationTimeConstantSteps, key: k("adaptationTimeConstantSteps"), emptyMeans: nil)
    }

    static func checkPerLayer(_ count: Int, hidden: Int, key: String) throws {
        guard count >= 1, count == 1 || count == hidden else {
            throw ConfigError.inconsistent(key: key, reason: "give one value for all hidden layers or one per hidden layer (\(hidden)), got \(count)")
        }
    }

    /// `[min, max]` time steps with `0 < min ≤ max < ∞`.
    static func checkRange(_ r: [Float], key: String, emptyMeans: String?) throws {
        guard r.count == 2 else {
            throw ConfigError.outOfRange(key: key, value: "\(r)", allowed: "[min, max] in time steps" + (emptyMeans.map { "; \($0)" } ?? ""))
        }
        guard r.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw ConfigError.outOfRange(key: key, value: "\(r)", allowed: "time constants > 0 steps, finite")
        }
        guard r[0] <= r[1] else {
            throw ConfigError.inconsistent(key: key, reason: "min \(formatFloat(r[0])) is above max \(formatFloat(r[1]))")
        }
    }
}

extension ConfigField {
    /// A list of booleans, as a YAML sequence or comma-separated text (`true,false`).
    static func bools(_ name: String, _ kp: WritableKeyPath<Root, [Bool]>) -> Self {
        .init(name: name, apply: { root, v, path in
            let items: [String]
            switch v {
            case let .list(values):
                items = try values.map { value in
                    guard let s = value.scalarText else { throw ConfigError.inconsistent(key: path, reason: "expected a list of true/false") }
                    return s
                }
            case let .scalar(s): items = s.split(separator: ",").map(String.init)
            case .map: throw ConfigError.inconsistent(key: path, reason: "expected true/false or a list of them")
            }
            root[keyPath: kp] = try items.map { item in
                switch item.filter({ $0 != " " && $0 != "\t" }).lowercased() {
                case "true", "yes", "on": return true
                case "false", "no", "off": return false
                default: throw ConfigError.outOfRange(key: path, value: item, allowed: "true or false")
                }
            }
        }, render: { .list($0[keyPath: kp].map { .scalar($0 ? "true" : "false") }) })
    }
}

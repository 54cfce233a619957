import CrossbarKit
import Store

/// The fields of ``OperationCounts`` by name: how the recorder stores operation totals in a
/// checkpoint's metric blob and fills energy windows. One list, so a field added to
/// `OperationCounts` and forgotten here fails the round-trip test rather than vanishing.
enum CountFields {
    /// One field: its name in the metric blob, where it sits in ``OperationCounts``, and its
    /// column in ``EnergyWindowRecord``.
    typealias Field = (name: String, path: WritableKeyPath<OperationCounts, Double>,
                       column: WritableKeyPath<EnergyWindowRecord, Double>)

    /// Every field (built on each call: key paths are not `Sendable`, and the recorder asks
    /// once per window or checkpoint, not per sample).
    static var all: [Field] {
        [
            ("activeRows", \.activeRows, \.activeRows), ("dacConversions", \.dacConversions, \.dacConversions),
            ("adcConversions", \.adcConversions, \.adcConversions), ("tileActivations", \.tileActivations, \.tileActivations),
            ("cellReadConductance", \.cellReadConductance, \.cellReadConductanceSum), ("macs", \.macs, \.macs),
            ("partialSumAdds", \.partialSumAdds, \.partialSumAdds), ("neuronUpdates", \.neuronUpdates, \.neuronUpdates),
            ("timesteps", \.timesteps, \.timesteps), ("delayLineAccesses", \.delayLineAccesses, \.delayLineAccesses), ("traceUpdates", \.traceUpdates, \.traceUpdates),
            ("learningMacs", \.learningMacs, \.learningMacs), ("accumulatorUpdates", \.accumulatorUpdates, \.accumulatorUpdates),
            ("updateScalings", \.updateScalings, \.updateScalings),
            ("setPulses", \.setPulses, \.setPulses), ("resetPulses", \.resetPulses, \.resetPulses),
            ("wastedPulses", \.wastedPulses, \.wastedPulses),
            ("refreshPulses", \.refreshPulses, \.refreshPulses), ("refreshSetPulses", \.refreshSetPulses, \.refreshSetPulses),
            ("refreshSetConductance", \.refreshSetConductance, \.refreshSetConductanceSum),
            ("refreshResetConductance", \.refreshResetConductance, \.refreshResetConductanceSum),
            ("setConductance", \.setConductance, \.setConductanceSum),
            ("resetConductance", \.resetConductance, \.resetConductanceSum), ("verifyReads", \.verifyReads, \.verifyReads),
            ("synapseWrites", \.synapseWrites, \.synapseWrites), ("failures", \.failures, \.failures),
            ("writeLatencySeconds", \.writeLatencySeconds, \.writeLatencySeconds),
        ]
    }

    static func encode(_ c: OperationCounts) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: all.map { ($0.name, c[keyPath: $0.path]) })
    }

    /// Rebuilds counts from ``encode(_:)``; every field must be present.
    static func decode(_ d: [String: Double]) throws -> OperationCounts {
        var c = OperationCounts()
        for f in all {
            // Checkpoints written before the delay line existed have none of its accesses.
            if f.name == "delayLineAccesses" && d[f.name] == nil { continue }
            guard let v = d[f.name] else { throw ResumeError.badCheckpoint("operation totals lack '\(f.name)'") }
            c[keyPath: f.path] = v
        }
        return c
    }
}

extension EnergyWindowRecord {
    /// Sets every count column (and `pulses`, SET + RESET) from one window's operation counts.
    mutating func setCounts(_ c: OperationCounts) {
        for f in CountFields.all { self[keyPath: f.column] = c[keyPath: f.path] }
        pulses = c.pulses
    }

    /// The window's operation counts: the inverse of ``setCounts(_:)``, for re-pricing
    /// recorded windows.
    var counts: OperationCounts {
        var c = OperationCounts()
        for f in CountFields.all { c[keyPath: f.path] = self[keyPath: f.column] }
        return c
    }
}

import CrossbarKit
import Store

/// The fields of ``OperationCounts`` by name: how the recorder stores operation totals in a
/// checkpoint's metric blob and fills energy windows. One list, so a field added to
/// `OperationCounts` and forgotten here fails the round-trip test rather than vanishing.
enum CountFields {
    /// Every field, with its name in the metric blob.
    static var all: [(name: String, path: WritableKeyPath<OperationCounts, Double>)] {
        [
            ("activeRows", \.activeRows), ("dacConversions", \.dacConversions),
            ("adcConversions", \.adcConversions), ("tileActivations", \.tileActivations),
            ("cellReadConductance", \.cellReadConductance), ("macs", \.macs),
            ("partialSumAdds", \.partialSumAdds), ("neuronUpdates", \.neuronUpdates),
            ("timesteps", \.timesteps), ("traceUpdates", \.traceUpdates),
            ("learningMacs", \.learningMacs), ("accumulatorUpdates", \.accumulatorUpdates),
            ("updateScalings", \.updateScalings),
            ("setPulses", \.setPulses), ("resetPulses", \.resetPulses), ("wastedPulses", \.wastedPulses),
            ("refreshPulses", \.refreshPulses), ("refreshSetPulses", \.refreshSetPulses),
            ("refreshSetConductance", \.refreshSetConductance), ("refreshResetConductance", \.refreshResetConductance),
            ("setConductance", \.setConductance),
            ("resetConductance", \.resetConductance), ("verifyReads", \.verifyReads),
            ("synapseWrites", \.synapseWrites), ("failures", \.failures),
            ("writeLatencySeconds", \.writeLatencySeconds),
        ]
    }

    static func encode(_ c: OperationCounts) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: all.map { ($0.name, c[keyPath: $0.path]) })
    }

    /// Rebuilds counts from ``encode(_:)``; every field must be present.
    static func decode(_ d: [String: Double]) throws -> OperationCounts {
        var c = OperationCounts()
        for f in all {
            guard let v = d[f.name] else { throw ResumeError.badCheckpoint("operation totals lack '\(f.name)'") }
            c[keyPath: f.path] = v
        }
        return c
    }
}

extension EnergyWindowRecord {
    /// Sets every count column from one window's operation counts.
    mutating func setCounts(_ c: OperationCounts) {
        pulses = c.pulses; setPulses = c.setPulses; resetPulses = c.resetPulses
        wastedPulses = c.wastedPulses; refreshPulses = c.refreshPulses; refreshSetPulses = c.refreshSetPulses
        refreshSetConductanceSum = c.refreshSetConductance; refreshResetConductanceSum = c.refreshResetConductance
        verifyReads = c.verifyReads
        synapseWrites = c.synapseWrites; failures = c.failures
        setConductanceSum = c.setConductance; resetConductanceSum = c.resetConductance
        writeLatencySeconds = c.writeLatencySeconds
        activeRows = c.activeRows; dacConversions = c.dacConversions; adcConversions = c.adcConversions
        tileActivations = c.tileActivations; cellReadConductanceSum = c.cellReadConductance
        macs = c.macs; partialSumAdds = c.partialSumAdds; neuronUpdates = c.neuronUpdates
        timesteps = c.timesteps
        traceUpdates = c.traceUpdates; learningMacs = c.learningMacs; accumulatorUpdates = c.accumulatorUpdates
        updateScalings = c.updateScalings
    }

    /// The window's operation counts: the inverse of ``setCounts(_:)`` (kept beside it so a
    /// new count is added to both), for re-pricing recorded windows.
    var counts: OperationCounts {
        var c = OperationCounts()
        c.setPulses = setPulses; c.resetPulses = resetPulses
        c.wastedPulses = wastedPulses; c.refreshPulses = refreshPulses; c.refreshSetPulses = refreshSetPulses
        c.refreshSetConductance = refreshSetConductanceSum; c.refreshResetConductance = refreshResetConductanceSum
        c.verifyReads = verifyReads
        c.synapseWrites = synapseWrites; c.failures = failures
        c.setConductance = setConductanceSum; c.resetConductance = resetConductanceSum
        c.writeLatencySeconds = writeLatencySeconds
        c.activeRows = activeRows; c.dacConversions = dacConversions; c.adcConversions = adcConversions
        c.tileActivations = tileActivations; c.cellReadConductance = cellReadConductanceSum
        c.macs = macs; c.partialSumAdds = partialSumAdds; c.neuronUpdates = neuronUpdates
        c.timesteps = timesteps
        c.traceUpdates = traceUpdates; c.learningMacs = learningMacs; c.accumulatorUpdates = accumulatorUpdates
        c.updateScalings = updateScalings
        return c
    }
}

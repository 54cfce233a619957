/// Everything the emulated chip did, counted by kind: the input of the energy and latency
/// model (DESIGN §6). Counts are exact; turning them into joules and seconds is the cost
/// model's job, so the same run can be priced under several cost presets.
public struct OperationCounts: Equatable, Sendable {
    // Read path (per time step, event-driven: only active rows and tiles count).
    /// Row activations (rows driven in some tile at some time step).
    public var activeRows: Double = 0
    /// Rows driven by a multi-bit DAC (graded inputs) rather than a spike.
    public var dacConversions: Double = 0
    /// ADC conversions (one per column of each active tile).
    public var adcConversions: Double = 0
    /// Tiles that had at least one active row (tile activations).
    public var tileActivations: Double = 0
    /// Σ over read cells of x²·(g⁺ + g⁻), normalized conductance (g = G/Gmax): the cell
    /// read energy is this times `V_read²·Gmax·t_read`.
    public var cellReadConductance: Double = 0
    /// Multiply-accumulates done in the array (active rows × columns).
    public var macs: Double = 0
    /// Digital additions of tile partial sums.
    public var partialSumAdds: Double = 0
    /// LIF neuron updates (read U, add, compare, write) and readout integrator updates.
    public var neuronUpdates: Double = 0
    /// Time steps run.
    public var timesteps: Double = 0
    /// Words written to or read from the encoder's delay-line register (one write per line
    /// and step, one read per driven tap).
    public var delayLineAccesses: Double = 0

    // Learning logic (digital).
    /// Trace and pseudo-derivative updates (one multiply-add each).
    public var traceUpdates: Double = 0
    /// Multiply-adds of learning signals and eligibility products (DFA projection, outer products).
    public var learningMacs: Double = 0
    /// Accumulator (χ) updates and pulse-count conversions.
    public var accumulatorUpdates: Double = 0
    /// Per-synapse scalings of a desired update into pulse steps, `ΔW·1/(s·Δw_min)` (one
    /// multiply per synapse of a written layer, every pulse scheme).
    public var updateScalings: Double = 0

    // Write path.
    public var setPulses: Double = 0
    public var resetPulses: Double = 0
    /// Pulses sent to devices that had already failed.
    public var wastedPulses: Double = 0
    /// Pulses spent refreshing potentiate-only pairs (included in set/reset).
    public var refreshPulses: Double = 0
    /// The SET pulses among ``refreshPulses`` (the rest are RESET pulses).
    public var refreshSetPulses: Double = 0
    /// Σ over refresh SET pulses of the normalized conductance seen (included in ``setConductance``).
    public var refreshSetConductance: Double = 0
    /// Σ over refresh RESET pulses of the normalized conductance seen (included in ``resetConductance``).
    public var refreshResetConductance: Double = 0
    /// Σ over SET pulses of the normalized conductance the device had.
    public var setConductance: Double = 0
    /// Σ over RESET pulses of the normalized conductance the device had.
    public var resetConductance: Double = 0
    /// Verify reads (write-verify).
    public var verifyReads: Double = 0
    /// Synapses written (an update that sent at least one pulse).
    public var synapseWrites: Double = 0
    /// Device failures that happened.
    public var failures: Double = 0
    /// Row-by-row write latency: Σ over rows of the largest SET pulse count × t_SET, plus
    /// the same for RESET (DESIGN §4.5), seconds.
    public var writeLatencySeconds: Double = 0

    public init() {}

    public var pulses: Double { setPulses + resetPulses }

    public static func += (a: inout OperationCounts, b: OperationCounts) {
        a.activeRows += b.activeRows; a.dacConversions += b.dacConversions
        a.adcConversions += b.adcConversions; a.tileActivations += b.tileActivations
        a.cellReadConductance += b.cellReadConductance; a.macs += b.macs
        a.partialSumAdds += b.partialSumAdds; a.neuronUpdates += b.neuronUpdates
        a.timesteps += b.timesteps; a.delayLineAccesses += b.delayLineAccesses
        a.traceUpdates += b.traceUpdates; a.learningMacs += b.learningMacs
        a.accumulatorUpdates += b.accumulatorUpdates; a.updateScalings += b.updateScalings
        a.setPulses += b.setPulses; a.resetPulses += b.resetPulses; a.wastedPulses += b.wastedPulses
        a.refreshPulses += b.refreshPulses; a.refreshSetPulses += b.refreshSetPulses
        a.refreshSetConductance += b.refreshSetConductance; a.refreshResetConductance += b.refreshResetConductance
        a.setConductance += b.setConductance; a.resetConductance += b.resetConductance
        a.verifyReads += b.verifyReads; a.synapseWrites += b.synapseWrites; a.failures += b.failures
        a.writeLatencySeconds += b.writeLatencySeconds
    }
}

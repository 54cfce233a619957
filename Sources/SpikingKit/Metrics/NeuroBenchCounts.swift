/// Raw totals behind NeuroBench's workload metrics, summed over every forward pass (one
/// sample, all its time steps) the network ran; ``NeuroBenchMetrics`` divides them by the
/// samples. Counted in ``SpikingNetwork/run(_:encoder:target:random:counts:continuing:)``
/// with integer adds only (no allocation); the learning phase (traces, gradients, writes)
/// is not part of a forward pass and is not counted here (Spikebar's own
/// ``OperationCounts`` has it).
///
/// NeuroBench (Yik et al. 2025, Nat. Commun. 16:1545; its harness `neurobench.metrics`)
/// hooks every connection layer (Linear, here a crossbar) and every neuron layer (snnTorch
/// `SpikingNeuron`, here a hidden LIF/ALIF layer and the leaky-integrator readout).
public struct NeuroBenchCounts: Equatable, Sendable {
    /// Forward passes counted (samples).
    public var samples = 0
    /// Time steps of those passes (model executions).
    public var timesteps = 0
    /// Σ over reads with a binary input (0, ±1: spikes) of the effective synaptic operations
    /// `Σ_{x_r ≠ 0} nnz_r` (``CrossbarLayer/effectiveSynapses(input:spikeList:spikeCount:weightRows:)``).
    public var effectiveACs = 0
    /// The same over reads with a graded input (direct encoding, the windowed readout's features).
    public var effectiveMACs = 0
    /// Σ over reads of `rows × cols` (bias row excluded): every operation of a dense engine.
    public var denseSynapticOperations = 0
    /// Non-zero outputs of the neuron layers (hidden spikes; the readout integrator never spikes).
    public var spikes = 0
    /// Outputs of the neuron layers (neurons × time steps), the readout's included:
    /// NeuroBench's harness hooks every snnTorch `SpikingNeuron`, and a readout exported to
    /// snnTorch is one (a `Leaky` that never fires), so its outputs count as sparse.
    public var activations = 0
    /// Neuron-steps whose membrane potential changed (all of the first step of a pass).
    public var membraneUpdates = 0
    /// Neuron-steps of every neuron layer (hidden and readout).
    public var neuronSteps = 0

    public init() {}

    public static func += (a: inout NeuroBenchCounts, b: NeuroBenchCounts) {
        a.samples += b.samples; a.timesteps += b.timesteps; a.effectiveACs += b.effectiveACs; a.effectiveMACs += b.effectiveMACs
        a.denseSynapticOperations += b.denseSynapticOperations; a.spikes += b.spikes
        a.activations += b.activations; a.membraneUpdates += b.membraneUpdates; a.neuronSteps += b.neuronSteps
    }

    /// `a − b`: the counts of the passes run between two snapshots.
    public static func - (a: NeuroBenchCounts, b: NeuroBenchCounts) -> NeuroBenchCounts {
        var d = NeuroBenchCounts()
        d.samples = a.samples - b.samples; d.timesteps = a.timesteps - b.timesteps
        d.effectiveACs = a.effectiveACs - b.effectiveACs
        d.effectiveMACs = a.effectiveMACs - b.effectiveMACs
        d.denseSynapticOperations = a.denseSynapticOperations - b.denseSynapticOperations
        d.spikes = a.spikes - b.spikes; d.activations = a.activations - b.activations
        d.membraneUpdates = a.membraneUpdates - b.membraneUpdates; d.neuronSteps = a.neuronSteps - b.neuronSteps
        return d
    }

    /// Adds one read of a connection layer.
    @inline(__always)
    mutating func read(_ effective: (operations: Int, binary: Bool), dense: Int) {
        if effective.binary { effectiveACs &+= effective.operations } else { effectiveMACs &+= effective.operations }
        denseSynapticOperations &+= dense
    }
}

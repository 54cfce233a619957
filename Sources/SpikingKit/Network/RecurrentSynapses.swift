import CrossbarKit
import DeviceKit
import KitSupport

/// The recurrent connections of one hidden layer (DESIGN §5.2b): a `size × size` crossbar
/// whose rows are the layer's own neurons, driven by their spikes of the previous step,
/// ```
/// I_i[t] = Σ_j w_ij·x_j[t] + Σ_j w^rec_ij·o_j[t−1]
/// ```
/// Its weights are ordinary crossbar weights: own tiles, the same devices, pulses, wear,
/// energy and records as every other layer. The column currents are digitized on the
/// recurrent tiles' own ADCs and added digitally to the input crossbar's.
public final class RecurrentSynapses {
    /// The hidden layer (0-based) these connections belong to.
    public let hiddenLayer: Int
    public let size: Int
    public let crossbar: CrossbarLayer
    /// The recurrent column currents of the current step.
    public let current: Buffer<Float>
    /// o[t−1], kept while the step overwrites the layer's spikes (learning only).
    let previousSpikes: Buffer<Float>
    /// e-prop state of the recurrent weights.
    public let traces: SynapseTraces

    init(hiddenLayer: Int, crossbar: CrossbarLayer, adaptive: Int, perSynapseMembrane: Bool, filter: Bool) {
        precondition(crossbar.rows == crossbar.cols)
        self.hiddenLayer = hiddenLayer
        size = crossbar.cols
        self.crossbar = crossbar
        current = Buffer(repeating: 0, count: size)
        previousSpikes = Buffer(repeating: 0, count: size)
        traces = SynapseTraces(rows: size, size: size, adaptive: adaptive, perSynapseMembrane: perSynapseMembrane, filter: filter)
    }

    /// Reads o[t−1] (the layer's spikes before this step, bias line excluded) through the
    /// recurrent crossbar and adds the currents into the layer's ``LIFLayer/current``.
    /// Event-driven like every other read: a step without previous spikes drives no row.
    @inline(__always)
    func read(into layer: LIFLayer, learning: Bool, rng: inout LaneNormalGenerator, counts: inout OperationCounts) {
        let spikes = layer.spikeCount - (layer.hasBias ? 1 : 0)
        let charge = crossbar.accumulate(layer.output.pointer, graded: false,
                                         spikeList: layer.spikeList.pointer, spikeCount: spikes)
        let conversions = crossbar.convert(into: current.pointer, rng: &rng)
        counts.charge(charge, conversions: conversions, colTiles: crossbar.colTiles)
        let c = layer.current.pointer, rc = current.pointer
        for i in 0..<size { c[i] += rc[i] }
        if learning { previousSpikes.pointer.update(from: layer.output.pointer, count: size) }
    }
}

import CrossbarKit
import KitSupport

extension SpikingNetwork {
    /// NeuroBench's `Footprint`: bytes of every parameter as float32 — each crossbar weight
    /// (bias rows included: they are the layers' biases) and each neuron parameter: λ (or the
    /// drawn λ_j), θ, and for ALIF neurons β and ρ_j, of every hidden layer; κ of the readout.
    /// Devices are analog; this is the size a digital copy of the model has, which is what
    /// NeuroBench compares.
    public var footprintBytes: Int {
        var values = synapses + 1   // + κ
        for h in hidden {
            values += 1   // θ
            if let d = h.dynamics {
                values += d.heterogeneousLeak ? h.size : 1
                if d.adaptive > 0 { values += d.adaptive + 1 }
            } else {
                values += 1   // λ
            }
        }
        return 4 * values
    }

    /// Rows of `crossbar` that hold weights rather than the bias (a recurrent crossbar has no bias row).
    func weightRows(_ crossbar: CrossbarLayer) -> Int {
        let isRecurrent = recurrent.contains { $0.map { $0.crossbar === crossbar } ?? false }
        return crossbar.rows - (config.bias && !isRecurrent ? 1 : 0)
    }

    /// NeuroBench's `ConnectionSparsity`: weights that read exactly zero over all weights of
    /// the connection layers, bias rows excluded.
    public var connectionSparsity: Double {
        var zeros = 0, all = 0
        for xb in layers {
            let rows = weightRows(xb)
            zeros += xb.zeroWeights(weightRows: rows)
            all += rows * xb.cols
        }
        return all > 0 ? Double(zeros) / Double(all) : 0
    }

    /// Counts one read of `crossbar` (its bias row excluded) into `counts`.
    @inline(__always)
    func countRead(_ crossbar: CrossbarLayer, input: UnsafePointer<Float>, spikeList: UnsafePointer<Int32>?,
                   spikeCount: Int, into counts: inout NeuroBenchCounts) {
        var unused: (operations: Int, binary: Bool)? = nil
        countRead(crossbar, input: input, spikeList: spikeList, spikeCount: spikeCount, into: &counts, reusing: &unused)
    }

    /// ``countRead(_:input:spikeList:spikeCount:into:)`` of a read whose input and weights are
    /// those of the read `previous` counted (the first layer under a static input, within one
    /// sample: the weights change only at the commit after it): the same counts, without
    /// scanning the rows again. `previous` nil: count and keep the result there.
    @inline(__always)
    func countRead(_ crossbar: CrossbarLayer, input: UnsafePointer<Float>, spikeList: UnsafePointer<Int32>?,
                   spikeCount: Int, into counts: inout NeuroBenchCounts, reusing previous: inout (operations: Int, binary: Bool)?) {
        let rows = crossbar.rows - (config.bias ? 1 : 0)
        let synapses = previous
            ?? crossbar.effectiveSynapses(input: input, spikeList: spikeList, spikeCount: spikeCount, weightRows: rows)
        previous = synapses
        counts.read(synapses, dense: rows * crossbar.cols)
    }
}

extension LIFLayer {
    /// Keeps U_mem before a step, for ``changedPotentials()``.
    @inline(__always)
    func rememberPotentials() { potentialBefore.pointer.update(from: potential.pointer, count: size) }

    /// Neurons whose U_mem differs from the one ``rememberPotentials()`` kept.
    @inline(__always)
    func changedPotentials() -> Int {
        let u = potential.pointer, before = potentialBefore.pointer
        var changed = 0
        for k in 0..<size { changed &+= u[k] != before[k] ? 1 : 0 }
        return changed
    }
}

import CrossbarKit
import DeviceKit
import KitSupport

/// What programming an imported model into the devices cost and how close it got.
public struct ProgrammingOutcome: Equatable, Sendable {
    /// Closed-loop rounds run (each: read every weight, write the remaining error).
    public var rounds: Int
    /// Pulses, verify reads, wear and write latency of the whole programming phase.
    public var counts: OperationCounts
    /// Per feedforward layer, the root-mean-square of (apparent − target) after the last
    /// round, network units.
    public var rmsError: [Double]
    /// Per-device program-and-verify's tally (`iterative` programming), nil for `rounds`.
    public var verify: ProgramVerifyTally?
    /// Per feedforward crossbar: its share of ``counts`` and (iterative) of ``verify``.
    public var layers: [LayerProgramming] = []
}

/// One crossbar's part of a programming phase.
public struct LayerProgramming: Equatable, Sendable {
    public var counts = OperationCounts()
    public var verify: ProgramVerifyTally?

    public init(counts: OperationCounts = OperationCounts(), verify: ProgramVerifyTally? = nil) {
        self.counts = counts
        self.verify = verify
    }
}

extension SpikingNetwork {
    /// Programs `targets` (network units, one row-major `rows × cols` array per feedforward
    /// crossbar, as ``NetworkConfig/importedWeights``) into the devices through the write path,
    /// closed loop (program-and-verify at the array level):
    /// ```
    /// repeat up to maxRounds:  e = W_target − W_read
    ///                          ΔW = sign(e)·max(0, |e| − σ²/(2s))
    ///                          write ΔW with n = round(ΔW/s) pulses (pair policy, the
    ///                          preset's write-verify); stop when a round sends no pulse
    /// ```
    /// with s = Δw_min the nominal step and σ = dwMinStd·Δw_min the cycle-to-cycle noise of one
    /// pulse, both in network units. The shrink minimises the expected squared error after the
    /// pulses, `(e − n·s)² + n·σ²`: where one pulse adds more noise than it removes error,
    /// nothing is written (with RRAM's σ ≈ 4.7 s, errors below ≈ 11 steps are left alone).
    /// (the round scheme whatever `writePath.scheme` says: an accumulator would count a
    /// remainder the next round measures again). Ideal devices take the change exactly, and an
    /// entry within 10⁻⁶ of its layer's window counts as reached. Each round's read of the
    /// array is counted as one verify read per synapse. Pulses, wear, energy inputs and write
    /// latency go to ``ProgrammingOutcome/counts``, not to the sample totals.
    public func program(_ targets: [[Float]], maxRounds: Int, timeSeconds: Float,
                        random: inout NetworkRandom) -> ProgrammingOutcome {
        precondition(recurrent.allSatisfy { $0 == nil }, "imported models are feedforward")
        precondition(targets.count == layers.count, "one target matrix per crossbar")
        var counts = OperationCounts()
        var perLayer = [LayerProgramming](repeating: LayerProgramming(), count: layers.count)
        var rounds = 0
        while rounds < maxRounds {
            rounds += 1
            let before = counts.pulses
            for (l, layer) in layers.enumerated() {
                let read = layer.weights, target = targets[l], delta = gradientBuffers[l].pointer
                let reached = 1e-6 * layer.maxWeight
                let device = layer.preset.device
                let step = layer.weightScale * device.nominalStep
                let shrink = device.model == .ideal ? 0 : device.dwMinStd * device.dwMinStd * step / 2
                for i in 0..<read.count {
                    let d = target[i] - read[i]
                    let magnitude = max(0, abs(d) - shrink)
                    delta[i] = abs(d) > reached ? (d < 0 ? -magnitude : magnitude) : 0
                }
                var c = OperationCounts()
                c.verifyReads += Double(read.count)
                layer.applyUpdate(delta, timeSeconds: timeSeconds, rng: &random.writeNoise,
                                  roundingRNG: &random.rounding, counts: &c, scheme: .round)
                counts += c
                perLayer[l].counts += c
                delta.update(repeating: 0, count: read.count)
            }
            if counts.pulses == before { break }
        }
        var outcome = ProgrammingOutcome(rounds: rounds, counts: counts, rmsError: rmsError(targets))
        outcome.layers = perLayer
        return outcome
    }
}

import CrossbarKit
import DeviceKit
import KitSupport

/// How an imported model's weights are written into the devices (`network.modelProgramming`).
public enum ModelProgramming: String, CaseIterable, Sendable {
    /// Per-device iterative program-and-verify (``CrossbarLayer/programVerify``).
    case iterative
    /// The array-level closed loop (``SpikingNetwork/program(_:maxRounds:timeSeconds:random:)``).
    case rounds
}

extension SpikingNetwork {
    /// Programs `targets` (network units, one row-major `rows × cols` array per feedforward
    /// crossbar) with per-device iterative program-and-verify, crossbar after crossbar
    /// (``CrossbarLayer/programVerify``; tolerance, budget, burst cap and reads per check from
    /// the preset's `verify.program*`). The outcome's `rounds` is 1 (one pass over the arrays;
    /// the loops are per pair, tallied in its `verify`).
    /// Pulse noise draws from `random.writeNoise`; the verify reads' noise from `verifyReads`
    /// (its own stream, ``RandomStream/programmingReads``).
    public func programVerify(_ targets: [[Float]], timeSeconds: Float, random: inout NetworkRandom,
                              verifyReads: inout SeededGenerator) -> ProgrammingOutcome {
        precondition(recurrent.allSatisfy { $0 == nil }, "imported models are feedforward")
        precondition(targets.count == layers.count, "one target matrix per crossbar")
        var counts = OperationCounts()
        var tally = ProgramVerifyTally()
        var perLayer: [LayerProgramming] = []
        for (l, layer) in layers.enumerated() {
            var c = OperationCounts()
            let t = layer.programVerify(targets[l], timeSeconds: timeSeconds, writeRNG: &random.writeNoise,
                                        readRNG: &verifyReads, counts: &c)
            counts += c
            tally += t
            perLayer.append(LayerProgramming(counts: c, verify: t))
        }
        var outcome = ProgrammingOutcome(rounds: 1, counts: counts, rmsError: rmsError(targets))
        outcome.verify = tally
        outcome.layers = perLayer
        return outcome
    }

    /// Routes every later online write through per-device program-and-verify
    /// (``CrossbarLayer/verifiedWrite``, `hardware.verify.onlineProgramVerify`): crossbar l's
    /// verify reads draw from `SeededGenerator(seed: seed + l, stream: .onlineVerifyReads)`.
    public func verifyOnlineWrites(seed: UInt64) {
        for (l, layer) in layers.enumerated() {
            layer.onlineVerifyReads = SeededGenerator(seed: seed &+ UInt64(l), stream: .onlineVerifyReads)
        }
    }

    /// Per crossbar, the root-mean-square of (apparent − target), network units.
    func rmsError(_ targets: [[Float]]) -> [Double] {
        zip(layers, targets).map { layer, target -> Double in
            let read = layer.weights
            let sum = zip(read, target).reduce(0.0) { $0 + Double($1.0 - $1.1) * Double($1.0 - $1.1) }
            return (sum / Double(max(read.count, 1))).squareRoot()
        }
    }
}

import CrossbarKit
import DeviceKit
import KitSupport
import RealModule
import SpikingKit
import Testing

/// Recurrent and adaptive networks as a whole: what the defaults build, the drawn time
/// constants, the chip layout, writes through the recurrent devices, and checkpoints.
@Suite("recurrent and ALIF networks")
struct RecurrentNetworkTests {
    static func engine(recurrent: Bool = true, alif: Float = 0.5, membrane: [Float] = [3, 30]) -> EngineConfig {
        var e = EngineConfig()
        e.network.layers = [0, 12, 3]
        e.network.timesteps = 6
        e.network.recurrent = [recurrent]
        e.network.alifFraction = [alif]
        e.network.membraneTimeConstantSteps = membrane
        e.network.adaptationTimeConstantSteps = [5, 50]
        e.network.initGains = [2, 0.5]
        e.network.maxWeights = [1]
        e.encoder.scaling = .none
        e.encoder.gain = 1
        e.learning.learningRate = 0.01
        e.learning.readoutLearningRate = 0.01
        return e
    }

    static func samples(_ n: Int) -> [Sample] {
        (0..<n).map { k in
            Sample(frames: (0..<10).map { t in (0..<2).map { c in Float.sin(Float(t + 3 * k + c) * 0.9) * 2 } }, label: k % 3)
        }
    }

    @Test("the default configuration builds the feedforward LIF network: no dynamics, no recurrent crossbar, no draw")
    func defaults() {
        let net = SpikingNetwork(config: NetworkConfig(), learning: LearningConfig(), preset: HardwareConfig().preset,
                                 crossbar: CrossbarConfig(), writePath: WritePathConfig(), seed: 1)
        #expect(net.layers.count == 2 && net.inputCrossbar == [0])
        #expect(net.recurrent.allSatisfy { $0 == nil })
        #expect(net.hidden.allSatisfy { $0.dynamics == nil })
        #expect(net.crossbarNames == ["hidden 1", "readout"])
    }

    @Test("time constants are drawn once per neuron inside their ranges, from the seed")
    func drawnTimeConstants() throws {
        let e = Self.engine()
        let hw = HardwareConfig()
        func dynamics(_ seed: UInt64) throws -> NeuronDynamics {
            let l = OnlineLearner(config: e, hardware: hw, seed: seed, inputWidth: 2)
            return try #require(l.network.hidden[0].dynamics)
        }
        let a = try dynamics(4), b = try dynamics(4), c = try dynamics(5)
        #expect(a.adaptive == 6 && a.size == 12 && a.heterogeneousLeak)
        #expect(a.leak.array == b.leak.array && a.adaptationDecay.array == b.adaptationDecay.array)
        #expect(a.leak.array != c.leak.array)
        for lambda in a.leak.array {
            let tau = -1 / Double.log(Double(lambda))          // λ = exp(−1/τ)
            #expect(tau >= 3 - 1e-3 && tau <= 30 + 1e-3)
        }
        for rho in a.adaptationDecay.array {
            let tau = -1 / Double.log(Double(rho))
            #expect(tau >= 5 - 1e-2 && tau <= 50 + 1e-2)
        }
        #expect(Set(a.leak.array).count > 1, "heterogeneous")
    }

    @Test("the chip layout counts the recurrent tiles, their learning memory, but no extra neurons or read stage")
    func layout() {
        let e = Self.engine()
        let l = OnlineLearner(config: e, hardware: HardwareConfig(), seed: 1, inputWidth: 2)
        let chip = l.network.chipLayout(crossbar: CrossbarConfig(), writePath: WritePathConfig())
        #expect(chip.layers.map(\.recurrent) == [false, true, false])
        #expect(chip.layers.map(\.rows) == [2, 12, 12] && chip.layers.map(\.cols) == [12, 12, 3])
        #expect(chip.neurons == 12 + 3)
        #expect(chip.sequentialLayers == 2)
        let plain = OnlineLearner(config: Self.engine(recurrent: false, alif: 0, membrane: []), hardware: HardwareConfig(),
                                  seed: 1, inputWidth: 2).network.chipLayout(crossbar: CrossbarConfig(), writePath: WritePathConfig())
        // Extra learning memory: the recurrent synapses' gradient and ē, plus ε^v per synapse
        // (drawn leaks) on both crossbars and ε^a on the 6 ALIF columns of both.
        let synapsesIn = 2 * 12, synapsesRec = 12 * 12
        let w = WritePathConfig()
        let chi = w.scheme == .accumulate ? w.accumulatorBits * synapsesRec : 0
        let extra = 32 * (2 * synapsesRec + (synapsesIn + synapsesRec) + 6 * (2 + 12)) + chi
        #expect(chip.learningMemoryBits - plain.learningMemoryBits == Double(extra))
    }

    @Test("committing writes ΔW = −η·G through the recurrent crossbar's ideal devices")
    func commitThroughRecurrentDevices() throws {
        var hw = HardwareConfig()
        hw.preset.device.model = .ideal
        let l = OnlineLearner(config: Self.engine(), hardware: hw, seed: 2, inputWidth: 2)
        let net = l.network
        let rec = try #require(net.recurrent[0])
        let s = Self.samples(1)[0]
        l.encoder.begin(s, learn: true)
        var random = NetworkRandom(seed: 3)
        var counts = OperationCounts()
        _ = net.run(s, encoder: l.encoder, target: s.label, random: &random, counts: &counts)
        let before = rec.crossbar.weights, g = rec.traces.gradient.array
        #expect(g.contains { $0 != 0 })
        net.commit(counts: &counts, timeSeconds: 0, random: &random)
        for k in 0..<before.count { #expect(abs(rec.crossbar.weights[k] - (before[k] - 0.01 * g[k])) < 1e-6) }
        #expect(rec.traces.gradient.array.allSatisfy { $0 == 0 })
    }

    @Test("a checkpoint restores the recurrent devices and the drawn time constants; the run continues bit for bit")
    func checkpointContinues() throws {
        let e = Self.engine()
        let hw = HardwareConfig()   // rram: noise everywhere
        let a = OnlineLearner(config: e, hardware: hw, seed: 7, inputWidth: 2)
        let data = Self.samples(12)
        for s in data.prefix(8) { _ = try a.process(s, learn: true) }
        #expect(a.network.recurrent[0]!.crossbar.plus.setPulses.array.contains { $0 > 0 }
                || a.network.recurrent[0]!.crossbar.plus.resetPulses.array.contains { $0 > 0 })
        let blob = a.stateBytes()
        // The time constants are in the state: a learner of another seed, which drew others,
        // takes them from the blob.
        let other = OnlineLearner(config: e, hardware: hw, seed: 8, inputWidth: 2)
        #expect(other.network.hidden[0].dynamics!.leak.array != a.network.hidden[0].dynamics!.leak.array)
        try other.restore(blob)
        #expect(other.stateDigest == a.stateDigest)
        #expect(other.network.hidden[0].dynamics!.leak.array == a.network.hidden[0].dynamics!.leak.array)
        #expect(other.network.hidden[0].dynamics!.adaptationDecay.array == a.network.hidden[0].dynamics!.adaptationDecay.array)
        // A learner of the same configuration and seed continues the run bit for bit.
        let b = OnlineLearner(config: e, hardware: hw, seed: 7, inputWidth: 2)
        try b.restore(blob)
        for s in data.suffix(4) {
            let x = try a.process(s, learn: true), y = try b.process(s, learn: true)
            #expect(x == y)
        }
        #expect(a.stateDigest == b.stateDigest)
    }
}

import CrossbarKit
import DeviceKit
import SpikingKit
import Testing

/// NeuroBench's metrics of a tiny ideal network, against the definitions re-computed here in
/// Double from the network's own weights (NeuroBench's harness, `neurobench.metrics`, counts
/// the same way: binarised inputs × binarised weights per connection layer and step).
@Suite("NeuroBench metrics: closed forms on a 3-4-2 network")
struct NeuroBenchTests {
    func network(readoutGain: Float, bias: Bool = false) -> SpikingNetwork {
        var n = NetworkConfig()
        n.layers = [3, 4, 2]
        n.timesteps = 4
        n.leak = 0.6
        n.readoutLeak = 0.7
        n.threshold = 0.5
        n.initGains = [1.5, readoutGain]
        n.maxWeights = [1]
        n.bias = bias
        var hw = HardwareConfig()
        hw.preset.device.model = .ideal
        hw.preset.device.wMin = -1
        hw.preset.device.wMax = 1
        return SpikingNetwork(config: n, learning: LearningConfig(), preset: hw.preset,
                              crossbar: CrossbarConfig(), writePath: WritePathConfig(), seed: 21)
    }

    /// Runs `x` once (no learning) and returns the network's counts.
    func run(_ net: SpikingNetwork, _ x: [Float]) -> NeuroBenchCounts {
        var enc = EncoderConfig()
        enc.scaling = .none
        enc.gain = 1
        let encoder = InputEncoder(config: enc, width: 3)
        let sample = Sample(features: x, label: 1)
        encoder.begin(sample, learn: false)
        var random = NetworkRandom(seed: 1)
        var counts = OperationCounts()
        _ = net.run(sample, encoder: encoder, target: nil, random: &random, counts: &counts)
        return net.neuroBench
    }

    /// The same counts from the equations (Double), given the network's weights.
    func expected(_ net: SpikingNetwork, _ x: [Double], bias: Bool = false) -> NeuroBenchCounts {
        let b = bias ? 1 : 0
        let w1 = net.layers[0].weights.map(Double.init), w2 = net.layers[1].weights.map(Double.init)
        let xs = x + (bias ? [1] : [])
        var u = [Double](repeating: 0, count: 4), o = u, y = [0.0, 0.0]
        var c = NeuroBenchCounts()
        let binaryInput = x.allSatisfy { $0 == 0 || abs($0) == 1 }
        for t in 0..<4 {
            let inOps = (0..<3).reduce(0) { s, r in s + (xs[r] != 0 ? (0..<4).filter { w1[r * 4 + $0] != 0 }.count : 0) }
            if binaryInput { c.effectiveACs += inOps } else { c.effectiveMACs += inOps }
            let before = u
            for i in 0..<4 {
                var current = 0.0
                for r in 0..<(3 + b) { current += xs[r] * w1[r * 4 + i] }
                u[i] = 0.6 * u[i] + current - 0.5 * o[i]
            }
            o = u.map { $0 > 0.5 ? 1 : 0 }
            c.membraneUpdates += t == 0 ? 4 : (0..<4).filter { u[$0] != before[$0] }.count
            c.spikes += Int(o.reduce(0, +))
            c.activations += 4
            c.effectiveACs += (0..<4).reduce(0) { s, j in s + (o[j] != 0 ? (0..<2).filter { w2[j * 2 + $0] != 0 }.count : 0) }
            let yBefore = y
            for k in 0..<2 {
                var current = 0.0
                for j in 0..<4 { current += o[j] * w2[j * 2 + k] }
                if bias { current += w2[4 * 2 + k] }
                y[k] = 0.7 * y[k] + current
            }
            c.membraneUpdates += t == 0 ? 2 : (0..<2).filter { y[$0] != yBefore[$0] }.count
            c.neuronSteps += 6
            c.activations += 2   // the readout's outputs, never a spike
            c.denseSynapticOperations += 3 * 4 + 4 * 2
        }
        c.samples = 1
        c.timesteps = 4
        return c
    }

    @Test("graded input: MACs in the first layer, ACs in the readout, dense = weights × steps")
    func graded() {
        let net = network(readoutGain: 1.5)
        let x = [1.2, -0.4, 0.7]
        let c = run(net, x.map(Float.init))
        #expect(c == expected(net, x))
        #expect(c.effectiveMACs == 3 * 4 * 4)   // every input and weight non-zero, 4 steps
        #expect(c.denseSynapticOperations == 80)
        #expect(c.spikes > 0)
    }

    @Test("a binary input counts as spikes (ACs); a zero input row costs nothing")
    func binary() {
        let net = network(readoutGain: 1.5)
        let x = [1.0, 0, 1.0]
        let c = run(net, x.map(Float.init))
        #expect(c == expected(net, x))
        #expect(c.effectiveMACs == 0)
        #expect(c.effectiveACs >= 2 * 4 * 4)
    }

    @Test("a zero readout: no readout operations, its membranes move only on the first step, sparsity 8/20")
    func zeroReadout() {
        let net = network(readoutGain: 0)
        let x = [1.2, -0.4, 0.7]
        let c = run(net, x.map(Float.init))
        #expect(c == expected(net, x))
        #expect(c.effectiveACs == 0)
        #expect(net.connectionSparsity == 8.0 / 20.0)
        let m = NeuroBenchMetrics(counts: c, network: net, workload: "test", accuracy: 1, samplePeriodSeconds: 0.01)
        #expect(m.connectionSparsity == 0.4)
        #expect(m.footprintBytes == 4 * (12 + 8 + 1 + 2))
        #expect(m.activationSparsity == 1 - Double(c.spikes) / 24)   // (4 hidden + 2 readout) × 4 steps
        #expect(m.neuronOperations.effective == 4 * Double(c.membraneUpdates))
        #expect(m.neuronOperations.dense == 4 * 24)
        #expect(abs(m.modelExecutionRateHertz - 400) < 1e-3)   // 4 steps per 10 ms
    }

    @Test("the bias row is neither a synaptic operation nor a connection, but it is in the footprint")
    func bias() {
        let net = network(readoutGain: 1.5, bias: true)
        let x = [1.2, -0.4, 0.7]
        let c = run(net, x.map(Float.init))
        #expect(c == expected(net, x, bias: true))
        #expect(c.denseSynapticOperations == 80)
        #expect(net.footprintBytes == 4 * (16 + 10 + 1 + 2))
    }

    @Test("the non-zero counts follow writes: zeroing weights raises connection sparsity")
    func nonZeroFollowsWrites() {
        let net = network(readoutGain: 1.5)
        #expect(net.connectionSparsity == 0)
        let xb = net.layers[1]
        let stateBefore = xb.rowNonZero.array
        #expect(stateBefore.map(Int.init).reduce(0, +) == 8)
        // Program one pair to equal conductances: its weight reads exactly 0.
        xb.plus.program(3, to: 0)
        xb.minus.program(3, to: 0)
        xb.refreshSynapse(3, timeSeconds: 0)
        #expect(xb.rowNonZero[1] == 1)
        #expect(net.connectionSparsity == 1.0 / 20.0)
        xb.refreshAll(timeSeconds: 0)
        #expect(net.connectionSparsity == 1.0 / 20.0)
    }
}

import Foundation
import CrossbarKit
import DeviceKit
import NIR
import SpikingKit
import Testing

@Suite("NIR import: mapping onto Spikebar's layers")
struct NIRImportTests {
    @Test("forward-Euler constants, gains folded into the weights, Spikebar's layout with a bias row, window scaling")
    func closedForms() throws {
        let g = NIRFixtures.small()
        let m = try ImportedModel(graph: g, dtSeconds: 0.001)
        let tau = Double(Float(0.01)), tauOut = Double(Float(0.02))
        let gain = Float(10 * 0.001 / tau), gainOut = Float(20 * 0.001 / tauOut)
        #expect(m.layers == [3, 4, 2])
        #expect(m.leak == Float(1 - 0.001 / tau))
        #expect(m.readoutLeak == Float(1 - 0.001 / tauOut))
        #expect(m.threshold == 1.5 && m.bias)
        guard case let .affine(w1, b1) = g.nodes["fc1"]!, case let .linear(w2) = g.nodes["fc2"]! else { return }
        #expect(m.weights[0].count == 4 * 4 && m.weights[1].count == 5 * 2)
        for r in 0..<3 { for c in 0..<4 { #expect(m.weights[0][r * 4 + c] == w1[c, r] * gain) } }
        for c in 0..<4 { #expect(m.weights[0][3 * 4 + c] == b1[c] * gain) }
        for r in 0..<4 { for c in 0..<2 { #expect(m.weights[1][r * 2 + c] == w2[c, r] * gainOut) } }
        #expect(m.weights[1][8] == 0 && m.weights[1][9] == 0)   // Linear: a zero bias row
        #expect(m.maxWeights[0] == m.weights[0].map(abs).max()! / ImportedModel.windowFill)
        #expect(m.maxWeights[1] == 2 * gainOut / ImportedModel.windowFill)
        var exact = m
        exact.exactWindows()
        #expect(exact.maxWeights == [1, 4])   // 0.75 → 1, 2.5 → 4

        var n = NetworkConfig()
        m.apply(to: &n)
        #expect(n.reset == .hard && n.layers == [3, 4, 2] && n.importedWeights == m.weights)
        try n.validate(at: "network")
    }

    @Test("no bias anywhere: no bias row; a Scale node folds into the weights around it")
    func scaleAndNoBias() throws {
        var g = NIRFixtures.small(bias: [0, 0, 0, 0])
        g.nodes["s"] = .scale([2, 2, 2, 2])
        g.edges = [("in", "fc1"), ("fc1", "s"), ("s", "lif"), ("lif", "fc2"), ("fc2", "li"), ("li", "out")]
        let scaled = try ImportedModel(graph: g, dtSeconds: 0.001)
        let plain = try ImportedModel(graph: NIRFixtures.small(bias: [0, 0, 0, 0]), dtSeconds: 0.001)
        #expect(!scaled.bias && scaled.weights[0].count == 12)
        #expect(scaled.weights[0] == plain.weights[0].map { $0 * 2 })
        #expect(scaled.weights[1] == plain.weights[1])
    }

    @Test("the imported weights are what an ideal crossbar reads after programming, or when set directly", arguments: [8, 0])
    func programmedIdeal(rounds: Int) throws {
        let m = try ImportedModel(graph: NIRFixtures.small(), dtSeconds: 0.001)
        let (net, outcome) = NIRFixtures.idealNetwork(m, rounds: rounds)
        if let o = outcome {
            #expect(o.rounds == 2 && o.counts.pulses == Double(m.weights.joined().filter { $0 != 0 }.count))
        }
        for l in 0..<2 {
            for (a, b) in zip(net.layers[l].weights, m.weights[l]) { #expect(abs(a - b) <= 1e-6 * max(1, abs(b))) }
        }
    }

    @Test("unsupported nodes, cycles, branches, size mismatches and unmappable parameters: one line each")
    func refusals() throws {
        func error(_ g: NIRGraph) -> String {
            do { _ = try ImportedModel(graph: g, dtSeconds: 0.001); return "no error" } catch { return "\(error)" }
        }
        var conv = NIRFixtures.small()
        conv.nodes["conv"] = .unsupported("Conv2d")
        #expect(error(conv).hasPrefix("NIR node 'conv' has type Conv2d, which Spikebar does not support"))

        var cycle = NIRFixtures.small()
        cycle.edges.append(("li", "fc1"))
        #expect(error(cycle).contains("cycle"))

        var branch = NIRFixtures.small()
        branch.edges.append(("fc1", "li"))
        #expect(error(branch).contains("feeds 2 nodes"))

        var sizes = NIRFixtures.small()
        sizes.nodes["fc2"] = .linear(weight: NIRMatrix(rows: 2, cols: 5, values: [Float](repeating: 1, count: 10)))
        #expect(error(sizes) == "NIR graph: 'fc2' takes 5 inputs but 'lif' has 4")

        var cuba = NIRFixtures.small()
        let u = NIRFixtures.uniform
        cuba.nodes["lif"] = .cubaLIF(tauMem: u(4, 0.01), tauSyn: u(4, 0.005), r: u(4, 10), vLeak: u(4, 0),
                                     vThreshold: u(4, 1), vReset: u(4, 0), wIn: u(4, 1))
        #expect(error(cuba).hasPrefix("NIR node 'lif': tau_syn"))

        var hetero = NIRFixtures.small()
        hetero.nodes["lif"] = .lif(tau: [0.01, 0.02, 0.01, 0.01], r: u(4, 10), vLeak: u(4, 0), vThreshold: u(4, 1), vReset: u(4, 0))
        #expect(error(hetero) == "NIR node 'lif': tau differs between neurons; Spikebar needs one value per layer")

        #expect(error(NIRFixtures.small(tau: 0.0005)).contains("choose a smaller --nir-dt"))

        var noReadout = NIRFixtures.small()
        noReadout.nodes["li"] = .lif(tau: u(2, 0.01), r: u(2, 10), vLeak: u(2, 0), vThreshold: u(2, 1), vReset: u(2, 0))
        #expect(error(noReadout).contains("must end in an LI readout"))
    }

    @Test("a CubaLIF whose synaptic time constant equals dt is a LIF with w_in folded in")
    func cubaEqualsLIF() throws {
        var cuba = NIRFixtures.small()
        let u = NIRFixtures.uniform
        cuba.nodes["lif"] = .cubaLIF(tauMem: u(4, 0.01), tauSyn: u(4, 0.001), r: u(4, 10), vLeak: u(4, 0),
                                     vThreshold: u(4, 1.5), vReset: u(4, 0), wIn: u(4, 2))
        let a = try ImportedModel(graph: cuba, dtSeconds: 0.001), b = try ImportedModel(graph: NIRFixtures.small(), dtSeconds: 0.001)
        #expect(a.weights[0] == b.weights[0].map { $0 * 2 } && a.leak == b.leak)
    }
}

@Suite("NIR export: a network written as NIR and read back")
struct NIRExportTests {
    @Test("export → write → read → import gives the apparent weights to the last bit, and the same constants", arguments: [0, 8])
    func roundTrip(rounds: Int) throws {
        var m = try ImportedModel(graph: NIRFixtures.small(), dtSeconds: 0.001)
        m.exactWindows()
        let net = NIRFixtures.idealNetwork(m, rounds: rounds).network
        #expect(net.layers.map(\.weights) == m.weights)   // a power-of-two window: held exactly
        let graph = try NIRGraph(network: net, dtSeconds: 0.001)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spikebar-export-\(UUID().uuidString).nir")
        defer { try? FileManager.default.removeItem(at: url) }
        try NIRWriter.write(graph, to: url.path)
        let back = try NIRReader.read(path: url.path)
        #expect(back == graph)
        let again = try ImportedModel(graph: back, dtSeconds: 0.001)
        #expect(again.weights == net.layers.map(\.weights))
        #expect(again.layers == m.layers && again.threshold == m.threshold && again.bias == m.bias)
        #expect(abs(again.leak - m.leak) <= 1e-6 && abs(again.readoutLeak - m.readoutLeak) <= 1e-6)
    }

    @Test("recurrent layers and windowed readouts are refused with one line")
    func refusals() {
        var n = NetworkConfig()
        n.layers = [3, 4, 2]
        n.readoutMode = .mean
        let net = SpikingNetwork(config: n, learning: LearningConfig(), preset: HardwareConfig().preset, crossbar: CrossbarConfig(),
                                 writePath: WritePathConfig(), seed: 1)
        #expect(throws: NIRError.badGraph(reason: "a windowed readout (readoutMode mean) has no NIR LI form")) {
            try NIRGraph(network: net, dtSeconds: 0.001)
        }
    }
}

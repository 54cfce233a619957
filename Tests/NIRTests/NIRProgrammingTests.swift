import CrossbarKit
import DeviceKit
import NIR
import SpikingKit
import Testing

/// Programming an imported model through the write path (SpikingNetwork.program).
@Suite("Programming imported weights through the write path")
struct NIRProgrammingTests {
    func network(_ m: ImportedModel, device: (inout DeviceParameters) -> Void) -> SpikingNetwork {
        var n = NetworkConfig()
        m.apply(to: &n)
        var hw = HardwareConfig()
        hw.preset.device.wMin = -1
        hw.preset.device.wMax = 1
        device(&hw.preset.device)
        hw.preset.electrical.readNoiseStd = 0
        return SpikingNetwork(config: n, learning: LearningConfig(), preset: hw.preset, crossbar: CrossbarConfig(),
                              writePath: WritePathConfig(), seed: 5)
    }

    @Test("a noiseless constant-step device: one writing round of round(|w|/s) pulses per weight, then a round that sends none")
    func constantStep() throws {
        let m = try ImportedModel(graph: NIRFixtures.small(), dtSeconds: 0.001)
        // A step that puts no target on a half step (a tie flips between rounds).
        let net = network(m) { $0.model = .constantStep; $0.dwMin = 0.0123 }
        #expect(net.layers.allSatisfy { $0.weights.allSatisfy { $0 == 0 } })   // built at rest
        var random = NetworkRandom(seed: 5)
        let o = net.program(m.weights, maxRounds: 8, timeSeconds: 0, random: &random)
        var expectedPulses = 0.0
        for (l, layer) in net.layers.enumerated() {
            let step = Double(layer.weightScale * Float(0.0123))
            for (read, target) in zip(layer.weights, m.weights[l]) {
                expectedPulses += (abs(Double(target)) / step).rounded()
                #expect(abs(Double(read - target)) <= step / 2 + 1e-6)
            }
        }
        #expect(o.rounds == 2)
        #expect(o.counts.pulses == expectedPulses)
        #expect(o.counts.verifyReads == 2 * Double(net.synapses))
        for (l, layer) in net.layers.enumerated() {
            #expect(o.rmsError[l] > 0 && o.rmsError[l] <= Double(layer.weightScale * Float(0.0123)) / 2)
        }
    }

    @Test("noisy pulses: what the loop leaves unwritten is within the shrink σ²/(2s) (+ half a step) of its target")
    func noisy() throws {
        let m = try ImportedModel(graph: NIRFixtures.small(), dtSeconds: 0.001)
        let net = network(m) { $0.model = .constantStep; $0.dwMin = 0.01; $0.dwMinStd = 3 }
        var random = NetworkRandom(seed: 5)
        let o = net.program(m.weights, maxRounds: 20, timeSeconds: 0, random: &random)
        // What is left unwritten: every error the last round saw was at most the shrink (or the loop hit its cap).
        #expect(o.rounds <= 20)
        for (l, layer) in net.layers.enumerated() {
            let s = layer.weightScale * 0.01, shrink = 9 * s / 2
            if o.rounds < 20 { for (r, t) in zip(layer.weights, m.weights[l]) { #expect(abs(r - t) <= shrink + s / 2 + 1e-5) } }
        }
        #expect(o.counts.setPulses > 0 && o.counts.resetPulses >= 0)
    }
}

import CrossbarKit
import DeviceKit
import RealModule
import SpikingKit
import Testing

/// A tiny ideal network and the plain equations of DESIGN §5, re-computed in Double here.
@Suite("e-prop and DFA against a hand computation")
struct LearningRuleTests {
    struct Case {
        var network = NetworkConfig()
        var learning = LearningConfig()
        init(filter: Bool) {
            network.layers = [3, 4, 2]
            network.timesteps = 4
            network.leak = 0.6
            network.readoutLeak = 0.7
            network.threshold = 0.5
            network.initGains = [1.5, 1.5]
            network.maxWeights = [1]
            learning.pseudoDerivativeGain = 0.3
            learning.filterEligibility = filter
        }
    }

    func idealHardware() -> HardwareConfig {
        var hw = HardwareConfig()
        hw.preset.device.model = .ideal
        hw.preset.device.wMin = -1
        hw.preset.device.wMax = 1
        return hw
    }

    @Test("gradients after one sample equal the equations, filtered and unfiltered", arguments: [true, false])
    func handComputed(filter: Bool) {
        let c = Case(filter: filter)
        let net = SpikingNetwork(config: c.network, learning: c.learning, preset: idealHardware().preset,
                                 crossbar: CrossbarConfig(), writePath: WritePathConfig(), seed: 21)
        var enc = EncoderConfig()
        enc.scaling = .none
        enc.gain = 1
        let encoder = InputEncoder(config: enc, width: 3)
        let x: [Double] = [1.2, -0.4, 0.7]
        let sample = Sample(features: x.map(Float.init), label: 1)
        encoder.begin(sample, learn: true)
        var random = NetworkRandom(seed: 1)
        var counts = OperationCounts()
        _ = net.run(sample, encoder: encoder, target: 1, random: &random, counts: &counts)

        // Plain re-computation.
        let w1 = net.layers[0].weights.map(Double.init)    // 3 × 4
        let w2 = net.layers[1].weights.map(Double.init)    // 4 × 2
        let b = net.feedback[0].array.map(Double.init)     // class-major: k·4 + i
        let lambda = 0.6, kappa = 0.7, theta = 0.5, gamma = 0.3
        var u = [Double](repeating: 0, count: 4), o = u, f = u, h = u, s = u
        var y = [0.0, 0.0], trace = 0.0
        var g2 = [Double](repeating: 0, count: 8)
        for _ in 0..<4 {
            for i in 0..<4 {
                var current = 0.0
                for r in 0..<3 { current += x[r] * w1[r * 4 + i] }
                u[i] = lambda * u[i] + current - theta * o[i]
            }
            o = u.map { $0 > theta ? 1 : 0 }
            let psi = u.map { gamma * max(0, 1 - abs($0 - theta) / theta) }
            trace = lambda * trace + 1
            for k in 0..<2 {
                var current = 0.0
                for j in 0..<4 { current += o[j] * w2[j * 2 + k] }
                y[k] = kappa * y[k] + current
            }
            for j in 0..<4 { f[j] = kappa * f[j] + o[j] }
            let m = max(y[0], y[1])
            let p = y.map { Double.exp($0 - m) }
            var e = p.map { $0 / (p[0] + p[1]) }
            e[1] -= 1
            for j in 0..<4 { for k in 0..<2 { g2[j * 2 + k] += f[j] * e[k] } }
            for i in 0..<4 {
                let l = b[i] * e[0] + b[4 + i] * e[1]
                if filter {
                    h[i] = kappa * h[i] + psi[i] * trace
                    s[i] += l * h[i]
                } else {
                    s[i] += l * psi[i] * trace
                }
            }
        }
        let g1 = (0..<12).map { x[$0 / 4] * s[$0 % 4] }
        net.formStaticGradient()
        let gotHidden = net.hidden[0].gradient.array.map(Double.init)
        let gotReadout = net.readout.gradient.array.map(Double.init)
        for k in 0..<12 { #expect(abs(gotHidden[k] - g1[k]) < 1e-5, "hidden gradient \(k)") }
        for k in 0..<8 { #expect(abs(gotReadout[k] - g2[k]) < 1e-5, "readout gradient \(k)") }
        #expect(g1.contains { $0 != 0 }, "the case must exercise the hidden rule")
    }

    @Test("committing writes ΔW = −η·G through ideal devices")
    func commit() {
        let c = Case(filter: true)
        var learning = c.learning
        learning.learningRate = 0.1
        learning.readoutLearningRate = 0.2
        let net = SpikingNetwork(config: c.network, learning: learning, preset: idealHardware().preset,
                                 crossbar: CrossbarConfig(), writePath: WritePathConfig(), seed: 3)
        var enc = EncoderConfig()
        enc.scaling = .none
        let encoder = InputEncoder(config: enc, width: 3)
        let sample = Sample(features: [1, 0.5, -1], label: 0)
        encoder.begin(sample, learn: true)
        var random = NetworkRandom(seed: 1)
        var counts = OperationCounts()
        _ = net.run(sample, encoder: encoder, target: 0, random: &random, counts: &counts)
        let before1 = net.layers[0].weights, before2 = net.layers[1].weights
        net.formStaticGradient()
        let g1 = net.hidden[0].gradient.array, g2 = net.readout.gradient.array
        net.commit(counts: &counts, timeSeconds: 0, random: &random)
        // Fan-in scaling: η_l = η·F_ref/F with F = 3 inputs (F_ref 64) and 4 hidden (F_ref 128).
        let expected: [Float] = [Float(0.1) * (Float(64) / 3), Float(0.2) * (Float(128) / 4)]
        #expect(net.learningRates == expected)
        let (eta1, eta2) = (net.learningRates[0], net.learningRates[1])
        for k in 0..<12 { #expect(abs(net.layers[0].weights[k] - (before1[k] - eta1 * g1[k])) < 1e-5) }
        for k in 0..<8 { #expect(abs(net.layers[1].weights[k] - (before2[k] - eta2 * g2[k])) < 1e-5) }
        #expect(net.hidden[0].gradient.array.allSatisfy { $0 == 0 })
    }
}

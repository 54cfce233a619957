import CrossbarKit
import DeviceKit
import KitSupport
import RealModule
import SpikingKit
import Testing

/// Recurrent and adaptive layers and their e-prop traces (DESIGN §5.2b), against a plain
/// re-computation in Double written from the equations (not from the kernel): the neuron
/// step, ε^v, ε^a (kept the DESIGN way, from ψ[t−1] and ε^v[t−1]), the filtered traces and
/// the gradients of the input, recurrent and readout weights.
@Suite("recurrent and ALIF e-prop against a hand computation")
struct RecurrentEpropTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var alif: Bool
        var recurrent: Bool
        var drawnLeaks: Bool
        var filter: Bool
        var symmetric: Bool
        var staticInput = false
        var regularize = false
        var testDescription: String {
            "\(alif ? "ALIF" : "LIF")\(recurrent ? " recurrent" : "")\(drawnLeaks ? " drawn λ" : "")"
                + "\(filter ? " filtered" : "")\(symmetric ? " symmetric" : " random")\(staticInput ? " static" : "")"
                + "\(regularize ? " rate-regularized" : "")"
        }
    }

    static let cases: [Case] = [
        Case(alif: false, recurrent: true, drawnLeaks: false, filter: true, symmetric: false),
        Case(alif: false, recurrent: false, drawnLeaks: true, filter: true, symmetric: false),
        Case(alif: false, recurrent: true, drawnLeaks: true, filter: false, symmetric: false),
        Case(alif: true, recurrent: false, drawnLeaks: false, filter: true, symmetric: false),
        Case(alif: true, recurrent: true, drawnLeaks: true, filter: true, symmetric: false),
        Case(alif: true, recurrent: true, drawnLeaks: true, filter: false, symmetric: true),
        Case(alif: true, recurrent: true, drawnLeaks: false, filter: true, symmetric: true),
        Case(alif: true, recurrent: false, drawnLeaks: true, filter: true, symmetric: false, staticInput: true),
        Case(alif: true, recurrent: true, drawnLeaks: true, filter: true, symmetric: false, regularize: true),
        Case(alif: false, recurrent: true, drawnLeaks: false, filter: false, symmetric: true, regularize: true),
    ]
    static let rateGain = 0.4, targetRate = 0.1

    static let inputs = 3, size = 5, classes = 2, steps = 9
    static let theta = 0.5, gamma = 0.3, beta = 0.25, kappa = 0.7, leak = 0.6

    static func network(_ c: Case) -> SpikingNetwork {
        var net = NetworkConfig()
        net.layers = [inputs, size, classes]
        net.timesteps = steps
        net.leak = Float(leak)
        net.readoutLeak = Float(kappa)
        net.threshold = Float(theta)
        net.initGains = [2, 1.5]
        net.maxWeights = [1]
        net.recurrent = [c.recurrent]
        net.recurrentInitGains = [1.5]
        net.alifFraction = [c.alif ? 0.4 : 0]
        net.adaptationStrength = Float(beta)
        net.adaptationTimeConstantSteps = [2, 12]
        net.membraneTimeConstantSteps = c.drawnLeaks ? [1.5, 8] : []
        var learning = LearningConfig()
        learning.pseudoDerivativeGain = Float(gamma)
        learning.filterEligibility = c.filter
        learning.feedback = c.symmetric ? .symmetric : .random
        learning.rateRegularization = c.regularize ? Float(rateGain) : 0
        learning.targetRate = Float(targetRate)
        var hw = HardwareConfig()
        hw.preset.device.model = .ideal
        hw.preset.device.wMin = -1
        hw.preset.device.wMax = 1
        return SpikingNetwork(config: net, learning: learning, preset: hw.preset, crossbar: CrossbarConfig(),
                              writePath: WritePathConfig(), seed: 5)
    }

    /// Input frames: a static sample repeats its features; a temporal one varies per step.
    static func frames(_ c: Case) -> [[Double]] {
        let fixed: [Double] = [1.1, -0.3, 0.8]
        func value(_ t: Int, _ r: Int) -> Double {
            if c.staticInput { return fixed[r] }
            let phase = Double(t * (r + 2)) * 0.7 + Double(r)
            return 1.4 * Double.sin(phase) + 0.3
        }
        return (0..<steps).map { t in (0..<inputs).map { r in value(t, r) } }
    }

    @Test("gradients of input, recurrent and readout weights equal the equations", arguments: cases)
    func handComputed(_ c: Case) throws {
        let net = Self.network(c)
        let n = Self.size, nIn = Self.inputs, nK = Self.classes
        let expected = ["hidden 1"] + (c.recurrent ? ["hidden 1 (recurrent)"] : []) + ["readout"]
        #expect(net.crossbarNames == expected)
        #expect(net.layers.count == expected.count)
        var enc = EncoderConfig()
        enc.scaling = .none
        enc.gain = 1
        let encoder = InputEncoder(config: enc, width: nIn)
        let x = Self.frames(c)
        let sample = c.staticInput ? Sample(features: x[0].map(Float.init), label: 1)
                                   : Sample(frames: x.map { $0.map(Float.init) }, label: 1)
        encoder.begin(sample, learn: true)
        var random = NetworkRandom(seed: 1)
        var counts = OperationCounts()
        _ = net.run(sample, encoder: encoder, target: 1, random: &random, counts: &counts)

        // Parameters as the network holds them.
        let wIn = net.layers[0].weights.map(Double.init)
        let wRec = c.recurrent ? net.layers[1].weights.map(Double.init) : [Double](repeating: 0, count: n * n)
        let wOut = net.layers[net.layers.count - 1].weights.map(Double.init)
        let dyn = net.hidden[0].dynamics
        let lambda = dyn.map { $0.leak.array.map(Double.init) } ?? [Double](repeating: Self.leak, count: n)
        let adaptive = dyn?.adaptive ?? 0
        #expect(adaptive == (c.alif ? 2 : 0))
        let rho = (0..<n).map { $0 < adaptive ? Double(dyn!.adaptationDecay[$0]) : 0 }
        let beta = (0..<n).map { $0 < adaptive ? Self.beta : 0 }
        if c.drawnLeaks {
            for l in lambda { #expect(l >= Double.exp(-1 / 1.5) - 1e-6 && l <= Double.exp(-1 / 8.0) + 1e-6) }
        }
        for j in 0..<adaptive { #expect(rho[j] >= Double.exp(-1 / 2.0) - 1e-6 && rho[j] <= Double.exp(-1 / 12.0) + 1e-6) }
        let b: [Double] = c.symmetric
            ? (0..<(nK * n)).map { wOut[($0 % n) * nK + $0 / n] }          // class-major B_ik = w^out_ik
            : net.feedback[0].array.map(Double.init)

        let theta = Self.theta, gamma = Self.gamma, kappa = Self.kappa
        var u = [Double](repeating: 0, count: n), o = u, adapt = u, y = [Double](repeating: 0, count: nK)
        var lastThreshold = [Double](repeating: theta, count: n), psiPrev = u, fired = u
        var f = u
        // Per-synapse state, rows p then neuron i: ε^v, ε^a, ē, G; input rows, then recurrent rows.
        let rows = nIn + n
        var ev = [Double](repeating: 0, count: rows * n), ea = ev, eb = ev, g = ev
        var gOut = [Double](repeating: 0, count: n * nK)
        for t in 0..<Self.steps {
            let pre = x[t] + o                       // presynaptic values p: x[t], then o[t−1]
            var current = [Double](repeating: 0, count: n)
            for i in 0..<n {
                for r in 0..<nIn { current[i] += x[t][r] * wIn[r * n + i] }
                for j in 0..<n { current[i] += o[j] * wRec[j * n + i] }
            }
            var threshold = u, psi = u, spikes = u
            for i in 0..<n {
                u[i] = lambda[i] * u[i] + current[i] - lastThreshold[i] * o[i]
                threshold[i] = theta + beta[i] * adapt[i]
                spikes[i] = u[i] > threshold[i] ? 1 : 0
                psi[i] = gamma * max(0, 1 - abs(u[i] - threshold[i]) / theta)
                adapt[i] = rho[i] * adapt[i] + spikes[i]
            }
            // ε^a[t] from ψ[t−1] and ε^v[t−1] (before ε^v advances), then ε^v[t].
            for p in 0..<rows { for i in 0..<n {
                let k = p * n + i
                ea[k] = psiPrev[i] * ev[k] + (rho[i] - psiPrev[i] * beta[i]) * ea[k]
                ev[k] = lambda[i] * ev[k] + pre[p]
            } }
            o = spikes
            lastThreshold = threshold
            psiPrev = psi
            for k in 0..<nK {
                var cur = 0.0
                for j in 0..<n { cur += o[j] * wOut[j * nK + k] }
                y[k] = kappa * y[k] + cur
            }
            for j in 0..<n { f[j] = kappa * f[j] + o[j] }
            let m = y.max()!
            let p = y.map { Double.exp($0 - m) }
            var e = p.map { $0 / p.reduce(0, +) }
            e[1] -= 1
            for j in 0..<n { for k in 0..<nK { gOut[j * nK + k] += f[j] * e[k] } }
            for i in 0..<n {
                fired[i] += o[i]
                let rate = c.regularize ? Self.rateGain * (fired[i] / Double(t + 1) - Self.targetRate) : 0
                let signal = (0..<nK).reduce(0.0) { $0 + b[$1 * n + i] * e[$1] } + rate
                for p in 0..<rows {
                    let k = p * n + i
                    let trace = psi[i] * (ev[k] - beta[i] * ea[k])
                    eb[k] = c.filter ? kappa * eb[k] + trace : trace
                    g[k] += signal * eb[k]
                }
            }
        }
        let gotIn = net.hidden[0].gradient.array.map(Double.init)
        let gotOut = net.readout.gradient.array.map(Double.init)
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-4 * max(1, abs(b)) }
        for k in 0..<(nIn * n) { #expect(close(gotIn[k], g[k]), "input gradient \(k): \(gotIn[k]) vs \(g[k])") }
        for k in 0..<(n * nK) { #expect(close(gotOut[k], gOut[k]), "readout gradient \(k)") }
        if c.recurrent {
            let gotRec = try #require(net.recurrent[0]).traces.gradient.array.map(Double.init)
            for k in 0..<(n * n) { #expect(close(gotRec[k], g[nIn * n + k]), "recurrent gradient \(k): \(gotRec[k]) vs \(g[nIn * n + k])") }
            #expect(g[(nIn * n)...].contains { $0 != 0 }, "the case must exercise the recurrent rule")
        }
        #expect(g[..<(nIn * n)].contains { $0 != 0 }, "the case must exercise the hidden rule")
        if c.alif { #expect(ea.contains { $0 != 0 }, "the case must exercise ε^a") }
    }
}

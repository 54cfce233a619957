import DeviceKit
import KitSupport
import Testing

/// The `piecewise` law (aihwkit's PiecewiseStepDevice): its curve against a computation by
/// hand, a flat table against constantStep, and the table checks.
@Suite("piecewise pulse law")
struct PiecewiseLawTests {
    /// A noiseless piecewise device on [-1, 1] with `dwMin = 0.1` and three nodes at
    /// w = -1, 0, 1.
    static func preset(up: [Float], down: [Float]) -> DevicePreset {
        var p = DevicePreset()
        p.device.model = .piecewise
        p.device.dwMin = 0.1
        p.device.wMin = -1
        p.device.wMax = 1
        p.device.piecewise = PiecewiseStepParameters(up: up, down: down)
        return p
    }

    /// The trajectory of one device from `w0`: `up` SET pulses, then `down` RESET pulses.
    static func trajectory(_ preset: DevicePreset, w0: Float, up: Int, down: Int) -> [Float] {
        var rng = SeededGenerator(seed: 3)
        let d = DevicePopulation(count: 1, preset: preset, initialWeight: w0, rng: &rng)
        var out: [Float] = []
        for k in 0..<(up + down) {
            _ = d.pulse(0, count: k < up ? 1 : -1, timeSeconds: 0, rng: &rng)
            out.append(d.weight[0])
        }
        return out
    }

    @Test("the first pulses equal a computation by hand")
    func byHand() {
        // up table [2, 1, 0.5] at w = -1, 0, 1. From w = -1 (node 0):
        //   pulse 1: m = 2                          → w = -1 + 0.2 = -0.8
        //   pulse 2: x = 0.2, m = 2 − 0.2 = 1.8     → w = -0.8 + 0.18 = -0.62
        //   pulse 3: x = 0.38, m = 1.62             → w = -0.62 + 0.162 = -0.458
        // down table [0.5, 1, 3], from w = -0.458 (x = 0.542, m = 0.5 + 0.542·0.5 = 0.771):
        //   pulse 4: w = -0.458 − 0.0771 = -0.5351
        let w = Self.trajectory(Self.preset(up: [2, 1, 0.5], down: [0.5, 1, 3]), w0: -1, up: 3, down: 1)
        for (got, want) in zip(w, [-0.8, -0.62, -0.458, -0.5351] as [Float]) {
            #expect(abs(got - want) < 1e-6, "\(got) vs \(want)")
        }
    }

    @Test("a long curve equals an independent Double recomputation of the interpolation")
    func independentRecomputation() {
        let up: [Double] = [1.6, 1.5, 1.35, 1.2, 1.0, 0.8, 0.55, 0.3]
        let down: [Double] = [0.3, 0.55, 0.8, 1.0, 1.2, 1.35, 1.5, 1.6]
        let got = Self.trajectory(Self.preset(up: up.map(Float.init), down: down.map(Float.init)), w0: -1, up: 300, down: 300)
        func m(_ v: [Double], _ w: Double) -> Double {
            // Node positions -1 + 2j/7; find the section by search, not by the formula under test.
            let nodes = (0..<v.count).map { -1 + 2 * Double($0) / Double(v.count - 1) }
            let j = (0..<(v.count - 1)).last { nodes[$0] <= w } ?? 0
            let t = (w - nodes[j]) / (nodes[j + 1] - nodes[j])
            return v[j] * (1 - t) + v[j + 1] * t
        }
        var w = -1.0
        var worst = 0.0
        for (k, g) in got.enumerated() {
            w = k < 300 ? min(w + 0.1 * m(up, w), 1) : max(w - 0.1 * m(down, w), -1)
            worst = max(worst, abs(Double(g) - w))
        }
        #expect(worst < 1e-4, "largest gap \(worst)")
        #expect(got[299] == 1 && got[599] == -1)   // 300 pulses of ≥ 0.03 saturate both ways
    }

    @Test("a flat table is constantStep, noise and variation included, bit for bit", arguments: [1, 2, 9])
    func flatIsConstantStep(nodes: Int) {
        var constant = DevicePreset()
        constant.device.dwMin = 0.01
        constant.device.dwMinStd = 0.3
        constant.device.dwMinDtod = 0.2
        constant.device.upDown = 0.1
        constant.device.wMinDtod = 0.1
        constant.device.writeNoiseStd = 0.5
        var flat = constant
        flat.device.model = .piecewise
        flat.device.piecewise = PiecewiseStepParameters(up: Array(repeating: 1, count: nodes), down: Array(repeating: 1, count: nodes))
        #expect(fingerprint(flat) == fingerprint(constant))
        var scaled = flat
        scaled.device.piecewise = PiecewiseStepParameters(up: Array(repeating: 2, count: nodes), down: Array(repeating: 2, count: nodes))
        #expect(fingerprint(scaled) != fingerprint(constant))
    }

    @Test("a table that is empty, negative (not monotone), not finite or of unequal lengths is refused, naming the key",
          arguments: [([], [1], "device.piecewiseUp"), ([1, -0.5, 1], [1, 1, 1], "device.piecewiseUp"),
                      ([1, 1], [1, .nan], "device.piecewiseDown"), ([1, 1, 1], [1, 1], "device.piecewiseDown")] as [([Float], [Float], String)])
    func refused(up: [Float], down: [Float], key: String) {
        var p = DevicePreset()
        p.device.model = .piecewise
        p.device.piecewise = PiecewiseStepParameters(up: up, down: down)
        do {
            try p.validateAll()
            Issue.record("accepted \(up) / \(down)")
        } catch {
            #expect("\(error)".contains("'\(key)'"), "\(error)")
        }
    }
}

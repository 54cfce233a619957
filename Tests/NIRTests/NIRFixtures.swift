import AppTestSupport
import CrossbarKit
import Foundation
import NIR
import SpikingKit

/// The committed NIR fixtures (made by tools/make-nir-fixtures.py) and small hand-built graphs.
enum NIRFixtures {
    static let folder = Repo.root.appendingPathComponent("Tests/NIRTests/Fixtures")
    /// The snnTorch-trained fixture (tools/make-nir-fixtures.py).
    static var digits: String { model("digits-64-128-10") }
    /// The trained fixtures: snnTorch's, and Norse's (tools/make-norse-fixture.py).
    static let trained = ["digits-64-128-10", "digits-norse-64-128-10"]

    static func model(_ name: String) -> String { folder.appendingPathComponent("\(name).nir").path }

    /// The framework's own predictions, one per sample of the digits stream.
    static func digitsPredictions(_ name: String = "digits-64-128-10") throws -> [Int] {
        let text = try String(contentsOf: folder.appendingPathComponent("\(name).predictions.txt"), encoding: .utf8)
        return text.split(separator: "\n").map { Int($0)! }
    }

    /// The framework's accuracy and hidden spikes per sample (the fixture's JSON).
    static func digitsReference(_ name: String = "digits-64-128-10") throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(name).json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    static func uniform(_ n: Int, _ v: Float) -> [Float] { [Float](repeating: v, count: n) }

    /// Input(3) → Affine(4×3) → LIF(4) → Linear(2×4) → LI(2) → Output, τ = 10 ms, R = 10, dt 1 ms.
    static func small(bias: [Float] = [0.5, 0, 0, -0.25], tau: Float = 0.01) -> NIRGraph {
        let w1 = NIRMatrix(rows: 4, cols: 3, values: (0..<12).map { Float($0) / 10 - 0.5 })
        let w2 = NIRMatrix(rows: 2, cols: 4, values: [1, -1, 0.5, 0.25, -0.5, 2, 0, 1])
        return NIRGraph(
            nodes: [
                "in": .input(shape: [3]),
                "fc1": .affine(weight: w1, bias: bias),
                "lif": .lif(tau: uniform(4, tau), r: uniform(4, 10), vLeak: uniform(4, 0), vThreshold: uniform(4, 1.5), vReset: uniform(4, 0)),
                "fc2": .linear(weight: w2),
                "li": .li(tau: uniform(2, 0.02), r: uniform(2, 20), vLeak: uniform(2, 0)),
                "out": .output(shape: [2]),
            ],
            edges: [("in", "fc1"), ("fc1", "lif"), ("lif", "fc2"), ("fc2", "li"), ("li", "out")],
            dtSeconds: 0.001)
    }

    /// `m` on ideal devices (window [−1, 1]), programmed through the write path in `rounds`
    /// rounds as OnlineLearner does (0: set directly), with the programming outcome.
    static func idealNetwork(_ m: ImportedModel, rounds: Int) -> (network: SpikingNetwork, programming: ProgrammingOutcome?) {
        var n = NetworkConfig()
        m.apply(to: &n)
        n.modelProgrammingRounds = rounds
        var hw = HardwareConfig()
        hw.preset.device.model = .ideal
        hw.preset.device.wMin = -1
        hw.preset.device.wMax = 1
        let net = SpikingNetwork(config: n, learning: LearningConfig(), preset: hw.preset, crossbar: CrossbarConfig(),
                                 writePath: WritePathConfig(), seed: 3)
        guard rounds > 0 else { return (net, nil) }
        var random = NetworkRandom(seed: 3)
        return (net, net.program(m.weights, maxRounds: rounds, timeSeconds: 0, random: &random))
    }
}

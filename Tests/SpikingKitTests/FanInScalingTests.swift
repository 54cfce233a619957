import CrossbarKit
import DeviceKit
import SpikingKit
import Testing

/// The fan-in scaling rule of `NetworkConfig+FanIn.swift` (issue #13), in closed form:
/// `maxWeight·√(F_ref/F)`, a hidden layer's `η·F_ref/F`, the readout's `η·(F_ref/F)·min(1, F_ref/F)`.
@Suite("Fan-in scaling of weight ranges and learning rates")
struct FanInScalingTests {
    func network(_ layers: [Int], scaling: Bool = true, preset: DevicePreset = HardwareConfig().preset) -> SpikingNetwork {
        var config = NetworkConfig()
        config.layers = layers
        config.fanInScaling = scaling
        var learning = LearningConfig()
        learning.learningRate = 0.0003
        learning.readoutLearningRate = 0.0001
        return SpikingNetwork(config: config, learning: learning, preset: preset,
                              crossbar: CrossbarConfig(), writePath: WritePathConfig(), seed: 5)
    }

    func close(_ a: Float, _ b: Double) -> Bool { abs(Double(a) - b) <= 1e-6 * abs(b) }

    @Test("784-512-10: hidden η·64/784, readout η·(128/512)², ranges ·√(F_ref/F)")
    func chipSized() {
        let net = network([784, 512, 10])
        #expect(close(net.learningRates[0], 0.0003 * 64 / 784))
        #expect(close(net.learningRates[1], 0.0001 / 16))
        #expect(close(net.config.scaledMaxWeight(layer: 0), 0.25 * (64.0 / 784).squareRoot()))
        #expect(close(net.config.scaledMaxWeight(layer: 1), 0.25 / 2))
        let pair = Double(CrossbarLayer.maxPairWeight(HardwareConfig().preset))
        #expect(close(net.layers[0].weightScale, 0.25 * (64.0 / 784).squareRoot() / pair))
        #expect(close(net.layers[1].weightScale, 0.125 / pair))
    }

    @Test("a second size, 100-256-10: η·64/100, readout η·(128/256)², ranges ·√(F_ref/F)")
    func otherSize() {
        let net = network([100, 256, 10])
        #expect(close(net.learningRates[0], 0.0003 * 0.64))
        #expect(close(net.learningRates[1], 0.0001 / 4))
        #expect(close(net.config.scaledMaxWeight(layer: 0), 0.25 * 0.8))
        #expect(close(net.config.scaledMaxWeight(layer: 1), 0.25 * (0.5 as Double).squareRoot()))
    }

    @Test("a readout narrower than the reference keeps η·F_ref/F: 64-32-10 gives η·4, range ·2")
    func narrowReadout() {
        let net = network([64, 32, 10])
        #expect(net.learningRates[0] == 0.0003)
        #expect(close(net.learningRates[1], 0.0001 * 4))
        #expect(close(net.config.scaledMaxWeight(layer: 1), 0.5))
    }

    @Test("identity at the reference fan-ins 64 and 128, and with scaling off", arguments: [
        ([64, 128, 10], true), ([784, 512, 10], false),
    ])
    func identity(layers: [Int], scaling: Bool) {
        let net = network(layers, scaling: scaling)
        #expect(net.learningRates == [0.0003, 0.0001])
        #expect(net.config.scaledMaxWeight(layer: 0) == 0.25)
        #expect(net.config.scaledMaxWeight(layer: 1) == 0.25)
        #expect(net.config.fanInRatio(layer: 0) == 1 && net.config.readoutRateRatio(layer: 1) == 1)
        let pair = CrossbarLayer.maxPairWeight(HardwareConfig().preset)
        #expect(net.layers.allSatisfy { $0.weightScale == 0.25 / pair })
    }
}

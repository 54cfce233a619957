import KitSupport
import RealModule
import SpikingKit
import Testing

@Suite("Carried network state across stream windows")
struct StreamCarryTests {
    /// Two channels of slow sines: delta spikes on both, now and then.
    static let frames: [[Float]] = (0..<40).map { t in [Float(t) * 0.35, 0].map { Float.sin($0) + 0.5 * Float.sin(0.7 * Float(t)) } }

    func learner(_ encoding: Encoding) -> OnlineLearner {
        var e = engineConfig(classes: 3)
        e.encoder.encoding = encoding
        e.encoder.scaling = .none
        return OnlineLearner(config: e, hardware: noisyHardware(), seed: 3, inputWidth: 2)
    }

    @Test("running a series hop by hop from the carried state ends where running it whole ends",
          arguments: [Encoding.delta, .direct])
    func carryEqualsWhole(_ encoding: Encoding) throws {
        let whole = learner(encoding)
        _ = try whole.process(Sample(frames: Self.frames), learn: false)
        let hops = learner(encoding)
        for start in stride(from: 0, to: 40, by: 10) {
            _ = try hops.process(Sample(frames: Array(Self.frames[start..<start + 10])), learn: false, continuing: start > 0)
        }
        #expect(hops.network.readout.y.array == whole.network.readout.y.array)
        for (a, b) in zip(hops.network.hidden, whole.network.hidden) { #expect(a.potential.array == b.potential.array) }
        // And the last hop alone from a fresh state ends somewhere else: the carry matters.
        let fresh = learner(encoding)
        _ = try fresh.process(Sample(frames: Array(Self.frames[30..<40])), learn: false)
        let potentials = whole.network.hidden[0].potential.array
        #expect(potentials.contains { $0 != 0 })
        #expect(fresh.network.hidden[0].potential.array != potentials)
    }

    @Test("a labelled hop in carry state learns from the hop's steps only, and changes the weights")
    func carryLearns() throws {
        let l = learner(.delta)
        _ = try l.process(Sample(frames: Array(Self.frames[0..<20])), learn: true)
        let before = l.stateDigest
        var hop = Sample(frames: Array(Self.frames[20..<30]))
        hop.label = 1
        let o = try l.process(hop, learn: true, continuing: true)
        #expect(o.timesteps == 10 && o.learned)
        #expect(l.stateDigest != before)
    }
}

import CrossbarKit
import DeviceKit
import KitSupport
import SpikingKit
import Testing

/// A learner whose online writes go through program-and-verify
/// (`hardware.verify.onlineProgramVerify`): each crossbar gets its own stream-19 generator,
/// the writes are verified, and a checkpoint carries the generators.
@Suite("Online learner with verified writes")
struct OnlineVerifyLearnerTests {
    static func hardware(_ on: Bool) -> HardwareConfig {
        var hw = noisyHardware()
        hw.preset.verify.onlineProgramVerify = on
        return hw
    }

    @Test("verified: every crossbar has a generator, writes read their pairs; off: none, no verify reads")
    func verifiedWrites() throws {
        let data = blobs(count: 60)
        let on = OnlineLearner(config: engineConfig(), hardware: Self.hardware(true), seed: 3, inputWidth: 8)
        let off = OnlineLearner(config: engineConfig(), hardware: Self.hardware(false), seed: 3, inputWidth: 8)
        for s in data { _ = try on.process(s, learn: true); _ = try off.process(s, learn: true) }
        #expect(on.network.layers.allSatisfy { $0.onlineVerifyReads != nil })
        #expect(off.network.layers.allSatisfy { $0.onlineVerifyReads == nil })
        #expect(off.totals.verifyReads == 0)
        #expect(on.totals.pulses > 0)
        #expect(on.totals.verifyReads >= 2 * Double(VerifyParameters().programReadsPerVerify) * on.totals.synapseWrites)
        // The crossbars' generators differ (seed + index).
        let words = on.network.layers.map { $0.onlineVerifyReads!.stateWords }
        #expect(Set(words.map { $0.description }).count == words.count)
    }

    @Test("restoring a saved state continues a verified run bit for bit (the generators are in the state)")
    func restore() throws {
        let data = blobs(count: 70)
        let a = OnlineLearner(config: engineConfig(), hardware: Self.hardware(true), seed: 9, inputWidth: 8)
        for s in data { _ = try a.process(s, learn: true) }
        let b = OnlineLearner(config: engineConfig(), hardware: Self.hardware(true), seed: 9, inputWidth: 8)
        for s in data.prefix(30) { _ = try b.process(s, learn: true) }
        let c = OnlineLearner(config: engineConfig(), hardware: Self.hardware(true), seed: 9, inputWidth: 8)
        try c.restore(b.stateBytes())
        for s in data.dropFirst(30) { _ = try c.process(s, learn: true) }
        #expect(c.stateDigest == a.stateDigest)
        let plain = OnlineLearner(config: engineConfig(), hardware: Self.hardware(false), seed: 9, inputWidth: 8)
        for s in data { _ = try plain.process(s, learn: true) }
        #expect(plain.stateDigest != a.stateDigest)
    }
}

import DeviceKit
import KitSupport
import SpikingKit
import Testing

@Suite("State digest")
struct StateDigestTests {
    @Test("the digest hashed while writing equals the FNV-1a of the state bytes")
    func streamingDigest() throws {
        let l = OnlineLearner(config: engineConfig(), hardware: noisyHardware(), seed: 3, inputWidth: 8)
        for s in blobs(count: 40) { _ = try l.process(s, learn: true) }
        let bytes = l.stateBytes()
        #expect(bytes.count > 1000)
        #expect(l.stateDigest == StateDigest.hex(bytes))
        var w = StateWriter(digestOnly: true)
        w.write(UInt64(7)); w.write(Float(1.5)); w.tag("x")
        var full = StateWriter()
        full.write(UInt64(7)); full.write(Float(1.5)); full.tag("x")
        #expect(w.bytes.isEmpty)
        #expect(w.digest == StateDigest.fnv1a(full.bytes))
    }
}

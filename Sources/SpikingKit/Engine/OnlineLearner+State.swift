import CrossbarKit
import DeviceKit
import KitSupport

extension OnlineLearner {
    /// The learner's complete mutable state as bytes: every device (state, bounds, wear
    /// counters, status), the χ accumulators, the encoder's running statistics, the random
    /// generators and the sample counters. Restoring it into a learner built from the same
    /// configuration and seed continues the run bit for bit.
    public func stateBytes() -> [UInt8] {
        var w = StateWriter()
        writeState(to: &w)
        return w.bytes
    }

    /// Writes what ``stateBytes()`` holds, in its order.
    func writeState(to w: inout StateWriter) {
        w.tag("spikebar-learner-v2")
        w.write(samplesSeen)
        w.write(samplesLearned)
        w.write(pendingSamples)
        for layer in network.layers { layer.writeState(to: &w) }
        for p in pending { w.write(p) }
        encoder.scaler.writeState(to: &w)
        if network.config.readoutMode != .every { network.readout.writeFeatureStatistics(to: &w) }
        w.write(random.readNoise.stateWords)
        for g in [random.writeNoise, random.rounding, random.encoding] { w.write(g.stateWords) }
        network.writeNeuronState(to: &w)
        continual?.writeState(to: &w)
        network.lifetime?.writeState(to: &w)
    }

    /// Restores ``stateBytes()``. Throws if the blob does not fit this network.
    public func restore(_ bytes: [UInt8]) throws {
        var r = StateReader(bytes)
        try r.expectTag("spikebar-learner-v2")
        samplesSeen = try r.readInt()
        samplesLearned = try r.readInt()
        pendingSamples = try r.readInt()
        let time = timeSeconds
        for layer in network.layers { try layer.readState(from: &r, timeSeconds: time) }
        for p in pending { try r.read(into: p, "pending gradients") }
        try encoder.scaler.readState(from: &r)
        if network.config.readoutMode != .every { try network.readout.readFeatureStatistics(from: &r) }
        random.readNoise = try LaneNormalGenerator(stateWords: try r.readUInt64s())
        random.writeNoise = SeededGenerator(stateWords: try r.readUInt64s())
        random.rounding = SeededGenerator(stateWords: try r.readUInt64s())
        random.encoding = SeededGenerator(stateWords: try r.readUInt64s())
        try network.readNeuronState(from: &r)
        try continual?.readState(from: &r)
        try network.lifetime?.readState(from: &r)
        guard r.isAtEnd else { throw StateError.shapeMismatch(what: "learner state", expected: r.offset, found: bytes.count) }
    }

    /// A 16-hex-digit digest of ``stateBytes()``: equal digests mean equal conductances,
    /// counters and learner state (with the drawn neuron time constants, when there are any).
    /// Hashed as it is written, without forming the bytes (the same value as hashing them).
    public var stateDigest: String {
        var w = StateWriter(digestOnly: true)
        writeState(to: &w)
        return StateDigest.hex(digest: w.digest)
    }
}

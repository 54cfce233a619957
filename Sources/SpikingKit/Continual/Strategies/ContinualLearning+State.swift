import DeviceKit
import KitSupport

extension ContinualLearning {
    /// The strategy's state (appended to the learner's only when the strategy is not naive):
    /// buffer contents and its generator, importance and gates, mask, gains and counters.
    func writeState(to w: inout StateWriter) {
        w.tag("continual-v1")
        w.write(lastTask ?? -1)
        w.write(replayCredit)
        w.write(learnedSinceConsolidation)
        w.write(gainStale)
        w.write(seen)
        if let mask { w.write(mask) }
        if let gain { w.write(gain) }
        gate?.writeState(to: &w)
        if let buffer { buffer.writeState(to: &w) }
    }

    func readState(from r: inout StateReader) throws {
        try r.expectTag("continual-v1")
        let t = try r.readInt()
        lastTask = t < 0 ? nil : t
        replayCredit = try r.readFloat()
        learnedSinceConsolidation = try r.readInt()
        gainStale = try r.readBool()
        try r.read(into: seen, "seen classes")
        if let mask { try r.read(into: mask, "class mask") }
        if let gain { try r.read(into: gain, "logit gains") }
        try gate?.readState(from: &r)
        if buffer != nil { try buffer!.readState(from: &r) }
    }
}

extension ReplayBuffer {
    func writeState(to w: inout StateWriter) {
        w.write(offered)
        w.write(rng.stateWords)
        w.write(classOrder.count)
        for c in classOrder { w.write(c); w.write(classOffered[c] ?? 0) }
        let stored = all
        w.write(stored.count)
        for s in stored {
            w.write(s.values); w.write(s.channels); w.write(s.frameCount)
            w.write(s.label ?? -1); w.write(s.task ?? -1); w.write(s.isTemporal)
        }
    }

    mutating func readState(from r: inout StateReader) throws {
        offered = try r.readInt()
        rng = SeededGenerator(stateWords: try r.readUInt64s())
        classOrder = []
        classOffered = [:]
        for _ in 0..<(try r.readInt()) {
            let c = try r.readInt()
            classOrder.append(c)
            classOffered[c] = try r.readInt()
        }
        var stored: [Sample] = []
        for _ in 0..<(try r.readInt()) {
            let values = try r.readFloats()
            var s = Sample(features: values)
            s.channels = try r.readInt()
            s.frameCount = try r.readInt()
            let label = try r.readInt(), task = try r.readInt()
            s.label = label < 0 ? nil : label
            s.task = task < 0 ? nil : task
            s.isTemporal = try r.readBool()
            stored.append(s)
        }
        if classBalanced {
            classSlots = Dictionary(uniqueKeysWithValues: classOrder.map { ($0, [Sample]()) })
            for s in stored { if let l = s.label { classSlots[l, default: []].append(s) } }
            slots = []
        } else {
            slots = stored
        }
    }
}

import DeviceKit
import KitSupport
import Testing

@Suite("Strict configuration schema")
struct ConfigSchemaTests {
    @Test("a document overrides only the keys it names")
    func overrides() throws {
        var p = DevicePreset()
        try p.apply(.map([ConfigEntry("device", .map([ConfigEntry("dwMin", .scalar("0.002")), ConfigEntry("model", .scalar("softBounds"))]))]))
        #expect(p.device.dwMin == 0.002)
        #expect(p.device.model == .softBounds)
        #expect(p.device.wMax == DeviceParameters().wMax)
    }

    @Test("an unknown key is an error naming its full path and the allowed keys")
    func unknownKey() {
        var p = DevicePreset()
        #expect(throws: ConfigError.self) {
            try p.apply(ConfigValue.from(path: "device.dwMinn", value: "1"))
        }
        do {
            try p.apply(ConfigValue.from(path: "device.dwMinn", value: "1"))
        } catch let ConfigError.unknownKey(key, allowed) {
            #expect(key == "device.dwMinn")
            #expect(allowed.contains("dwMin"))
        } catch { Issue.record("wrong error \(error)") }
    }

    @Test("bad values and bad choices are errors, not clamps")
    func badValues() {
        var p = DevicePreset()
        #expect(throws: ConfigError.self) { try p.apply(ConfigValue.from(path: "device.dwMin", value: "fast")) }
        #expect(throws: ConfigError.self) { try p.apply(ConfigValue.from(path: "device.model", value: "magic")) }
        var q = DevicePreset()
        q.device.dwMin = -1
        #expect(throws: ConfigError.outOfRange(key: "device.dwMin", value: "-1.0", allowed: "> 0, finite")) {
            try q.validateAll()
        }
        var r = DevicePreset()
        r.device.wMin = 1
        r.device.wMax = 0.5
        #expect(throws: ConfigError.self) { try r.validateAll() }
    }

    @Test("rendering and re-applying gives the same value (every key round-trips)")
    func roundTrip() throws {
        var p = DevicePreset()
        p.device.model = .neurosim
        p.device.aLTP = 123.5
        p.device.gammaUp = 0.25
        p.endurance.medianPulses = 1e6
        p.drift.retentionSeconds = 3600
        p.pairPolicy = .potentiateOnly
        var q = DevicePreset()
        try q.apply(p.rendered())
        #expect(q == p)
    }

    @Test("optional keys accept 'default'")
    func optionalDefault() throws {
        var p = DeviceParameters()
        p.model = .expStep
        #expect(p.effectiveGammaUp == 12.44625)
        try p.apply(ConfigValue.from(path: "gammaUp", value: "3"))
        #expect(p.effectiveGammaUp == 3)
        try p.apply(ConfigValue.from(path: "gammaUp", value: "default"))
        #expect(p.gammaUp == nil)
    }
}

@Suite("State coding")
struct StateCodingTests {
    @Test("what a writer writes a reader reads back, in order")
    func roundTrip() throws {
        var w = StateWriter()
        w.tag("x")
        w.write(42)
        w.write(Float(1.5))
        w.write(true)
        w.write([Float(1), 2, 3])
        let b = Buffer<UInt64>([7, 8, 9])
        w.write(b)
        var r = StateReader(w.bytes)
        try r.expectTag("x")
        #expect(try r.readInt() == 42)
        #expect(try r.readFloat() == 1.5)
        #expect(try r.readBool())
        #expect(try r.readFloats() == [1, 2, 3])
        let c = Buffer<UInt64>(repeating: 0, count: 3)
        try r.read(into: c, "c")
        #expect(c.array == [7, 8, 9])
        #expect(r.isAtEnd)
    }

    @Test("a mismatched blob fails loudly: wrong tag, wrong size, truncated")
    func mismatches() {
        var w = StateWriter()
        w.tag("layer")
        w.write(Buffer<Float>(repeating: 1, count: 4))
        var r1 = StateReader(w.bytes)
        #expect(throws: StateError.self) { try r1.expectTag("other") }
        var r2 = StateReader(w.bytes)
        #expect(throws: Never.self) { try r2.expectTag("layer") }
        #expect(throws: StateError.shapeMismatch(what: "w", expected: 5, found: 4)) {
            try r2.read(into: Buffer<Float>(repeating: 0, count: 5), "w")
        }
        var r3 = StateReader(Array(w.bytes.dropLast(3)))
        _ = try? r3.expectTag("layer")
        #expect(throws: StateError.self) { try r3.read(into: Buffer<Float>(repeating: 0, count: 4), "w") }
    }

    @Test("a mismatch names the section and tells the user what to do (another build's checkpoint)")
    func mismatchMessage() {
        let e = StateError.shapeMismatch(what: "SET counters", expected: 8192, found: 12)
        #expect(e.description.hasPrefix("checkpoint SET counters has 12 entries, the network needs 8192"))
        #expect(e.description.contains("does not match this build's state layout"))
        #expect(e.description.contains("without --resume"))
    }

    @Test("the digest is stable and sensitive to one bit")
    func digest() {
        let a: [UInt8] = [1, 2, 3, 4]
        #expect(StateDigest.hex(a) == StateDigest.hex(a))
        #expect(StateDigest.hex(a) != StateDigest.hex([1, 2, 3, 5]))
        #expect(StateDigest.hex(a).count == 16)
        #expect(StateDigest.fnv1a([]) == 0xCBF2_9CE4_8422_2325)
    }

    @Test("positive and nonNegative name the value alike for Float and Double")
    func floatingPointChecks() {
        #expect(throws: ConfigError.outOfRange(key: "a", value: "-0.5", allowed: "> 0, finite")) {
            try Validate.positive(Float(-0.5), "a")
        }
        #expect(throws: ConfigError.outOfRange(key: "b", value: "-1e-07", allowed: ">= 0, finite")) {
            try Validate.nonNegative(-1e-7, "b")
        }
        #expect(throws: ConfigError.outOfRange(key: "c", value: "inf", allowed: "> 0, finite")) {
            try Validate.positive(Double.infinity, "c")
        }
    }

    @Test("keys join with a dot, and a section validated at the root names bare keys")
    func dottedKeys() {
        #expect(ConfigKey.join("", "dwMin") == "dwMin")
        #expect(ConfigKey.join("hardware.device", "dwMin") == "hardware.device.dwMin")
        var v = VerifyParameters()
        v.toleranceSteps = 0
        #expect(throws: ConfigError.outOfRange(key: "toleranceSteps", value: "0.0", allowed: "> 0, finite")) {
            try v.validate(at: "")
        }
        #expect(throws: ConfigError.outOfRange(key: "verify.toleranceSteps", value: "0.0", allowed: "> 0, finite")) {
            try v.validate(at: "verify")
        }
        v = VerifyParameters()
        v.maxRetries = -1
        #expect(throws: ConfigError.outOfRange(key: "maxRetries", value: "-1", allowed: "0…100")) {
            try v.validate(at: "")
        }
    }
}

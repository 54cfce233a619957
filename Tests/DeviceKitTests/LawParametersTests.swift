import DeviceKit
import KitSupport
import Testing

/// One law, a `device` document setting every key the law owns to a non-default value, and
/// the parameter value that document must decode to (built field by field, not through the
/// flat key accessors).
struct LawCase: CustomTestStringConvertible, Sendable {
    let keys: [(String, String)]
    let law: PulseLaw
    var testDescription: String { law.model.rawValue }

    static let all: [LawCase] = [
        LawCase(keys: [("model", "ideal")], law: .ideal),
        LawCase(keys: [("model", "constantStep")], law: .constantStep),
        LawCase(keys: [("model", "linearStep"), ("gammaUp", "0.5"), ("gammaDown", "0.25"), ("gammaUpDtod", "0.05"),
                       ("gammaDownDtod", "0.02"), ("allowIncreasing", "true"), ("meanBoundReference", "false"),
                       ("multNoise", "false")],
                law: .linearStep({
                    var p = LinearStepParameters()
                    p.gammaUp = 0.5; p.gammaDown = 0.25; p.gammaUpDtod = 0.05; p.gammaDownDtod = 0.02
                    p.allowIncreasing = true; p.meanBoundReference = false; p.multNoise = false
                    return p
                }())),
        LawCase(keys: [("model", "softBounds"), ("multNoise", "false")],
                law: .softBounds({ var p = SoftBoundsParameters(); p.multNoise = false; return p }())),
        LawCase(keys: [("model", "powStep"), ("powGamma", "2"), ("powGammaDtod", "0.1"), ("powUpDown", "-0.2"),
                       ("powUpDownDtod", "0.05")],
                law: .powStep({
                    var p = PowStepParameters()
                    p.gamma = 2; p.gammaDtod = 0.1; p.upDown = -0.2; p.upDownDtod = 0.05
                    return p
                }())),
        LawCase(keys: [("model", "expStep"), ("aUp", "0.002"), ("aDown", "0.3"), ("a", "0.3"), ("b", "0.1"),
                       ("gammaUp", "8"), ("gammaDown", "default")],
                law: .expStep({
                    var p = ExpStepParameters()
                    p.aUp = 0.002; p.aDown = 0.3; p.a = 0.3; p.b = 0.1; p.gammaUp = 8
                    return p
                }())),
        LawCase(keys: [("model", "neurosim"), ("pulsesMax", "64"), ("aLTP", "50"), ("aLTD", "-80"), ("aDtod", "0.1")],
                law: .neurosim({
                    var p = NeuroSimParameters()
                    p.pulsesMax = 64; p.aLTP = 50; p.aLTD = -80; p.aDtod = 0.1
                    return p
                }())),
        LawCase(keys: [("model", "piecewise"), ("piecewiseUp", "1.5,1,0.5"), ("piecewiseDown", "0.25,1,2")],
                law: .piecewise(PiecewiseStepParameters(up: [1.5, 1, 0.5], down: [0.25, 1, 2]))),
    ]

    var document: ConfigValue {
        .map([ConfigEntry("device", .map(keys.map { ConfigEntry($0.0, .scalar($0.1)) }))])
    }
}

/// A few pulses up and down on a population with every kind of noise on, as a fingerprint.
func fingerprint(_ preset: DevicePreset) -> [Float] {
    var rng = SeededGenerator(seed: 5)
    let d = DevicePopulation(count: 8, preset: preset, initialWeight: 0, rng: &rng)
    for i in 0..<d.count {
        _ = d.pulse(i, count: 7, timeSeconds: 0, rng: &rng)
        _ = d.pulse(i, count: -3, timeSeconds: 0, rng: &rng)
    }
    return d.weight.array + d.apparent.array
}

@Suite("One parameter struct per device law")
struct LawParametersTests {
    @Test("each law's struct decodes from the same flat YAML keys, and renders back to them", arguments: LawCase.all)
    func decodesAndRoundTrips(c: LawCase) throws {
        var p = DevicePreset()
        try p.apply(c.document)
        try p.validateAll()
        #expect(p.device.law == c.law)
        #expect(p.device.law.model == p.device.model)
        guard case let .map(sections) = p.rendered(), case let .map(deviceKeys)? = sections.first(where: { $0.key == "device" })?.value
        else { Issue.record("no device section"); return }
        // Same keys as before the split, in the same order.
        #expect(deviceKeys.map(\.key) == ["model", "dwMin", "dwMinDtod", "dwMinStd", "upDown", "upDownDtod", "wMin", "wMax",
                                          "wMinDtod", "wMaxDtod", "gammaUp", "gammaDown", "gammaUpDtod", "gammaDownDtod",
                                          "allowIncreasing", "meanBoundReference", "multNoise", "powGamma", "powGammaDtod",
                                          "powUpDown", "powUpDownDtod", "aUp", "aDown", "a", "b", "pulsesMax", "aLTP", "aLTD",
                                          "aDtod", "piecewiseUp", "piecewiseDown", "writeNoiseStd"])
        for (key, value) in c.keys where value != "default" {
            let rendered = deviceKeys.first { $0.key == key }?.value.scalarText
            if case let .list(items)? = deviceKeys.first(where: { $0.key == key })?.value {
                // A list renders as its numbers: compare them, not their spelling.
                #expect(items.compactMap { $0.scalarText.flatMap(Float.init) } == value.split(separator: ",").compactMap { Float($0) }, "\(key)")
                continue
            }
            #expect(rendered == value || (Float(value) != nil && rendered.flatMap(Float.init) == Float(value)), "\(key)")
        }
        var q = DevicePreset()
        try q.apply(p.rendered())
        #expect(q == p)
        #expect(q.device.law == c.law)
    }

    @Test("keys apply in any order: a document may name the model after its law's keys")
    func modelLast() throws {
        for c in LawCase.all {
            var p = DevicePreset()
            let reversed = LawCase(keys: c.keys.reversed(), law: c.law)
            try p.apply(reversed.document)
            #expect(p.device.law == c.law, "\(c.law.model)")
        }
    }

    @Test("gammaUp/gammaDown feed LinearStep and ExpStep, multNoise LinearStep and SoftBounds; unset γ is each law's default")
    func sharedKeys() throws {
        var p = DeviceParameters()
        try p.apply(.map([ConfigEntry("gammaUp", .scalar("3")), ConfigEntry("multNoise", .scalar("false"))]))
        #expect(p.linearStep.gammaUp == 3 && p.expStep.gammaUp == 3)
        #expect(!p.linearStep.multNoise && !p.softBounds.multNoise)
        #expect(LinearStepParameters().effectiveGammaDown == 0)
        #expect(ExpStepParameters().effectiveGammaDown == 12.78785)
        p.model = .expStep
        #expect(p.effectiveGammaUp == 3 && p.effectiveGammaDown == 12.78785)
        p.model = .linearStep
        #expect(p.effectiveGammaDown == 0)
    }

    /// Documented behaviour, unchanged from the flat struct: a key another law owns is
    /// accepted, range-checked and kept (it renders back), and has no effect on the devices.
    @Test("a key irrelevant to the selected law is accepted, validated, kept, and changes nothing",
          arguments: [("constantStep", "powGamma", "3", "-1"), ("linearStep", "aLTP", "50", "0"),
                      ("softBounds", "gammaUpDtod", "0.2", "-0.1"), ("powStep", "pulsesMax", "16", "0"),
                      ("expStep", "powUpDown", "0.5", "2"), ("neurosim", "gammaDownDtod", "0.3", "-1"),
                      ("neurosim", "multNoise", "false", "maybe"), ("ideal", "aDtod", "0.4", "-0.4")])
    func irrelevantKey(model: String, key: String, value: String, bad: String) throws {
        var base = DevicePreset()
        try base.apply(.map([ConfigEntry("device", .map([
            ConfigEntry("model", .scalar(model)), ConfigEntry("dwMin", .scalar("0.01")), ConfigEntry("dwMinStd", .scalar("0.3")),
            ConfigEntry("dwMinDtod", .scalar("0.2")), ConfigEntry("writeNoiseStd", .scalar("0.5")),
        ]))]))
        var other = base
        try other.apply(ConfigValue.from(path: "device.\(key)", value: value))
        try other.validateAll()
        #expect(other != base)                       // kept
        #expect(other.device.law == base.device.law) // not part of the selected law
        #expect(fingerprint(other) == fingerprint(base))
        var q = DevicePreset()
        try q.apply(other.rendered())
        #expect(q == other)                          // and rendered back
        var invalid = base
        do {
            try invalid.apply(ConfigValue.from(path: "device.\(key)", value: bad))
            try invalid.validateAll()
            Issue.record("\(key)=\(bad) was accepted")
        } catch let error as ConfigError {
            #expect("\(error)".contains("device.\(key)") || "\(error)".contains("device.aLTP"), "\(error)")
        }
    }
}

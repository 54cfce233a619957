import KitSupport
extension DeviceParameters: Configurable {
    /// The flat `device` section: the shared pulsed-device keys and every law's keys, in
    /// the order snapshots render them. `gammaUp`/`gammaDown` (LinearStep and ExpStep) and
    /// `multNoise` (LinearStep and SoftBounds) are one key each that sets both laws' field;
    /// see ``gammaUp``.
    public static var schema: [ConfigField<Self>] {
        [
            .choice("model", \.model),
            .float("dwMin", \.dwMin), .float("dwMinDtod", \.dwMinDtod), .float("dwMinStd", \.dwMinStd),
            .float("upDown", \.upDown), .float("upDownDtod", \.upDownDtod),
            .float("wMin", \.wMin), .float("wMax", \.wMax),
            .float("wMinDtod", \.wMinDtod), .float("wMaxDtod", \.wMaxDtod),
            .optionalFloat("gammaUp", \.gammaUp), .optionalFloat("gammaDown", \.gammaDown),
            .float("gammaUpDtod", \.linearStep.gammaUpDtod), .float("gammaDownDtod", \.linearStep.gammaDownDtod),
            .bool("allowIncreasing", \.linearStep.allowIncreasing),
            .bool("meanBoundReference", \.linearStep.meanBoundReference), .bool("multNoise", \.multNoise),
            .float("powGamma", \.powStep.gamma), .float("powGammaDtod", \.powStep.gammaDtod),
            .float("powUpDown", \.powStep.upDown), .float("powUpDownDtod", \.powStep.upDownDtod),
            .float("aUp", \.expStep.aUp), .float("aDown", \.expStep.aDown),
            .float("a", \.expStep.a), .float("b", \.expStep.b),
            .int("pulsesMax", \.neurosim.pulsesMax), .float("aLTP", \.neurosim.aLTP), .float("aLTD", \.neurosim.aLTD),
            .float("aDtod", \.neurosim.aDtod),
            .floats("piecewiseUp", \.piecewise.up), .floats("piecewiseDown", \.piecewise.down),
            .float("writeNoiseStd", \.writeNoiseStd),
        ]
    }

    /// Checks the shared keys, then every law's keys (selected or not, as the section
    /// accepts them all).
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.positive(dwMin, k("dwMin"))
        for (v, n) in [(dwMinDtod, "dwMinDtod"), (dwMinStd, "dwMinStd"), (upDownDtod, "upDownDtod"),
                       (wMinDtod, "wMinDtod"), (wMaxDtod, "wMaxDtod"), (writeNoiseStd, "writeNoiseStd")] {
            try Validate.nonNegative(v, k(n))
        }
        try Validate.inRange(upDown, -0.99...0.99, k("upDown"))
        guard wMax > wMin else {
            throw ConfigError.inconsistent(key: k("wMax"), reason: "wMax (\(wMax)) must exceed wMin (\(wMin))")
        }
        if model == .softBounds {
            guard wMax > 0, wMin < 0 else {
                throw ConfigError.inconsistent(key: k("wMin"), reason: "softBounds needs wMin < 0 < wMax")
            }
        }
        try linearStep.validate(at: path)
        try powStep.validate(at: path)
        try neurosim.validate(at: path)
        try piecewise.validate(at: path)
    }
}

extension PulseLaw {
    /// How a law's cycle-to-cycle noise `σ = dwMinStd` enters one pulse's step, `ξ ~ N(0, 1)`.
    public enum CycleNoise: Sendable {
        /// aihwkit's default: the whole step is multiplied, `Δ·(1 + σ·ξ)`.
        case multiplicative
        /// LinearStep/SoftBounds with `multNoise` off: only the constant part is noised,
        /// `Δ + (±Δ±)·σ·ξ`.
        case constantPart
        /// NeuroSim: an absolute `σ·Δw_min·ξ` with `Δw_min = (wMax − wMin)/pulsesMax`.
        case additive
    }

    /// The way this law applies cycle-to-cycle noise.
    public var cycleNoise: CycleNoise {
        switch self {
        case .neurosim: .additive
        case let .linearStep(p) where !p.multNoise: .constantPart
        case let .softBounds(p) where !p.multNoise: .constantPart
        default: .multiplicative
        }
    }
}

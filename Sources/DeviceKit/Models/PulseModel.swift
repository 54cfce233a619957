/// The pulse-response law of a device: how far one programming pulse moves its weight.
///
/// Weights are in normalized *device units* `w ∈ [wMin, wMax]` (aihwkit's convention), which
/// map linearly onto conductance `G ∈ [Gmin, Gmax]`. `d = +1` is a potentiating (SET) pulse,
/// `d = −1` a depressing (RESET) pulse. Every law is followed by the cycle-to-cycle noise of
/// ``DeviceParameters/dwMinStd`` and clipping to the device's own bounds. This is the
/// `device.model` choice; ``PulseLaw`` pairs it with the law's parameters.
public enum PulseModel: String, CaseIterable, Sendable {
    /// Float weights: an update is applied exactly, with no bounds and no noise. Counts one
    /// write per changed weight. For reference runs only; no physical device.
    case ideal
    /// `Δ = d·Δw_min^d` — aihwkit's ConstantStepDevice.
    case constantStep
    /// up: `Δw_min^up·(1 − γ_up·w/ref_up)`, down: `Δw_min^down·(1 − γ_down·w/ref_down)`, ref the
    /// mean bound `wMax`/`wMin` or the device's own — aihwkit's LinearStepDevice (see
    /// ``LinearStepParameters``).
    case linearStep
    /// up: `Δw_min·(1 − w/b_max)`, down: `Δw_min·(1 − w/b_min)` on the device's own bounds —
    /// aihwkit's SoftBoundsDevice.
    case softBounds
    /// step ∝ `((wMax − w)/(wMax − wMin))^γ` up, `((w − wMin)/(wMax − wMin))^γ` down —
    /// aihwkit's PowStepDevice.
    case powStep
    /// `Δ = Δw_min·max(1 − A·exp(γ·z), 0)` with `z` a linear function of `w` — aihwkit's
    /// ExpStepDevice.
    case expStep
    /// NeuroSim's nonlinear LTP/LTD curve `G(P) = B·(1 − e^(−P/A)) + Gmin`,
    /// `B = (Gmax − Gmin)/(1 − e^(−Pmax/A))`, separate `A` for LTP and LTD (in pulses).
    case neurosim
    /// A measured table of up/down step multipliers at evenly spaced points of the window,
    /// linearly interpolated — aihwkit's PiecewiseStepDevice (see ``PiecewiseStepParameters``).
    case piecewise
}

/// How a desired weight change is shared between the two devices of a differential pair
/// `w = s·(G⁺ − G⁻)`.
public enum PairPolicy: String, CaseIterable, Sendable {
    /// G⁺ takes both SET (up) and RESET (down) pulses; G⁻ is programmed once to the centre
    /// of the window and serves as the pair's reference, never pulsed. This is aihwkit's
    /// single-device abstraction (`w = w_dev − w_ref`), used by RRAM, FeFET and ECRAM.
    case bidirectional
    /// Both devices start at Gmin and only ever receive SET pulses: positive updates set
    /// G⁺, negative updates set G⁻. When either device comes within ``DevicePreset/refreshMargin``
    /// of its maximum, the pair is refreshed: both are RESET to Gmin and the difference is
    /// re-programmed onto one of them. Refresh pulses are counted as wear. PCM uses this
    /// policy because its SET is gradual and its RESET abrupt.
    case potentiateOnly
}

import DeviceKit
import KitSupport

/// A tapped delay line on the encoder's output: each encoder line `c` (a channel, scaled)
/// is fanned out into itself and its past values at several dilations, so the first
/// crossbar layer sees a window of the series' shape instead of one scalar per step.
///
/// With `K` taps and dilations `d_1 … d_m`, line `c` drives `1 + m·(K − 1)` rows:
/// ```
/// row c·R + 0                      x_c[t]
/// row c·R + 1 + i·(K − 1) + (k − 1)  x_c[t − d_i·k]   (k = 1 … K − 1; 0 before the series starts)
/// R = 1 + m·(K − 1)
/// ```
/// Together with the first crossbar layer (fixed random weights on the devices, the hidden
/// learning rate 0) every hidden neuron computes a random dilated convolution
/// `I_j[t] = Σ_r W_rj·row_r[t] + b_j` and its LIF threshold turns it into spikes whose count
/// over the series behaves like ROCKET's "proportion of positive values" features
/// (Dempster, Petitjean & Webb 2020, "ROCKET", Data Min. Knowl. Disc. 34:1454–1495).
///
/// On the chip it is a digital shift register of `max(d)·(K − 1)` readings per line (the
/// last readings at the converter's resolution): one write per line and step, and one read
/// per driven tap, priced in the energy ledger as SRAM words (``OperationCounts/delayLineAccesses``),
/// on top of the DAC conversion each driven row already costs.
public struct DelayLineConfig: Equatable, Sendable {
    /// Taps `K` per dilation, the current reading included (a ROCKET kernel has 7, 9 or 11).
    /// 0 or 1 turns the delay line off (one row per line, as without it).
    public var taps: Int = 0
    /// Dilations `d_i ≥ 1`, in time steps: the spacing of the taps of one group.
    public var dilations: [Int] = [1]

    public init() {}

    /// Whether the delay line adds rows.
    public var isEnabled: Bool { taps > 1 && !dilations.isEmpty }
    /// Rows driven per encoder line, `R = 1 + m·(K − 1)` (1 when off).
    public var rowsPerLine: Int { isEnabled ? 1 + dilations.count * (taps - 1) : 1 }
    /// Readings held per line, `max(d)·(K − 1)` (0 when off).
    public var depth: Int { isEnabled ? (dilations.max() ?? 0) * (taps - 1) : 0 }
}

extension DelayLineConfig: Configurable {
    public static var schema: [ConfigField<Self>] {
        [.int("taps", \.taps), .ints("dilations", \.dilations)]
    }
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.inRange(taps, 0...64, k("taps"))
        guard !dilations.isEmpty, dilations.allSatisfy({ (1...4096).contains($0) }) else {
            throw ConfigError.outOfRange(key: k("dilations"), value: "\(dilations)", allowed: "one or more whole numbers 1…4096")
        }
    }
}

extension InputEncoder {
    /// Register words touched per step: one write per encoder line and one read per driven
    /// row (`W·(1 + R)` for W lines of R rows; 0 without a delay line).
    public var delayLineAccessesPerStep: Double {
        dilations.count > 0 ? Double(lines / config.delayLine.rowsPerLine * (1 + config.delayLine.rowsPerLine)) : 0
    }

    /// Fills the delay-line rows of step `t` from the scaled series (the same values a shift
    /// register would hold): `out` gets ``lines`` values, `R` per encoder line.
    @inline(__always)
    func encodeDelayLine(step t: Int, into out: UnsafeMutablePointer<Float>) {
        let taps = config.delayLine.taps, rows = config.delayLine.rowsPerLine
        let frames = scaledFrames, w = width
        let x = scaled.pointer
        let ds = dilations.pointer
        let now = min(t, frames - 1)
        for c in 0..<w {
            let base = out + c * rows
            base[0] = x[now * w + c]
            var r = 1
            for i in 0..<dilations.count {
                let d = Int(ds[i])
                for k in 1..<taps {
                    let s = now - d * k
                    base[r] = s >= 0 ? x[s * w + c] : 0
                    r += 1
                }
            }
        }
    }
}

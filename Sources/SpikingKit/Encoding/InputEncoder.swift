import DeviceKit
import KitSupport

/// Turns a ``Sample`` into the first layer's input, one time step at a time (DESIGN §2.3).
///
/// A static sample is repeated for `timesteps` steps; a temporal sample runs one step per
/// frame. `direct` gives graded values (DAC levels), `rate` and `delta` give spikes
/// (0/1). `delta` doubles the lines: line `2c` is ON, line `2c+1` is OFF of channel `c`.
/// A ``DelayLineConfig`` (direct encoding only) fans each line out into its delayed taps.
public final class InputEncoder {
    public let config: EncoderConfig
    /// Values per frame (features of a static sample, channels of a temporal one).
    public let width: Int
    /// Input lines driven into the crossbar.
    public let lines: Int
    public let scaler: FeatureScaler
    /// Scaled values of the current sample, frame-major. Sized for the longest sample seen
    /// so far (a static sample needs one frame; 4096 frames of 784 features took 12.8 MB):
    /// it grows, doubling, up to `maxFrames`, so a run allocates at most a few times.
    private(set) var scaled: Buffer<Float>
    let maxFrames: Int
    /// Delta encoder reference levels, one per channel.
    let reference: Buffer<Float>
    var scaledFrames = 0
    /// The current sample continues the previous one (a stream in `carry` state): the delta
    /// references carry over instead of restarting at the first frame.
    var continuing = false
    /// The delay line's dilations (empty when it is off).
    let dilations: Buffer<Int32>

    public init(config: EncoderConfig, width: Int, maxFrames: Int = 4096) {
        self.config = config
        self.width = width
        self.maxFrames = maxFrames
        lines = (config.encoding == .delta ? 2 * width : width) * config.delayLine.rowsPerLine
        dilations = Buffer(config.delayLine.isEnabled ? config.delayLine.dilations.map { Int32($0) } : [])
        scaler = FeatureScaler(config: config, width: width)
        scaled = Buffer(repeating: 0, count: width)
        reference = Buffer(repeating: 0, count: width)
    }

    /// Whether the input is the same at every step (lets the first layer reuse its read).
    public func isStatic(_ s: Sample) -> Bool { !s.isTemporal && config.encoding == .direct }

    /// Whether the lines carry graded values (true) or spikes (false).
    public var isGraded: Bool { config.encoding == .direct }

    /// Time steps this sample runs for.
    public func steps(for s: Sample, timesteps: Int) -> Int { s.isTemporal ? s.frameCount : timesteps }

    /// Prepares a sample: updates the running statistics (if `learn`) and scales it.
    /// Statistics are kept per feature (static) or per channel over all frames (temporal).
    /// Precondition: `s.width == width` and `s.frameCount ≤ maxFrames` (checked by the
    /// caller with a clear error before this point).
    /// `continuing`: the sample continues the previous one (delta references carry over).
    public func begin(_ s: Sample, learn: Bool, continuing: Bool = false) {
        precondition(s.width == width && s.frameCount <= maxFrames)
        let n = s.frameCount * width
        if n > scaled.count {
            scaled = Buffer(repeating: 0, count: width * min(maxFrames, max(s.frameCount, 2 * scaled.count / max(width, 1))))
        }
        s.values.withUnsafeBufferPointer { v in
            if learn {
                for k in 0..<n { scaler.observe(k % width, v[k]) }
            }
            if config.scaling == .series {
                scaleSeries(v, frames: s.frameCount)
            } else {
                for k in 0..<n { scaled.pointer[k] = scaler.scale(k % width, v[k]) }
            }
        }
        scaledFrames = s.frameCount
        self.continuing = continuing
        if !continuing { reference.fill(0) }
    }

    /// Writes step `t`'s input into `out` (``lines`` values).
    public func encode(step t: Int, into out: UnsafeMutablePointer<Float>, rng: inout SeededGenerator) {
        let frame = scaled.pointer + (scaledFrames > 1 ? min(t, scaledFrames - 1) : 0) * width
        if dilations.count > 0 { encodeDelayLine(step: t, into: out); return }
        switch config.encoding {
        case .direct:
            out.update(from: frame, count: width)
        case .rate:
            for i in 0..<width {
                let p = min(max(frame[i], 0), 1)
                out[i] = rng.nextUnitFloat() < p ? 1 : 0
            }
        case .delta:
            let d = config.deltaThreshold
            let ref = reference.pointer
            for c in 0..<width {
                let x = frame[c]
                var on: Float = 0, off: Float = 0
                if t == 0 && !continuing {
                    ref[c] = x
                } else if x - ref[c] >= d {
                    on = 1; ref[c] = x
                } else if ref[c] - x >= d {
                    off = 1; ref[c] = x
                }
                out[2 * c] = on
                out[2 * c + 1] = off
            }
        }
    }
}

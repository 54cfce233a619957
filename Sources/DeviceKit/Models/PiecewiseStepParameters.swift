import KitSupport

/// The law-specific parameters of aihwkit's PiecewiseStepDevice: a measured device given as
/// a table of step multipliers at `N` evenly spaced nodes across the device's current
/// window, the first node at `b_min`, the last at `b_max`, linearly interpolated between:
///
/// ```
/// x = max((w − b_min)/(b_max − b_min)·(N − 1), 0)      node coordinate, 0 … N − 1
/// k = min(⌊x⌋, N − 2),  t = min(x − k, 1)               section and position in it
/// m(v) = v[k] + t·(v[k+1] − v[k])                       interpolated multiplier
/// up:   Δ = Δ⁺·m(up)
/// down: Δ = −Δ⁻·m(down)
/// ```
///
/// With one node (`N = 1`) the multiplier is that value everywhere. `Δ±` are the device's
/// drawn steps (``DeviceParameters/dwMin``, asymmetry and their spreads, as for every law),
/// so the table holds relative numbers: `[1.5, 1, 1.5]` with `dwMin = 0.01` is a step of
/// 0.01 at the centre of the window growing to 0.015 at both ends. The cycle-to-cycle noise
/// multiplies the whole step, `Δ·(1 + dwMinStd·ξ)`, as aihwkit does.
///
/// Source: aihwkit `PiecewiseStepDevice` (`piecewise_up`, `piecewise_down`), its docstring and
/// `rpu_piecewisestep_device.cpp` (restated, not copied). aihwkit writes the interpolation
/// `(1 − t)·v[k] + t·v[k+1]`; the form above is the same number up to rounding, and keeps a
/// flat table exactly equal to ``PulseLaw/constantStep``.
public struct PiecewiseStepParameters: Equatable, Sendable {
    /// Step multipliers going up (SET), at evenly spaced nodes from `b_min` to `b_max`,
    /// dimensionless, each ≥ 0 (aihwkit `piecewise_up`, default `[1]`; YAML `piecewiseUp`).
    public var up: [Float] = [1]
    /// Step multipliers going down (RESET), at the same nodes (aihwkit `piecewise_down`,
    /// default `[1]`; YAML `piecewiseDown`). Must have as many values as ``up``.
    public var down: [Float] = [1]

    public init() {}

    public init(up: [Float], down: [Float]) {
        self.up = up
        self.down = down
    }

    /// Most nodes a table may have (a measured curve rarely needs more than a few dozen).
    public static let maxNodes = 10_000

    /// The interpolated multiplier of `table` at state `w` on the window `[lo, hi]`.
    @inlinable
    public static func multiplier(_ table: [Float], w: Float, lo: Float, hi: Float) -> Float {
        let sections = table.count - 1
        guard sections > 0, hi > lo else { return table.first ?? 1 }
        return table.withUnsafeBufferPointer { v in
            let x = max((w - lo) / (hi - lo) * Float(sections), 0)
            let k = min(Int(x.rounded(.down)), sections - 1)
            let t = min(x - Float(k), 1)
            return v[k] + t * (v[k + 1] - v[k])
        }
    }

    /// Checks the table: both lists non-empty, of equal length, finite and ≥ 0. A negative
    /// multiplier would make an up pulse lower the conductance (or a down pulse raise it):
    /// the response would not be monotone in conductance.
    public func validate(at path: String) throws {
        let upKey = ConfigKey.join(path, "piecewiseUp"), downKey = ConfigKey.join(path, "piecewiseDown")
        for (table, key) in [(up, upKey), (down, downKey)] {
            guard !table.isEmpty, table.count <= Self.maxNodes else {
                throw ConfigError.outOfRange(key: key, value: "\(table.count) values", allowed: "1 to \(Self.maxNodes) values")
            }
            if let k = table.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
                throw ConfigError.outOfRange(
                    key: key, value: "\(table[k]) at node \(k)",
                    allowed: "finite multipliers ≥ 0 (a negative step would move the conductance against the pulse: not monotone)")
            }
        }
        guard up.count == down.count else {
            throw ConfigError.inconsistent(key: downKey, reason: "piecewiseDown has \(down.count) values, piecewiseUp \(up.count): the tables share their nodes")
        }
    }
}

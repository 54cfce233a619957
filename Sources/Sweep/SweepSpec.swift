import KitSupport
import Foundation

/// A design-space sweep as written in a sweep file (`Configs/sweeps/*.yaml`): what every run
/// does, the configuration every run shares, and the axes that vary between runs.
///
/// ```yaml
/// name: adc-timesteps
/// run: {input: digits, passes: 1}          # the `spikebar run` options of every run
/// base: {network.timesteps: 16}             # --set overrides every run shares
/// grid:                                     # every combination of these values
///   hardware.crossbar.adcBits: [4, 8]
///   preset: [rram, ideal]
/// random: {count: 3, seed: 7, keys: {learning.learningRate: {logUniform: [1e-4, 1e-3]}}}
/// seeds: [1, 2]
/// ```
/// Axis keys are configuration keys (`--set` paths), plus `preset` and `seed`.
public struct SweepSpec: Equatable, Sendable {
    /// The sweep's name (the default output folder is `Logs/sweep-<name>`).
    public var name: String
    /// The `spikebar run` options every run gets.
    public var run: RunOptions
    /// Configuration overrides every run shares, in file order.
    public var base: [Assignment]
    /// Grid axes: the runs are the product of their values, first axis slowest.
    public var grid: [Axis]
    /// Random axes, drawn `count` times from a generator seeded with `seed`.
    public var random: RandomAxes?
    /// Seeds of every grid point (the innermost axis). Empty: the configuration's seed.
    public var seeds: [Int]
    /// The file this came from (error messages).
    public var source: String

    /// The `spikebar run` options of a sweep's runs.
    public struct RunOptions: Equatable, Sendable {
        public var input = "digits"
        public var passes = 1
        public var shuffle: UInt64?
        public var eval: String?
        public var channels: Int?
        /// A run configuration file every run starts from (`--config`).
        public var config: String?
        public init() {}
    }

    /// One key set to one value (`--set key=value`, or `--preset`/`--seed`).
    public struct Assignment: Equatable, Sendable, Codable {
        public var key: String
        public var value: String
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// A grid axis: one key and the values it takes.
    public struct Axis: Equatable, Sendable {
        public var key: String
        public var values: [String]
        /// Line of the key in the sweep file (errors).
        public var line: Int?
    }

    /// Random axes: each of `count` draws sets every key from its distribution.
    public struct RandomAxes: Equatable, Sendable {
        public var count: Int
        public var seed: UInt64
        public var keys: [(key: String, distribution: Distribution, line: Int?)]

        public static func == (a: Self, b: Self) -> Bool {
            a.count == b.count && a.seed == b.seed && a.keys.map(\.key) == b.keys.map(\.key)
                && a.keys.map(\.distribution) == b.keys.map(\.distribution)
        }
    }

    /// How a random axis draws its value.
    public enum Distribution: Equatable, Sendable {
        /// Uniform on [low, high).
        case uniform(Double, Double)
        /// Log-uniform on [low, high): `exp(U(ln low, ln high))`; both positive.
        case logUniform(Double, Double)
        /// A whole number uniform on low…high (inclusive).
        case integer(Int, Int)
        /// One of the listed values, each equally likely.
        case choice([String])

        /// One draw, as the text a `--set` takes. Uses one or two 64-bit words of `rng`.
        public func draw(_ rng: inout SeededGenerator) -> String {
            switch self {
            case let .uniform(lo, hi):
                return Self.text(lo + (hi - lo) * Self.unit(&rng))
            case let .logUniform(lo, hi):
                return Self.text(Foundation.exp(Foundation.log(lo) + (Foundation.log(hi) - Foundation.log(lo)) * Self.unit(&rng)))
            case let .integer(lo, hi):
                return String(lo + Int(rng.next() % UInt64(hi - lo + 1)))
            case let .choice(values):
                return values[Int(rng.next() % UInt64(values.count))]
            }
        }

        /// A uniform double in [0, 1) with 53 random bits.
        static func unit(_ rng: inout SeededGenerator) -> Double { Double(rng.next() >> 11) * 0x1.0p-53 }

        /// Shortest text that reads back as the same double.
        static func text(_ x: Double) -> String { "\(x)" }
    }
}

import KitSupport

/// The runs of a sweep, in a fixed order: the grid's product (first axis slowest), then the
/// random draws, then the seeds (innermost). The order depends only on the sweep file, so
/// every process that reads the same file — each Slurm array task, a resumed sweep — sees
/// the same run behind the same index.
public struct SweepPlan: Equatable, Sendable {
    public var spec: SweepSpec
    public var runs: [PlannedRun]

    /// One run of the sweep.
    public struct PlannedRun: Equatable, Sendable {
        /// Position in the plan, from 0; names the run's folder and decides its shard.
        public var index: Int
        /// The axis values of this run, in axis order (grid, random, then `seed`).
        public var axes: [SweepSpec.Assignment]
    }

    public init(spec: SweepSpec) {
        self.spec = spec
        var points: [[SweepSpec.Assignment]] = [[]]
        for axis in spec.grid {
            points = points.flatMap { p in axis.values.map { p + [SweepSpec.Assignment(key: axis.key, value: $0)] } }
        }
        if let random = spec.random {
            var rng = SeededGenerator(seed: random.seed)
            let draws = (0..<random.count).map { _ in
                random.keys.map { SweepSpec.Assignment(key: $0.key, value: $0.distribution.draw(&rng)) }
            }
            points = points.flatMap { p in draws.map { p + $0 } }
        }
        if !spec.seeds.isEmpty {
            points = points.flatMap { p in spec.seeds.map { p + [SweepSpec.Assignment(key: "seed", value: String($0))] } }
        }
        self.spec = spec
        runs = points.enumerated().map { PlannedRun(index: $0.offset, axes: $0.element) }
    }

    /// The keys that vary, in order.
    public var axisKeys: [String] { runs.first?.axes.map(\.key) ?? [] }

    /// The runs of one shard: run `i` belongs to shard `i mod n`.
    public func runs(in shard: Shard) -> [PlannedRun] {
        runs.filter { $0.index % shard.count == shard.index }
    }

    /// The `spikebar run` arguments of one run, recording to `database`.
    public func arguments(of run: PlannedRun, database: String) -> [String] {
        let o = spec.run
        var args = ["run", "--input", o.input, "--passes", String(o.passes)]
        if let s = o.shuffle { args += ["--shuffle", String(s)] }
        if let e = o.eval { args += ["--eval", e] }
        if let c = o.channels { args += ["--channels", String(c)] }
        if let f = o.config { args += ["--config", f] }
        for a in spec.base + run.axes {
            switch a.key {
            case "preset": args += ["--preset", a.value]
            case "seed": args += ["--seed", a.value]
            default: args += ["--set", "\(a.key)=\(a.value)"]
            }
        }
        return args + ["--db", database, "--summary", "json", "--no-progress"]
    }
}

/// A share of a sweep's runs: `index/count`, e.g. `2/8` (from 0). Run `i` belongs to shard
/// `i mod count`, a stable assignment that needs no coordination between shards.
public struct Shard: Equatable, Sendable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    /// The whole sweep.
    public static let all = Shard(index: 0, count: 1)

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `i/n` with 0 ≤ i < n.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw SweepError.badShard(text, "write it as INDEX/COUNT, e.g. 0/4")
        }
        guard n >= 1 else { throw SweepError.badShard(text, "the count must be at least 1") }
        guard (0..<n).contains(i) else { throw SweepError.badShard(text, "the index must be 0…\(n - 1) (shards count from 0)") }
        self.init(index: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }
}

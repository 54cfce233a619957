/// What a sweep report needs: every planned run's axis values and headline numbers.
public struct SweepReportData: Sendable, Equatable {
    public var name: String
    /// The keys that vary, in axis order (`seed` included when the sweep lists seeds).
    public var axisKeys: [String]
    public var runs: [Run]
    public var planned: Int
    /// The deployment rate of the lifetime column, samples/s.
    public var samplesPerSecond: Double

    /// One finished run of the sweep.
    public struct Run: Sendable, Equatable {
        public var runIndex: Int
        public var runId: Int64
        /// Values in ``SweepReportData/axisKeys`` order.
        public var axes: [String]
        /// Eval accuracy when the run evaluated a held-out set, else its prequential accuracy.
        public var accuracy: Double
        public var energyPerSamplePicojoules: Double
        public var pulsesPerSample: Double
        /// Seconds until 1 % of the chip's devices have failed at `samplesPerSecond`; ∞ for
        /// never, nil when the run recorded no per-device state.
        public var lifetimeSeconds: Double?

        public init(runIndex: Int, runId: Int64, axes: [String], accuracy: Double, energyPerSamplePicojoules: Double,
                    pulsesPerSample: Double, lifetimeSeconds: Double?) {
            self.runIndex = runIndex
            self.runId = runId
            self.axes = axes
            self.accuracy = accuracy
            self.energyPerSamplePicojoules = energyPerSamplePicojoules
            self.pulsesPerSample = pulsesPerSample
            self.lifetimeSeconds = lifetimeSeconds
        }
    }

    public init(name: String, axisKeys: [String], runs: [Run], planned: Int, samplesPerSecond: Double) {
        self.name = name
        self.axisKeys = axisKeys
        self.runs = runs
        self.planned = planned
        self.samplesPerSecond = samplesPerSecond
    }

    /// The axes a configuration is made of: every axis but `seed`.
    public var configurationKeys: [String] { axisKeys.filter { $0 != "seed" } }

    /// The distinct values of an axis, in the order the plan first uses them.
    public func values(of key: String) -> [String] {
        guard let k = axisKeys.firstIndex(of: key) else { return [] }
        var seen: [String] = []
        for r in runs where !seen.contains(r.axes[k]) { seen.append(r.axes[k]) }
        return seen
    }

    /// The runs grouped by configuration (seeds pooled), in plan order.
    public var configurations: [Configuration] {
        let keep = axisKeys.indices.filter { axisKeys[$0] != "seed" }
        var order: [[String]] = []
        var groups: [[String]: [Run]] = [:]
        for r in runs {
            let key = keep.map { r.axes[$0] }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(r)
        }
        return order.map { Configuration(values: $0, runs: groups[$0]!) }
    }

    /// One configuration: its axis values and its runs' numbers as mean ± sample std.
    public struct Configuration: Sendable, Equatable {
        public var values: [String]
        public var runs: [Run]
        public var accuracy: MeanStd { MeanStd(runs.map(\.accuracy)) }
        public var energyPerSamplePicojoules: MeanStd { MeanStd(runs.map(\.energyPerSamplePicojoules)) }
        public var pulsesPerSample: MeanStd { MeanStd(runs.map(\.pulsesPerSample)) }
        /// Mean over seeds (∞ if any seed never fails); nil when no run has a projection.
        public var lifetimeSeconds: MeanStd? {
            let known = runs.compactMap(\.lifetimeSeconds)
            return known.isEmpty ? nil : MeanStd(known)
        }
    }
}

/// The mean and the sample standard deviation (n − 1; 0 for one value) of some numbers.
public struct MeanStd: Sendable, Equatable {
    public var mean: Double
    public var std: Double
    public var count: Int

    public init(_ xs: [Double]) {
        count = xs.count
        mean = xs.isEmpty ? .nan : xs.reduce(0, +) / Double(xs.count)
        if xs.count > 1, mean.isFinite {
            let m = mean
            std = (xs.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(xs.count - 1)).squareRoot()
        } else {
            std = 0
        }
    }
}

/// Pareto fronts: the configurations no other one beats on both objectives.
public enum ParetoFront {
    /// Indices of the points not dominated when `a` is maximized and `b` minimized (or
    /// maximized with `maximizeB`), sorted by `b` ascending (the x order of a chart). A point dominates another if it is at
    /// least as good on both and strictly better on one.
    public static func indices(a: [Double], b: [Double], maximizeB: Bool = false) -> [Int] {
        let sign = maximizeB ? -1.0 : 1.0
        func dominates(_ i: Int, _ j: Int) -> Bool {
            a[i] >= a[j] && sign * b[i] <= sign * b[j] && (a[i] > a[j] || sign * b[i] < sign * b[j])
        }
        let front = a.indices.filter { j in a[j].isFinite && !b[j].isNaN && !a.indices.contains { i in i != j && a[i].isFinite && !b[i].isNaN && dominates(i, j) } }
        return front.sorted { b[$0] < b[$1] }
    }
}

import DeviceKit
import KitSupport

/// One task of an experiment: its training stream and its held-out evaluation set.
public struct ExperimentTask: Sendable {
    public var index: Int
    public var name: String
    public var train: [Sample]
    public var heldOut: [Sample]
}

/// Splits a labelled dataset into tasks (pure; deterministic from the seed).
public enum TaskStream {
    /// Builds the tasks. `evalSamples` (optional) is a separate held-out set split the same way.
    public static func make(_ config: ExperimentConfig, samples: [Sample], evalSamples: [Sample]?,
                            seed: UInt64) -> [ExperimentTask] {
        var rng = SeededGenerator(seed: seed, stream: .shuffle)
        switch config.split {
        case .classIncremental:
            return (0..<config.tasks).map { t in
                let classes = (t * config.classesPerTask)..<((t + 1) * config.classesPerTask)
                let own = samples.filter { $0.label.map(classes.contains) ?? false }
                let (train, held) = heldOut(own, eval: evalSamples?.filter { $0.label.map(classes.contains) ?? false },
                                            fraction: config.heldOutFraction, rng: &rng)
                return ExperimentTask(index: t, name: "classes \(classes.lowerBound)–\(classes.upperBound - 1)",
                            train: tagged(train, t), heldOut: tagged(held, t))
            }
        case .domainIncremental, .drift:
            let (train, held) = heldOut(samples, eval: evalSamples, fraction: config.heldOutFraction, rng: &rng)
            let stats = FeatureStats(train)
            return (0..<config.tasks).map { t in
                var shiftRNG = SeededGenerator(seed: seed &+ UInt64(t) &* 7919, stream: .shuffle)
                let transform = Shift(config: config, task: t, width: train.first?.width ?? 0, stats: stats, rng: &shiftRNG)
                var noiseRNG = SeededGenerator(seed: seed &+ UInt64(t) &* 104_729, stream: .encoding)
                return ExperimentTask(index: t, name: "\(config.shift.rawValue) \(t)",
                            train: tagged(train.map { transform.apply($0, rng: &noiseRNG) }, t),
                            heldOut: tagged(held.map { transform.apply($0, rng: &noiseRNG) }, t))
            }
        }
    }

    /// A seeded split: the last `fraction` of a shuffled copy is held out, unless a separate
    /// evaluation set is given.
    static func heldOut(_ s: [Sample], eval: [Sample]?, fraction: Float, rng: inout SeededGenerator) -> ([Sample], [Sample]) {
        if let eval { return (s, eval) }
        var a = s
        a.shuffle(using: &rng)
        let n = max(1, Int((Float(a.count) * fraction).rounded()))
        return (Array(a.dropLast(n)), Array(a.suffix(n)))
    }

    static func tagged(_ s: [Sample], _ t: Int) -> [Sample] {
        s.map { var x = $0; x.task = t; return x }
    }
}

/// Mean and standard deviation of every feature (channel, for temporal samples).
struct FeatureStats {
    var mean: [Float]
    var std: [Float]
    init(_ samples: [Sample]) {
        let w = samples.first?.width ?? 0
        var sum = [Double](repeating: 0, count: w), sq = sum, n = 0.0
        for s in samples {
            for (k, v) in s.values.enumerated() { sum[k % w] += Double(v); sq[k % w] += Double(v) * Double(v) }
            n += Double(s.frameCount)
        }
        mean = sum.map { Float($0 / max(n, 1)) }
        std = zip(sq, sum).map { q, s in Float(max(q / max(n, 1) - (s / max(n, 1)) * (s / max(n, 1)), 0).squareRoot()) }
    }
}

/// One task's domain shift.
struct Shift {
    let config: ExperimentConfig
    let task: Int
    let permutation: [Int]
    let stats: FeatureStats

    init(config: ExperimentConfig, task: Int, width: Int, stats: FeatureStats, rng: inout SeededGenerator) {
        self.config = config
        self.task = task
        self.stats = stats
        var p = Array(0..<width)
        if task > 0 && config.shift == .permutation { p.shuffle(using: &rng) }
        permutation = p
    }

    /// The shift grows with the task index; drift streams shift only after the change point.
    func apply(_ s: Sample, rng: inout SeededGenerator) -> Sample {
        guard task > 0 else { return s }
        let level = Float(config.split == .drift ? 1 : task)
        var out = s
        let w = s.width
        for k in 0..<s.values.count {
            let c = k % w
            let frameStart = k - c
            switch config.shift {
            case .permutation:
                out.values[k] = s.values[frameStart + permutation[c]]
            case .gainOffset:
                out.values[k] = s.values[k] * (1 + level * config.gainStep) + level * config.offsetStep * stats.std[c]
            case .noise:
                out.values[k] = s.values[k] + level * config.noiseStep * stats.std[c] * rng.nextGaussian()
            }
        }
        return out
    }
}

import LineProtocol
import Settings
import CrossbarKit
import Datasets
import Foundation
import SpikingKit

/// `spikebar bench`: throughput of the learning pipeline on a workload (the bundled digits
/// stream, or Fashion-MNIST streamed from disk), inference only and inference + learning,
/// on one core, and the process's peak RSS. Performance is measured here, in
/// a release build, never in unit tests.
public struct Benchmark {
    public let config: ResolvedConfig
    public let samples: Int
    /// Measure only one mode, e.g. under a profiler; the other is reported as not measured.
    public let only: BenchMode?
    /// Repetitions of each measurement; the median is reported (shared machines are noisy).
    public let repeats: Int
    public let workload: BenchWorkload

    public init(config: ResolvedConfig, samples: Int, only: BenchMode? = nil, repeats: Int = 5,
                workload: BenchWorkload = .digits) {
        self.config = config
        self.workload = workload
        self.samples = samples
        self.only = only
        self.repeats = max(repeats, 1)
    }

    public struct Result: Codable, Sendable, SortedJSONEncodable {
        public var workload: String
        public var preset: String
        public var layers: [Int]
        public var timesteps: Int
        public var encoding: String
        public var readNoiseStd: Float
        public var writeNoiseStd: Float
        public var cycleToCycle: Float
        public var pulseScheme: String
        public var samples: Int
        /// The learning measurement's results; nil (absent from the JSON) under `--only infer`.
        public var learnSamplesPerSecond: Double?
        /// The inference measurement's; nil (absent from the JSON) under `--only learn`.
        public var inferSamplesPerSecond: Double?
        /// Wall time per array multiply-accumulate (event-driven MACs actually performed),
        /// learning run, nanoseconds.
        public var nsPerSynapticOp: Double?
        public var inferNsPerSynapticOp: Double?
        public var macsPerSample: Double?
        public var pulsesPerSample: Double?
        public var buildConfiguration: String
        /// Peak resident set size of the whole process after both measurements (getrusage), bytes.
        public var peakRSSBytes: Int

        public var table: String {
            """
            configuration   \(preset)  \(layers.map(String.init).joined(separator: "-"))  T=\(timesteps)  \(encoding)  scheme \(pulseScheme)  (\(buildConfiguration) build)
            noise           read σ \(readNoiseStd)  c2c dwMinStd \(cycleToCycle)  write noise \(writeNoiseStd)
            mode            samples/s      ns/synaptic op   MACs/sample   pulses/sample
            learn           \(learnRow)
            infer           \(inferRow)
            workload        \(workload)   peak RSS \(String(format: "%.1f", Double(peakRSSBytes) / 1e6)) MB
            """
        }

        private var learnRow: String {
            guard let learnSamplesPerSecond, let nsPerSynapticOp, let macsPerSample, let pulsesPerSample else {
                return "not measured (--only infer)"
            }
            return "\(String(format: "%10.0f", learnSamplesPerSecond))      \(String(format: "%8.2f", nsPerSynapticOp))      \(String(format: "%9.0f", macsPerSample))   \(String(format: "%8.1f", pulsesPerSample))"
        }

        private var inferRow: String {
            guard let inferSamplesPerSecond, let inferNsPerSynapticOp else { return "not measured (--only learn)" }
            return "\(String(format: "%10.0f", inferSamplesPerSecond))      \(String(format: "%8.2f", inferNsPerSynapticOp))"
        }
    }

    public func run() throws -> Result {
        // Digits are held in memory (as always); Fashion-MNIST is read record by record.
        let reader = try workload.reader()
        let held = workload == .digits ? try reader.loadAll() : nil
        func sample(_ k: Int) throws -> Sample { try held?[k % reader.count] ?? reader.sample(at: k % reader.count) }
        let learner = RunSession.makeLearner(config: config, width: reader.width, classes: 10)
        // Warm up (fills caches, settles the accumulators), then measure.
        for k in 0..<min(200, reader.count) { _ = try learner.process(try sample(k), learn: true) }
        // Each repetition times `samples` samples; the median wall time is reported.
        // Nil for the mode `only` leaves out.
        func measure(learn: Bool) throws -> (ns: Double, macs: Double, pulses: Double)? {
            guard only == nil || only == (learn ? .learn : .infer) else { return nil }
            var times: [Double] = [], macs = 0.0, pulses = 0.0
            for _ in 0..<repeats {
                let before = learner.totals
                let t0 = DispatchTime.now().uptimeNanoseconds
                for k in 0..<samples { _ = try learner.process(try sample(k), learn: learn) }
                times.append(Double(DispatchTime.now().uptimeNanoseconds - t0))
                macs = learner.totals.macs - before.macs
                pulses = learner.totals.pulses - before.pulses
            }
            return (times.sorted()[times.count / 2], macs, pulses)
        }
        let learnRun = try measure(learn: true)
        let inferRun = try measure(learn: false)
        let n = Double(samples)
        let hw = config.hardware
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        return Result(
            workload: workload.rawValue, preset: hw.preset.name, layers: learner.network.config.layers, timesteps: learner.network.config.timesteps,
            encoding: config.run.engine.encoder.encoding.rawValue, readNoiseStd: hw.preset.electrical.readNoiseStd,
            writeNoiseStd: hw.preset.device.writeNoiseStd, cycleToCycle: hw.preset.device.dwMinStd,
            pulseScheme: hw.writePath.scheme.rawValue, samples: samples,
            learnSamplesPerSecond: learnRun.map { n / ($0.ns / 1e9) },
            inferSamplesPerSecond: inferRun.map { n / ($0.ns / 1e9) },
            nsPerSynapticOp: learnRun.map { $0.ns / max($0.macs, 1) }, inferNsPerSynapticOp: inferRun.map { $0.ns / max($0.macs, 1) },
            macsPerSample: learnRun.map { $0.macs / n }, pulsesPerSample: learnRun.map { $0.pulses / n },
            buildConfiguration: build, peakRSSBytes: PeakMemory.residentBytes)
    }
}

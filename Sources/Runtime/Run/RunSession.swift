import LineProtocol
import Settings
import CrossbarKit
import Datasets
import DeviceKit
import Foundation
import SpikingKit

/// What `spikebar run` was asked to do.
public struct RunRequest: Sendable {
    public var input: InputSource = .bundled(.digits)
    public var passes = 1
    public var shuffleSeed: UInt64?
    /// Take the input in NumPy's `RandomState(orderSeed).permutation(count)` order, and only
    /// its first `limit` samples (before any `shuffleSeed` reshuffle), when set.
    public var orderSeed: UInt32?
    public var limit: Int?
    public var eval: InputSource?
    public var channels: Int?
    public var progress = true
    /// Continue from a checkpoint instead of from the start (file inputs only).
    public var resume: ResumePoint?
    /// A `spikebar serve` run (recorded with input "serve"; resumed by the daemon on start).
    public var daemon = false
    public init() {}

    /// What a `spikebar serve` run records and resumes: the daemon's samples (input `stdin`).
    public static var serve: RunRequest {
        var r = RunRequest()
        r.input = .stdin
        r.daemon = true
        return r
    }
}

/// Receives every step of a run (the recorder implements it).
public protocol RunObserver: AnyObject {
    func runStarted(learner: OnlineLearner, config: ResolvedConfig, request: RunRequest) throws
    func sampleProcessed(_ outcome: SampleOutcome, learner: OnlineLearner, metric: PrequentialAccuracy, pass: Int)
    func runFinished(learner: OnlineLearner, summary: inout RunSummary) throws
}

/// Streams a dataset through predict → score → learn (prequential), pass after pass,
/// then optionally scores an evaluation set with learning off.
public final class RunSession {
    public let config: ResolvedConfig
    public let request: RunRequest
    public var observers: [RunObserver] = []

    public init(config: ResolvedConfig, request: RunRequest) {
        self.config = config
        self.request = request
    }

    /// Builds a learner for data of `width` values per frame and `classes` labels.
    public static func makeLearner(config: ResolvedConfig, width: Int, classes: Int) -> OnlineLearner {
        var engine = config.run.engine
        if engine.network.classes == 0 { engine.network.layers[engine.network.layers.count - 1] = classes }
        return OnlineLearner(config: engine, hardware: config.hardware, seed: UInt64(config.run.seed), inputWidth: width)
    }

    /// Classes implied by labelled samples: the largest label + 1 (at least 2).
    static func inferClasses(_ samples: [Sample]) -> Int {
        max(2, (samples.compactMap(\.label).max() ?? 1) + 1)
    }

    public func run() throws -> RunSummary {
        if config.run.stream.mode == .readings { return try runReadings() }
        guard request.input != .stdin else { return try runStdin() }
        let channels = request.channels ?? request.input.impliedChannels
        // Samples are read as they are used; the readers keep offsets, not samples.
        let train = try request.input.openReader(channels: channels)
        let evalSet = try request.eval.map { try $0.openReader(channels: request.channels ?? $0.impliedChannels ?? channels) }
        let classes = config.run.engine.network.classes == 0
            ? Self.inferClasses(maxLabels: [train.maxLabel, evalSet?.maxLabel]) : config.run.engine.network.classes
        try Self.checkModelShape(config, width: train.width, classes: Self.inferClasses(maxLabels: [train.maxLabel, evalSet?.maxLabel]))
        let learner = Self.makeLearner(config: config, width: train.width, classes: classes)
        let records = SampleOrder.records(count: train.count, orderSeed: request.orderSeed, limit: request.limit)
        let resume = request.resume
        try resume?.apply(to: learner)
        let resumedSeen = learner.samplesSeen
        for o in observers { try o.runStarted(learner: learner, config: config, request: request) }

        var metric = resume?.metric ?? PrequentialAccuracy(window: config.run.engine.accuracyWindow)
        var lastPass = PrequentialAccuracy(window: 1)
        var spikes = resume?.spikes ?? 0
        let start = Date()
        for pass in (resume?.pass ?? 0)..<request.passes {
            let order = SampleOrder.pass(records, shuffleSeed: request.shuffleSeed, pass: pass)
            // A resumed pass carries its metric on and skips the samples it already processed.
            let skip = pass == resume?.pass ? resume!.position : 0
            lastPass = skip > 0 ? resume!.passMetric : PrequentialAccuracy(window: 1)
            let bar = ProgressBar(total: order.count, label: "pass \(pass + 1)/\(request.passes)",
                                  force: false)
            for k in min(skip, order.count)..<order.count {
                let sample = try train.sample(at: order[k])
                let outcome: SampleOutcome
                do {
                    outcome = try learner.process(sample, learn: true)
                } catch let e as SampleError {
                    throw DatasetError.badLine(source: request.input.description, line: sample.line ?? k + 1, reason: e.description)
                }
                spikes += outcome.spikes
                if let c = outcome.correct {
                    metric.record(correct: c)
                    lastPass.record(correct: c)
                }
                for o in observers { o.sampleProcessed(outcome, learner: learner, metric: metric, pass: pass) }
                if request.progress { bar.update(k + 1, accuracy: metric.accuracy) }
            }
        }
        let wall = Date().timeIntervalSince(start)
        let trained = learner.samplesSeen - resumedSeen

        var evalAccuracy: Double?
        var evalBench: NeuroBenchCounts?
        if let evalSet {
            let before = learner.network.neuroBench
            var m = PrequentialAccuracy(window: 1)
            for k in 0..<evalSet.count {
                let s = try evalSet.sample(at: k)
                do {
                    let o = try learner.process(s, learn: false)
                    if let c = o.correct { m.record(correct: c) }
                } catch let e as SampleError {
                    throw DatasetError.badLine(source: request.eval!.description, line: s.line ?? k + 1, reason: e.description)
                }
            }
            evalAccuracy = m.accuracy
            evalBench = learner.network.neuroBench - before
        }
        var summary = makeSummary(learner: learner, metric: metric, lastPass: lastPass, spikes: spikes,
                                  wall: wall, evalAccuracy: evalAccuracy, evalSamples: evalSet?.count, evalBench: evalBench)
        summary.samplesPerSecond = Double(trained) / max(wall, 1e-9)
        for o in observers { try o.runFinished(learner: learner, summary: &summary) }
        return summary
    }

    /// stdin: one pass, samples processed as they arrive.
    func runStdin() throws -> RunSummary {
        guard request.resume == nil else {
            throw DatasetError.unreadable(path: "stdin", reason: "--resume needs a file input (stdin cannot skip what it already sent)")
        }
        guard request.passes == 1 else {
            throw DatasetError.unreadable(path: "stdin", reason: "--passes > 1 needs a file (stdin is read once)")
        }
        let decoder = InputLineDecoder(channels: request.channels)
        var learner: OnlineLearner?
        var metric = PrequentialAccuracy(window: config.run.engine.accuracyWindow)
        var spikes = 0
        var number = 0
        let start = Date()
        while let line = readLine(strippingNewline: true) {
            number += 1
            let decoded: InputLine
            do { decoded = try decoder.decode(line, lineNumber: number) } catch {
                throw DatasetError.badLine(source: "stdin", line: number, reason: error.message)
            }
            guard case let .sample(s) = decoded else { continue }
            if learner == nil {
                guard config.run.engine.network.classes > 0 else {
                    throw DatasetError.unreadable(path: "stdin", reason: "set the number of classes (network.layers, e.g. --set network.layers=0,128,10) when reading stdin")
                }
                try Self.checkModelShape(config, width: s.width, classes: 0)
                let l = Self.makeLearner(config: config, width: s.width, classes: config.run.engine.network.classes)
                for o in observers { try o.runStarted(learner: l, config: config, request: request) }
                learner = l
            }
            let o: SampleOutcome
            do { o = try learner!.process(s, learn: true) } catch let e as SampleError {
                throw DatasetError.badLine(source: "stdin", line: number, reason: e.description)
            }
            spikes += o.spikes
            if let c = o.correct { metric.record(correct: c) }
            for ob in observers { ob.sampleProcessed(o, learner: learner!, metric: metric, pass: 0) }
        }
        guard let learner else { throw DatasetError.unreadable(path: "stdin", reason: "no samples") }
        var summary = makeSummary(learner: learner, metric: metric, lastPass: metric, spikes: spikes,
                                  wall: Date().timeIntervalSince(start), evalAccuracy: nil, evalSamples: nil)
        for o in observers { try o.runFinished(learner: learner, summary: &summary) }
        return summary
    }

    func makeSummary(learner: OnlineLearner, metric: PrequentialAccuracy, lastPass: PrequentialAccuracy,
                     spikes: Int, wall: Double, evalAccuracy: Double?, evalSamples: Int?,
                     evalBench: NeuroBenchCounts? = nil) -> RunSummary {
        let processed = max(metric.samples, 1)
        let t = learner.totals
        var summary = RunSummary(
            input: request.input.description, preset: config.hardware.preset.name, seed: config.run.seed,
            layers: learner.network.config.layers, timesteps: learner.network.config.timesteps,
            passes: request.passes, samples: metric.samples,
            prequentialAccuracy: metric.accuracy, windowAccuracy: metric.windowAccuracy, window: metric.window,
            lastPassAccuracy: lastPass.accuracy, evalAccuracy: evalAccuracy, evalSamples: evalSamples,
            pulses: t.pulses, setPulses: t.setPulses, resetPulses: t.resetPulses, wastedPulses: t.wastedPulses,
            refreshPulses: t.refreshPulses, verifyReads: t.verifyReads,
            failedDevices: learner.network.failedDevices, devices: 2 * learner.network.synapses,
            pulsesPerSample: t.pulses / Double(processed), spikesPerSample: Double(spikes) / Double(processed),
            samplesPerSecond: Double(learner.samplesSeen) / max(wall, 1e-9), wallSeconds: wall,
            stateDigest: learner.stateDigest, runId: nil, database: nil)
        summary.record(Self.costReport(learner: learner, config: config), costPreset: config.cost.name)
        summary.recordNeuroBench(learner: learner, prequentialAccuracy: metric.accuracy,
                                 eval: evalBench.map { ($0, evalAccuracy ?? 0) })
        summary.recordProgramming(learner.programming, cost: CostModel(config: config, network: learner.network))
        summary.peakRSSBytes = PeakMemory.residentBytes
        summary.config = config.configSource
        return summary
    }
}

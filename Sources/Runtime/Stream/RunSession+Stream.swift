import Settings
import Datasets
import LineProtocol
import Foundation
import SpikingKit

extension RunSession {
    /// `spikebar run` over a reading stream (`stream.mode: readings`): the input file (played
    /// `passes` times back to back, as one continuous stream) or stdin is cut into windows of
    /// `stream.window` readings every `stream.hop` readings; each window is predicted, scored
    /// and, when labelled, learnt (test-then-train), exactly as a sample. `--eval` plays a
    /// second stream with learning off. A bad line stops the run with its line number, as in
    /// sample mode (the daemon answers it and goes on instead).
    func runReadings() throws -> RunSummary {
        let stream = config.run.stream
        let source = request.input.description
        guard request.shuffleSeed == nil else {
            throw DatasetError.unreadable(path: source, reason: "--shuffle reorders whole samples; a reading stream is played in order (spikebar play --shuffle shuffles series before they become readings)")
        }
        guard request.resume == nil else {
            throw DatasetError.unreadable(path: source, reason: "--resume is not available for reading streams")
        }
        if request.input == .stdin, request.passes != 1 {
            throw DatasetError.unreadable(path: "stdin", reason: "--passes > 1 needs a file (stdin is read once)")
        }
        let classes = config.run.engine.network.classes
        guard classes > 0 else {
            throw DatasetError.unreadable(path: source, reason: "a reading stream needs its classes before the first window: set the last entry of network.layers, e.g. --set network.layers=0,256,4")
        }
        let channels = try StreamLines.channels(of: request.input, config: config)
        let clocked = config.clockedForStream()
        try Self.checkModelShape(clocked, width: channels, classes: 0)
        let learner = Self.makeLearner(config: clocked, width: channels, classes: classes)
        for o in observers { try o.runStarted(learner: learner, config: clocked, request: request) }

        var tally = StreamTally(window: config.run.engine.accuracyWindow)
        let start = Date(), startCPU = processCPUSeconds()
        for pass in 0..<request.passes {
            tally.lastPass = PrequentialAccuracy(window: 1)
            let player = ReadingStream(config: stream, channels: channels, classes: classes)
            try play(request.input, through: player, learner: learner, learn: true) { outcome in
                tally.record(outcome)
                for o in observers { o.sampleProcessed(outcome, learner: learner, metric: tally.metric, pass: pass) }
            }
            tally.readings += player.ring.readings
        }
        let wall = Date().timeIntervalSince(start), cpu = processCPUSeconds() - startCPU

        var evalMetric: PrequentialAccuracy?
        if let eval = request.eval {
            var m = PrequentialAccuracy(window: 1)
            let player = ReadingStream(config: stream, channels: channels, classes: classes)
            try play(eval, through: player, learner: learner, learn: false) { o in
                if let c = o.correct { m.record(correct: c) }
            }
            evalMetric = m
        }
        var summary = makeSummary(learner: learner, metric: tally.metric, lastPass: tally.lastPass, spikes: tally.spikes,
                                  wall: wall, evalAccuracy: evalMetric?.accuracy, evalSamples: evalMetric?.samples)
        summary.samples = tally.windows
        summary.samplesPerSecond = Double(tally.windows) / max(wall, 1e-9)
        summary.stream = StreamSummary(config: stream, readings: tally.readings, windows: tally.windows,
                                       labelledWindows: tally.metric.samples, wallSeconds: wall, cpuSeconds: cpu,
                                       energyPicojoules: summary.energyPicojoules)
        for o in observers { try o.runFinished(learner: learner, summary: &summary) }
        return summary
    }

    /// Plays one input through `player`, running each window on `learner` as it falls due.
    func play(_ input: InputSource, through player: ReadingStream, learner: OnlineLearner, learn: Bool,
              _ processed: (SampleOutcome) -> Void) throws {
        var scratch = Sample(features: [])
        try StreamLines.forEach(input) { bytes, number in
            switch player.step(bytes, lineNumber: number, sample: &scratch) {
            case .nothing, .request(.stream(.labelSet)):
                return
            case let .window(w):
                do {
                    processed(try learner.process(w.sample, learn: learn, continuing: w.continuing))
                } catch let e as SampleError {
                    throw DatasetError.badLine(source: input.description, line: number, reason: e.description)
                }
            case let .request(.invalid(e)):
                throw DatasetError.badLine(source: input.description, line: number, reason: "\(e.code): \(e.message)")
            case .request:
                throw DatasetError.badLine(source: input.description, line: number, reason: "commands other than label and flush are for the daemon")
            }
        }
    }
}

/// Running totals of a stream run.
struct StreamTally {
    var metric: PrequentialAccuracy
    var lastPass = PrequentialAccuracy(window: 1)
    var windows = 0
    var readings = 0
    var spikes = 0

    init(window: Int) { metric = PrequentialAccuracy(window: window) }

    mutating func record(_ o: SampleOutcome) {
        windows += 1
        spikes += o.spikes
        if let c = o.correct {
            metric.record(correct: c)
            lastPass.record(correct: c)
        }
    }
}

/// CPU time this process has used (user + system), seconds: on a shared machine the
/// throughput per CPU second is what one core of its own would do.
func processCPUSeconds() -> Double {
    var u = rusage()
    #if os(Linux)
    let who = RUSAGE_SELF.rawValue
    #else
    let who = RUSAGE_SELF
    #endif
    guard getrusage(Int32(who), &u) == 0 else { return 0 }
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
    return s(u.ru_utime) + s(u.ru_stime)
}

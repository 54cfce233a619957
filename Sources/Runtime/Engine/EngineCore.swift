import LineProtocol
import Settings
import CrossbarKit
import Datasets
import SpikingKit

/// The daemon's one learner and everything it answers: samples (predict → score → learn),
/// and the commands `stats`, `checkpoint`, `task`, `learn`, `eval`. Not `Sendable`: the
/// daemon's `EngineQueue` owns it in one isolation domain (it and its learner, kits and
/// observers are touched by the engine's run loop only), so requests from every source are
/// processed one at a time in arrival order.
public final class EngineCore {
    public let config: ResolvedConfig
    /// Given at start (a resumed run), else built from the configured shape
    /// (``makeLearner(config:)``) when the first sample arrives; never from the sample's width.
    public private(set) var learner: OnlineLearner?
    public private(set) var metric: PrequentialAccuracy
    /// Accuracy while evaluation mode is on (reset when it is switched on).
    public private(set) var evalMetric = PrequentialAccuracy(window: 1)
    /// Samples processed so far, over the life of the run (continues after a restart).
    public private(set) var sequence = 0
    public private(set) var learning = true
    public private(set) var evaluating = false
    public private(set) var task: Int?
    public private(set) var errors = 0
    public private(set) var requests = 0
    /// Called after every processed sample and command (recording, cost, metrics).
    public var observers: [EngineObserver] = []

    public init(config: ResolvedConfig, learner: OnlineLearner? = nil, metric: PrequentialAccuracy? = nil, sequence: Int = 0) {
        self.config = config
        self.learner = learner
        self.metric = metric ?? PrequentialAccuracy(window: config.run.engine.accuracyWindow)
        self.sequence = sequence
    }

    /// Answers one request with one response line (no newline).
    public func handle(_ request: EngineRequest) -> String {
        switch request {
        case .line(.skip):
            // A blank line or CSV header (the sources drop them before queueing): not a request.
            return ""
        case let .invalid(e):
            return rejected(code: e.code, message: e.message, id: e.id)
        case let .tooLong(bytes, limit):
            return rejected(code: "line_too_long", message: "line of \(bytes) bytes exceeds the limit of \(limit) bytes", id: nil)
        case let .line(.command(cmd, id)):
            requests += 1
            return command(cmd, id: id)
        case let .line(.sample(s)):
            requests += 1
            return sample(s)
        case let .stream(r):
            requests += 1
            return stream(r)
        }
    }

    /// Answers a line that cannot be used with an error: a request, and an error the
    /// observers hear of.
    func rejected(code: String, message: String, id: String?) -> String {
        requests += 1
        errors += 1
        for o in observers { o.engineRejected(code: code, message: message, sequence: sequence) }
        return Responses.error(code: code, message: message, id: id)
    }

    /// Answers a sample, or a reading stream's `window` (whose sample it is).
    func sample(_ s: Sample, window: StreamWindow? = nil) -> String {
        do {
            let l = try learnerFor(s)
            if let t = s.task, t != task { switchTask(to: t) }
            let learn = learning && !evaluating
            let outcome = try l.process(s, learn: learn, continuing: window?.continuing ?? false)
            sequence += 1
            if let c = outcome.correct {
                if evaluating { evalMetric.record(correct: c) } else { metric.record(correct: c) }
            }
            for o in observers { o.engineProcessed(outcome, engine: self) }
            let extra = observers.flatMap { $0.responseFields(for: outcome, engine: self) }
            if let window { return Responses.window(seq: sequence, window: window, outcome: outcome, extra: extra) }
            return Responses.sample(seq: sequence, id: s.id, outcome: outcome, extra: extra)
        } catch let e as SampleError {
            errors += 1
            for o in observers { o.engineRejected(code: e.code, message: e.description, sequence: sequence) }
            return Responses.error(code: e.code, message: e.description, id: s.id)
        } catch {
            errors += 1
            return Responses.error(code: "internal", message: "\(error)", id: s.id)
        }
    }

    /// The engine has answered its last request: tells the observers (final checkpoint).
    public func stop() {
        for o in observers { o.engineStopped(self) }
    }

    func learnerFor(_ s: Sample) throws -> OnlineLearner {
        if let learner { return learner }
        let l = try Self.makeLearner(config: config)
        learner = l
        for o in observers { o.engineStarted(self) }
        return l
    }

    /// The daemon's learner: its shape comes from the configuration, never from whatever
    /// line arrives first (`network.layers` needs its inputs and classes; with delta
    /// encoding the inputs are 2 lines per channel).
    public static func makeLearner(config: ResolvedConfig) throws -> OnlineLearner {
        let layers = config.run.engine.network.layers
        guard let inputs = layers.first, inputs > 0, let classes = layers.last, classes > 0 else {
            throw ServeError.shapeNotConfigured(layers: layers)
        }
        let delta = config.run.engine.encoder.encoding == .delta
        guard !delta || inputs % 2 == 0 else { throw ServeError.shapeNotConfigured(layers: layers) }
        return RunSession.makeLearner(config: config, width: delta ? inputs / 2 : inputs, classes: classes)
    }

    func switchTask(to t: Int) {
        let previous = task
        task = t
        for o in observers { o.engineTaskChanged(from: previous, to: t, engine: self) }
    }

    func command(_ cmd: ProtocolCommand, id: String?) -> String {
        switch cmd {
        case .stats:
            return Responses.ok(id: id, [("stats", stats())])
        case .checkpoint:
            do {
                for o in observers { try o.engineCheckpoint(self) }
                return Responses.ok(id: id, [("checkpoint", .number(Double(sequence), isInteger: true))])
            } catch {
                errors += 1
                return Responses.error(code: "checkpoint_failed", message: "\(error)", id: id)
            }
        case let .task(t):
            switchTask(to: t)
            return Responses.ok(id: id, [("task", .number(Double(t), isInteger: true))])
        case let .learn(on):
            learning = on
            return Responses.ok(id: id, [("learn", .bool(on))])
        case let .eval(on):
            var fields: [(String, JSONValue)] = [("eval", .bool(on))]
            if on {
                evalMetric = PrequentialAccuracy(window: 1)
            } else {
                fields.append(("evalAccuracy", .number(evalMetric.accuracy, isInteger: false)))
                fields.append(("evalSamples", .number(Double(evalMetric.samples), isInteger: true)))
            }
            evaluating = on
            return Responses.ok(id: id, fields)
        }
    }

    /// Totals for `stats` and the metrics endpoint.
    public func stats() -> JSONValue {
        let totals = learner?.totals ?? OperationCounts()
        var pairs: [(String, JSONValue)] = [
            ("samples", .number(Double(sequence), isInteger: true)),
            ("labelled", .number(Double(metric.samples), isInteger: true)),
            ("prequentialAccuracy", .number(metric.accuracy, isInteger: false)),
            ("windowAccuracy", .number(metric.windowAccuracy, isInteger: false)),
            ("pulses", .number(totals.pulses, isInteger: true)),
            ("setPulses", .number(totals.setPulses, isInteger: true)),
            ("resetPulses", .number(totals.resetPulses, isInteger: true)),
            ("failedDevices", .number(Double(learner?.network.failedDevices ?? 0), isInteger: true)),
            ("errors", .number(Double(errors), isInteger: true)),
            ("requests", .number(Double(requests), isInteger: true)),
            ("learning", .bool(learning)),
            ("evaluating", .bool(evaluating)),
            ("task", task.map { .number(Double($0), isInteger: true) } ?? .null),
            ("preset", .string(config.hardware.preset.name)),
        ]
        pairs += observers.flatMap { $0.statsFields(engine: self) }
        return .object(pairs)
    }
}

/// Problems that stop the daemon from starting.
public enum ServeError: Error, CustomStringConvertible {
    case shapeNotConfigured(layers: [Int])

    public var description: String {
        switch self {
        case let .shapeNotConfigured(layers):
            return "serve needs the network's input lines and classes in network.layers (got \(layers)); e.g. --set network.layers=64,128,10 (with delta encoding the inputs are 2 per channel)"
        }
    }
}

/// Hooks the daemon's services attach to the engine (recording, metrics). Every method has
/// a default that does nothing.
public protocol EngineObserver: AnyObject {
    func engineStarted(_ engine: EngineCore)
    func engineProcessed(_ outcome: SampleOutcome, engine: EngineCore)
    func engineRejected(code: String, message: String, sequence: Int)
    func engineTaskChanged(from: Int?, to: Int, engine: EngineCore)
    func engineCheckpoint(_ engine: EngineCore) throws
    /// The engine has answered its last request (shutdown): the recorder's final checkpoint.
    func engineStopped(_ engine: EngineCore)
    func responseFields(for outcome: SampleOutcome, engine: EngineCore) -> [(String, JSONValue)]
    func statsFields(engine: EngineCore) -> [(String, JSONValue)]
}

extension EngineObserver {
    public func engineStarted(_ engine: EngineCore) {}
    public func engineProcessed(_ outcome: SampleOutcome, engine: EngineCore) {}
    public func engineRejected(code: String, message: String, sequence: Int) {}
    public func engineTaskChanged(from: Int?, to: Int, engine: EngineCore) {}
    public func engineCheckpoint(_ engine: EngineCore) throws {}
    public func engineStopped(_ engine: EngineCore) {}
    public func responseFields(for outcome: SampleOutcome, engine: EngineCore) -> [(String, JSONValue)] { [] }
    public func statsFields(engine: EngineCore) -> [(String, JSONValue)] { [] }
}

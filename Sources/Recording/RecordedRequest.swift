import Foundation
import LineProtocol
import Runtime
import Store

/// The run request as `run.requestJSON` records it: what `--resume` needs to rebuild the
/// same stream of samples (input, passes, shuffle seed, channels) and the same evaluation.
struct RecordedRequest: Codable, Equatable {
    /// The input as an argument: a bundled dataset name, an absolute file path, or `-`.
    var input: String
    var passes: Int
    var shuffleSeed: UInt64?
    /// `--order-seed` and `--limit` (absent when not given).
    var orderSeed: UInt32?
    var limit: Int?
    var channels: Int?
    /// The `--eval` input, as an argument.
    var eval: String?
    /// Recorded by `spikebar serve` (absent in runs of `spikebar run`).
    var daemon: Bool?

    init(_ r: RunRequest) {
        input = Self.argument(r.input)
        passes = r.passes
        shuffleSeed = r.shuffleSeed
        orderSeed = r.orderSeed
        limit = r.limit
        channels = r.channels
        eval = r.eval.map(Self.argument)
        daemon = r.daemon ? true : nil
    }

    /// An input in the form `InputSource(argument:)` reads back (files made absolute, so a
    /// resume from another folder finds them).
    static func argument(_ s: InputSource) -> String {
        switch s {
        case let .bundled(b): return b.rawValue
        case let .file(p): return URL(fileURLWithPath: p).standardizedFileURL.path
        case let .idx(spec):
            return "idx:" + spec.split(separator: ",").map { URL(fileURLWithPath: String($0)).standardizedFileURL.path }.joined(separator: ",")
        case .stdin: return "-"
        }
    }

    var json: String { sortedJSON(self, escapingSlashes: false) }

    static func decode(_ json: String) throws -> RecordedRequest {
        do { return try JSONDecoder().decode(RecordedRequest.self, from: Data(json.utf8)) } catch {
            throw ResumeError.badCheckpoint("run.requestJSON is not a recorded request: \(error)")
        }
    }

    /// The request to run again, reading `input` instead of the recorded input if given.
    func request(input override: String?) -> RunRequest {
        var r = RunRequest()
        r.input = InputSource(argument: override ?? input)
        r.passes = passes
        r.shuffleSeed = shuffleSeed
        r.orderSeed = orderSeed
        r.limit = limit
        r.channels = channels
        r.eval = eval.map(InputSource.init(argument:))
        r.daemon = daemon ?? false
        return r
    }
}

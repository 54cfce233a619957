import ArgumentParser
import Foundation
import KitSupport
import Recording
import Runtime
import Settings

/// `spikebar run … --resume` (issue #15, item 7): the same command line with `--resume`
/// added must work. Options equal to what the run recorded are accepted; an option that
/// differs is refused, named, with the recorded and the given value. Configuration options
/// (`--config`, `--preset`, `--seed`, `--set`) are compared through the configuration they
/// resolve to, key by key; `recording.*` keys are left out (where and how often to record
/// changes no learned value, and `--db` already names the database).
extension RunCommand {
    /// The options given with `--resume` that differ from the recorded run, one line each
    /// (empty when every given option agrees).
    func resumeMismatches(_ plan: ResumePlan) throws -> [String] {
        var out: [String] = []
        let recorded = plan.request
        if let passes, passes != recorded.passes { out.append("--passes \(passes) (recorded: \(recorded.passes))") }
        if let shuffle, shuffle != recorded.shuffleSeed {
            out.append("--shuffle \(shuffle) (recorded: \(recorded.shuffleSeed.map(String.init) ?? "no shuffle"))")
        }
        if let orderSeed, orderSeed != recorded.orderSeed {
            out.append("--order-seed \(orderSeed) (recorded: \(recorded.orderSeed.map(String.init) ?? "file order"))")
        }
        if let limit, limit != recorded.limit {
            out.append("--limit \(limit) (recorded: \(recorded.limit.map(String.init) ?? "none"))")
        }
        if let channels, channels != recorded.channels {
            out.append("--channels \(channels) (recorded: \(recorded.channels.map(String.init) ?? "none"))")
        }
        if let eval, Self.normalized(InputSource(argument: eval)) != recorded.eval.map(Self.normalized) {
            out.append("--eval \(eval) (recorded: \(recorded.eval.map(\.description) ?? "none"))")
        }
        let configFlags = [("--config", options.config != nil), ("--preset", options.preset != nil),
                           ("--seed", options.seed != nil), ("--set", !options.sets.isEmpty)].filter(\.1).map(\.0)
        if !configFlags.isEmpty {
            let given = Self.flatten(try options.resolve().snapshot)
            let was = Self.flatten(plan.config.snapshot)
            let keys = Set(given.keys).union(was.keys).filter { !$0.hasPrefix("recording.") && given[$0] != was[$0] }
            if !keys.isEmpty {
                let shown = keys.sorted().prefix(5).map { "\($0) = \(given[$0] ?? "(unset)") (recorded: \(was[$0] ?? "(unset)"))" }
                let more = keys.count > 5 ? ", and \(keys.count - 5) more" : ""
                out.append("\(configFlags.joined(separator: "/")) give another configuration: \(shown.joined(separator: "; "))\(more)")
            }
        }
        return out
    }

    /// A file input as an absolute path (the recorded form); others unchanged.
    static func normalized(_ s: InputSource) -> InputSource {
        if case let .file(p) = s { return .file(URL(fileURLWithPath: p).standardizedFileURL.path) }
        return s
    }

    /// A configuration document as dotted key → scalar text (lists as their flow text).
    static func flatten(_ v: ConfigValue, prefix: String = "") -> [String: String] {
        switch v {
        case let .scalar(s): return [prefix: s]
        case let .list(items): return [prefix: "[" + items.map { $0.scalarText ?? "…" }.joined(separator: ", ") + "]"]
        case let .map(entries):
            var out: [String: String] = [:]
            for e in entries {
                out.merge(flatten(e.value, prefix: prefix.isEmpty ? e.key : prefix + "." + e.key)) { a, _ in a }
            }
            return out
        }
    }
}

/// Options given with `--resume` that differ from the recorded run (exit code 2).
struct ResumeOptionsDiffer: Error, CustomStringConvertible {
    let runId: Int64
    let mismatches: [String]
    var description: String {
        "--resume continues run \(runId) as it was recorded; these options differ (drop or change them): "
            + mismatches.joined(separator: "; ")
    }
}

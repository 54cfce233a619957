import Datasets
import Foundation
import SpikingKit

/// Where `run` reads samples from.
public enum InputSource: Equatable, Sendable, CustomStringConvertible {
    case bundled(BundledDataset)
    case file(String)
    /// An IDX images + labels pair: the text after `idx:` (see ``IDXPair``).
    case idx(String)
    case stdin

    /// Parses a command-line value: `-` is stdin, a bundled dataset name (`digits`,
    /// `basicmotions-train`, `basicmotions-test`) is that dataset, `idx:…` an IDX pair,
    /// anything else a path.
    public init(argument: String) {
        if argument == "-" { self = .stdin; return }
        if argument.hasPrefix("idx:") { self = .idx(String(argument.dropFirst(4))); return }
        if let b = BundledDataset(rawValue: argument.lowercased()), !FileManager.default.fileExists(atPath: argument) {
            self = .bundled(b); return
        }
        self = .file(argument)
    }

    public var description: String {
        switch self {
        case let .bundled(b): return "bundled:\(b.rawValue)"
        case let .file(p): return p
        case let .idx(spec): return "idx:\(spec)"
        case .stdin: return "stdin"
        }
    }

    /// Channels implied by the source (bundled temporal datasets), if any.
    public var impliedChannels: Int? {
        if case let .bundled(b) = self { return b.channels }
        return nil
    }

    /// Reads every sample (not for stdin, which is streamed). Lines are CSV or NDJSON.
    public func loadAll(channels: Int?) throws -> [Sample] {
        switch self {
        case let .bundled(b): return try b.load(channels: channels ?? impliedChannels)
        case let .file(p): return try SampleFile.load(path: p, channels: channels ?? impliedChannels)
        case .idx: return try openReader(channels: channels).loadAll()
        case .stdin: preconditionFailure("stdin is streamed, not loaded")
        }
    }
}

/// Reorders samples for one pass with a seeded Fisher–Yates shuffle (a new order per pass).
public func shuffled<T>(_ items: [T], seed: UInt64, pass: Int) -> [T] {
    var g = SeededGeneratorFactory.make(seed: seed &+ UInt64(pass) &* 0x9E37_79B9)
    var a = items
    if a.count > 1 {
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = Int(g.next() % UInt64(i + 1))
            a.swapAt(i, j)
        }
    }
    return a
}

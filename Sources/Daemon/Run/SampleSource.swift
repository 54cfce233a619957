import Datasets
import Foundation
import SpikingKit

/// Where `run` reads samples from.
public enum InputSource: Equatable, Sendable, CustomStringConvertible {
    case bundled(BundledDataset)
    case file(String)
    case stdin

    /// Parses a command-line value: `-` is stdin, a bundled dataset name (`digits`,
    /// `basicmotions-train`, `basicmotions-test`) is that dataset, anything else a path.
    public init(argument: String) {
        if argument == "-" { self = .stdin; return }
        if let b = BundledDataset(rawValue: argument.lowercased()), !FileManager.default.fileExists(atPath: argument) {
            self = .bundled(b); return
        }
        self = .file(argument)
    }

    public var description: String {
        switch self {
        case let .bundled(b): return "bundled:\(b.rawValue)"
        case let .file(p): return p
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
        let text: String
        let name: String
        switch self {
        case let .bundled(b):
            name = b.fileName
            let url = try b.url
            text = try Self.read(url.path)
        case let .file(p):
            name = p
            text = try Self.read(p)
        case .stdin:
            preconditionFailure("stdin is streamed, not loaded")
        }
        let decoder = InputLineDecoder(channels: channels ?? impliedChannels)
        var samples: [Sample] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            do {
                switch try decoder.decode(String(line), lineNumber: number) {
                case var .sample(s):
                    s.line = number
                    samples.append(s)
                case .skip: continue
                case .command: throw DatasetError.badLine(source: name, line: number, reason: "commands are for the daemon; a run file holds samples only")
                }
            } catch let e as LineError {
                throw DatasetError.badLine(source: name, line: number, reason: e.message)
            }
        }
        guard !samples.isEmpty else { throw DatasetError.badLine(source: name, line: number, reason: "no samples in the file") }
        return samples
    }

    static func read(_ path: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DatasetError.unreadable(path: path, reason: (error as NSError).localizedDescription)
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

import Foundation
import LineProtocol
import SpikingKit

/// Reads whole sample files: every line CSV (`label,f0,f1,…`) or NDJSON, decoded by
/// ``InputLineDecoder`` exactly as the daemon decodes a line. The one loader behind
/// `spikebar run`/`experiment` inputs and the bundled datasets.
public enum SampleFile {
    /// Every sample of the file at `path`, reshaped into `channels` when given. `source`
    /// names the file in error messages (default: the path).
    public static func load(path: String, source: String? = nil, channels: Int?) throws -> [Sample] {
        try samples(in: text(at: path), source: source ?? path, channels: channels)
    }

    /// The file's text; a failure to read it is ``DatasetError/unreadable(path:reason:)``.
    public static func text(at path: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DatasetError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// Decodes every line of `text`. Each sample keeps its 1-based line number; a bad line,
    /// a command line or a file without samples is ``DatasetError/badLine(source:line:reason:)``.
    public static func samples(in text: String, source: String, channels: Int?) throws -> [Sample] {
        let decoder = InputLineDecoder(channels: channels)
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
                case .command: throw DatasetError.badLine(source: source, line: number, reason: "commands are for the daemon; a run file holds samples only")
                }
            } catch let e as LineError {
                throw DatasetError.badLine(source: source, line: number, reason: e.message)
            }
        }
        guard !samples.isEmpty else { throw DatasetError.badLine(source: source, line: number, reason: "no samples in the file") }
        return samples
    }
}

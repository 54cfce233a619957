import LineProtocol
import SpikingKit

/// Samples read one at a time from where they are stored, by position: what `spikebar run`
/// streams through the learner instead of holding a whole file. Opening a reader checks
/// every record once (so a bad line stops the run before it starts, as when files were
/// loaded whole) and keeps only what finds a record again: byte offsets for text files,
/// nothing for IDX (records have a fixed size).
public protocol IndexedSampleReader: AnyObject {
    /// How the input is named in messages.
    var source: String { get }
    /// Samples in the input.
    var count: Int { get }
    /// Values per frame of the first sample.
    var width: Int { get }
    /// The largest label in the input (nil when no sample is labelled).
    var maxLabel: Int? { get }
    /// Sample `index` (0-based, in file order), with its line (text) or record (IDX)
    /// number, 1-based, in `line`.
    func sample(at index: Int) throws -> Sample
}

extension IndexedSampleReader {
    /// Every sample, in file order (for callers that need them all at once).
    public func loadAll() throws -> [Sample] {
        try (0..<count).map { try sample(at: $0) }
    }
}

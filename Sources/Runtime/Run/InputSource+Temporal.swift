import Datasets
import LineProtocol
import Foundation
import SpikingKit

extension InputSource {
    /// Whether the input is temporal: `--channels` given, a bundled temporal dataset, or a
    /// file whose first sample has `frames`. Stdin is not read ahead (only `--channels`
    /// makes it temporal).
    public func isTemporal(channels: Int?) throws -> Bool {
        if channels != nil || impliedChannels != nil { return true }
        guard case let .file(path) = self else { return false }
        let decoder = InputLineDecoder(channels: nil)
        let readings = ReadingLineDecoder()
        // Line by line, up to the first sample: a reading stream's file (`{"r":[…]}` lines)
        // has none, and decoding each of its readings as a would-be sample took a third of
        // a stream run's time (issue #20); its first reading ends the search.
        let text = try SampleFile.text(at: path)
        var rest = text.utf8[...]
        var number = 0
        while !rest.isEmpty {
            let end = rest.firstIndex(of: 10) ?? rest.endIndex
            let line = rest[..<end]
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
            if line.isEmpty { continue }
            number += 1
            if case let .sample(s)? = try? decoder.decode(line, lineNumber: number) { return s.isTemporal }
            if case .reading? = try? readings.decode(line, lineNumber: number) { return false }
        }
        return false
    }
}

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
        var number = 0
        for line in try SampleFile.text(at: path).split(separator: "\n") {
            number += 1
            if case let .sample(s)? = try? decoder.decode(String(line), lineNumber: number) { return s.isTemporal }
        }
        return false
    }
}

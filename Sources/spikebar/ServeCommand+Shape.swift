import Foundation
import LineProtocol
import Settings
import SpikingKit
#if canImport(Glibc)
import Glibc
#endif

/// `spikebar serve --stdin < digits.csv` with the default configuration (`network.layers:
/// [0, 128, 0]`, issue #15 item 7): the daemon builds its learner at start, so it needs the
/// input width and the classes before the first line arrives. The width is read from the
/// first sample of a regular file on stdin (peeked with `pread`, which leaves the read
/// position where the daemon's reader starts); the classes come from `--classes` or the
/// configuration. What cannot be known is named in the error as the one flag to add.
extension ServeCommand {
    /// The configuration with `network.layers` completed as far as the flags and stdin tell.
    /// A resumed daemon run uses its recorded configuration, so this only matters for a new run.
    func completingShape(_ resolved: ResolvedConfig) -> ResolvedConfig {
        var resolved = resolved
        var layers = resolved.run.engine.network.layers
        guard layers.count >= 2 else { return resolved }
        if let classes { layers[layers.count - 1] = classes }
        let delta = resolved.run.engine.encoder.encoding == .delta
        if layers[0] == 0 {
            if let inputs {
                layers[0] = delta ? 2 * inputs : inputs
            } else if stdin, let width = Self.firstSampleWidth(fd: 0, channels: nil) {
                layers[0] = delta ? 2 * width : width
            }
        }
        resolved.run.engine.network.layers = layers
        return resolved
    }

    /// The error for a new run whose shape is still incomplete: each flag to add.
    func shapeUnknown(_ resolved: ResolvedConfig) -> ShapeUnknown {
        let layers = resolved.run.engine.network.layers
        var missing: [String] = []
        if (layers.first ?? 0) <= 0 {
            missing.append("--inputs N (the values per sample, or per frame of a temporal sample; read from the first sample only when stdin is a file)")
        }
        if (layers.last ?? 0) <= 0 { missing.append("--classes N (the number of labels, e.g. --classes 10 for digits)") }
        return ShapeUnknown(missing: missing, layers: layers)
    }

    /// The width of the first sample of the regular file open as `fd`, read without moving
    /// its offset; nil for a pipe, a terminal, or a file whose first lines are no sample.
    static func firstSampleWidth(fd: Int32, channels: Int?) -> Int? {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: 1 << 20)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        var splitter = LineSplitter(maxLineBytes: 1 << 20)
        var lines: [[UInt8]] = []
        splitter.feed(bytes[0..<n]) { if case let .line(l) = $0, lines.count < 8 { lines.append(l) } }
        let decoder = InputLineDecoder(channels: channels)
        for (k, line) in lines.enumerated() {
            if case let .sample(s)? = try? decoder.decode(line, lineNumber: k + 1) { return s.width }
        }
        return nil
    }
}

/// The network's shape is not known at start: names each flag to add.
struct ShapeUnknown: Error, CustomStringConvertible {
    let missing: [String]
    let layers: [Int]
    var description: String {
        "serve builds its learner at start and network.layers is \(layers): add " + missing.joined(separator: " and ")
    }
}

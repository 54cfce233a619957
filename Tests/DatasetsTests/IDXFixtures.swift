import CZlib
import Foundation

/// IDX files the tests write themselves: a temporary folder, big-endian headers, and gzip
/// through the same system zlib the reader uses.
struct IDXFixtures {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("spikebar-idx-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// The bytes of an unsigned-byte IDX file of `dimensions` holding `values`.
    static func idx(dimensions: [Int], values: [UInt8], type: UInt8 = 0x08) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, type, UInt8(dimensions.count)]
        for d in dimensions { bytes += [UInt8(d >> 24 & 0xFF), UInt8(d >> 16 & 0xFF), UInt8(d >> 8 & 0xFF), UInt8(d & 0xFF)] }
        return bytes + values
    }

    /// Writes `bytes` to `name` (gzip'd when `gzip`); returns the path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8], gzip: Bool = false) throws -> String {
        let path = folder.appendingPathComponent(name).path
        if gzip {
            guard let gz = gzopen(path, "wb") else { throw CocoaError(.fileWriteUnknown) }
            _ = bytes.withUnsafeBytes { gzwrite(gz, $0.baseAddress, UInt32($0.count)) }
            gzclose(gz)
        } else {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        return path
    }

    /// Three 2×3 images (pixel k of image i = 40·i + 10·k) and labels 2, 0, 1.
    static let pixels: [UInt8] = (0..<3).flatMap { i in (0..<6).map { k in UInt8(40 * i + 10 * k) } }
    static let labels: [UInt8] = [2, 0, 1]

    /// Writes the small images + labels pair under `prefix` (`PREFIX-images-idx3-ubyte`…).
    func writePair(prefix: String, gzip: Bool) throws -> (images: String, labels: String) {
        let ext = gzip ? ".gz" : ""
        let i = try write("\(prefix)-images-idx3-ubyte\(ext)", Self.idx(dimensions: [3, 2, 3], values: Self.pixels), gzip: gzip)
        let l = try write("\(prefix)-labels-idx1-ubyte\(ext)", Self.idx(dimensions: [3], values: Self.labels), gzip: gzip)
        return (i, l)
    }
}

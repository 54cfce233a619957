import LineProtocol
import CZlib
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// gzip'd input through the system zlib: a `.gz` IDX file is inflated once into an
/// anonymous temporary file (unlinked as soon as it is created, so nothing is left behind),
/// which is then read by offset like a plain file. Memory stays at one 256 KiB buffer; the
/// inflated bytes live in the file system's page cache, not in the process.
enum GzipInflate {
    /// Whether the file starts with the gzip magic bytes 1f 8b.
    static func isGzip(_ file: ReadOnlyFile) throws -> Bool {
        guard file.byteCount >= 2 else { return false }
        return try file.bytes(at: 0, count: 2) == [0x1F, 0x8B]
    }

    /// Inflates the gzip file at `path` into an unlinked temporary file and opens it.
    /// A corrupt or truncated stream is ``DatasetError/badIDX(path:reason:)``.
    static func inflate(path: String) throws -> ReadOnlyFile {
        guard let gz = gzopen(path, "rb") else {
            throw DatasetError.unreadable(path: path, reason: ReadOnlyFile.errnoText())
        }
        defer { gzclose(gz) }
        var template = Array((NSTemporaryDirectory() + "/spikebar-idx-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw DatasetError.unreadable(path: path, reason: "cannot create a temporary file to inflate into: \(ReadOnlyFile.errnoText())")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        var handedOver = false
        defer { if !handedOver { close(fd) } }
        let chunk = 1 << 18
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = buffer.withUnsafeMutableBytes { gzread(gz, $0.baseAddress, UInt32(chunk)) }
            if n < 0 || (n == 0 && gzeof(gz) == 0) {
                var code: CInt = 0
                let message = gzerror(gz, &code).map { String(cString: $0) } ?? "read error"
                throw DatasetError.badIDX(path: path, reason: "bad gzip data (\(message))")
            }
            if n == 0 { break }
            var written = 0
            while written < Int(n) {
                let w = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + written, Int(n) - written) }
                if w < 0 && errno == EINTR { continue }
                guard w > 0 else {
                    throw DatasetError.unreadable(path: path, reason: "cannot write the inflated copy: \(ReadOnlyFile.errnoText())")
                }
                written += w
            }
        }
        // zlib stops quietly at a truncated stream's end; gzerror then reports it.
        var code: CInt = 0
        let message = gzerror(gz, &code).map { String(cString: $0) } ?? ""
        guard code == Z_OK || code == Z_STREAM_END else {
            throw DatasetError.badIDX(path: path, reason: "bad gzip data (\(message.isEmpty ? "zlib error \(code)" : message))")
        }
        handedOver = true  // ReadOnlyFile owns (and on failure closes) the descriptor
        return try ReadOnlyFile(descriptor: fd, path: path)
    }

    /// Opens `path` for reading by offset: in place when plain, through an inflated copy
    /// when gzip'd.
    static func open(path: String) throws -> ReadOnlyFile {
        let file = try ReadOnlyFile(path: path)
        return try isGzip(file) ? inflate(path: path) : file
    }
}

import LineProtocol
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An open file read by offset (`pread`), never held in memory: the storage behind the
/// streaming sample readers. Closed when released.
public final class ReadOnlyFile {
    /// The path it was opened from (or the original of an inflated copy), for messages.
    public let path: String
    let descriptor: CInt
    /// Size in bytes.
    public let byteCount: Int

    /// Opens `path` for reading; a failure is ``DatasetError/unreadable(path:reason:)``.
    public convenience init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw DatasetError.unreadable(path: path, reason: Self.errnoText()) }
        try self.init(descriptor: fd, path: path)
    }

    /// Takes ownership of an open descriptor.
    init(descriptor: CInt, path: String) throws {
        var st = stat()
        guard fstat(descriptor, &st) == 0 else {
            let reason = Self.errnoText()
            close(descriptor)
            throw DatasetError.unreadable(path: path, reason: reason)
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw DatasetError.unreadable(path: path, reason: "not a regular file")
        }
        self.descriptor = descriptor
        self.path = path
        byteCount = Int(st.st_size)
    }

    deinit { close(descriptor) }

    /// Reads `count` bytes at `offset` into `buffer` (resized to `count`); fewer bytes than
    /// asked (the file shrank) is ``DatasetError/unreadable(path:reason:)``.
    public func read(at offset: Int, count: Int, into buffer: inout [UInt8]) throws {
        if buffer.count != count { buffer = [UInt8](repeating: 0, count: count) }
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + done, count - done, off_t(offset + done))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw DatasetError.unreadable(path: path, reason: Self.errnoText())
            }
            guard n > 0 else {
                throw DatasetError.unreadable(path: path, reason: "ends at byte \(offset + done), \(count - done) bytes short (the file changed while reading?)")
            }
            done += n
        }
    }

    /// The bytes at `offset..<offset+count`.
    public func bytes(at offset: Int, count: Int) throws -> [UInt8] {
        var b = [UInt8]()
        try read(at: offset, count: count, into: &b)
        return b
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// A little-endian binary writer for checkpoints and digests. Pure: it only appends bytes.
///
/// Every stateful component writes its state through one of these in a fixed order; the
/// matching ``StateReader`` reads it back. The format is versioned by the component that
/// owns the blob (see `Checkpoint` in the I/O layer).
///
/// A digest-only writer (``init(digestOnly:)``) keeps no bytes: it folds each byte into the
/// running FNV-1a hash, so a digest of a large network needs no copy of its state (a
/// 784-512-10 network's state is 47 MB).
public struct StateWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    let digestOnly: Bool
    /// FNV-1a of everything written so far (kept only by a digest-only writer).
    public private(set) var digest: UInt64 = StateDigest.offsetBasis
    public init() { digestOnly = false }
    /// A writer that only hashes (``digest``); ``bytes`` stays empty.
    public init(digestOnly: Bool) { self.digestOnly = digestOnly }

    mutating func append(_ raw: UnsafeRawBufferPointer) {
        if digestOnly { digest = StateDigest.fold(digest, raw) } else { bytes.append(contentsOf: raw) }
    }

    public mutating func write(_ v: UInt64) {
        var x = v.littleEndian
        withUnsafeBytes(of: &x) { append($0) }
    }
    public mutating func write(_ v: Int) { write(UInt64(bitPattern: Int64(v))) }
    public mutating func write(_ v: Bool) {
        var x: UInt8 = v ? 1 : 0
        withUnsafeBytes(of: &x) { append($0) }
    }
    public mutating func write(_ v: Float) {
        var x = v.bitPattern.littleEndian
        withUnsafeBytes(of: &x) { append($0) }
    }
    public mutating func write(_ v: Double) { write(v.bitPattern) }
    /// A length-prefixed section tag, checked on read so a mismatched blob fails loudly.
    public mutating func tag(_ name: String) {
        let utf8 = Array(name.utf8)
        write(utf8.count)
        utf8.withUnsafeBytes { append($0) }
    }
    public mutating func write<T: BitwiseCopyable>(_ b: Buffer<T>) {
        write(b.count)
        append(UnsafeRawBufferPointer(start: b.pointer, count: b.count * MemoryLayout<T>.stride))
    }
    public mutating func write(_ a: [Float]) {
        write(a.count)
        a.withUnsafeBytes { append($0) }
    }
    public mutating func write(_ a: [UInt64]) {
        write(a.count)
        for v in a { write(v) }
    }
}

/// Errors reading a state blob back.
public enum StateError: Error, Equatable, Sendable, CustomStringConvertible {
    case truncated(at: Int, needed: Int)
    case tagMismatch(expected: String, found: String)
    case shapeMismatch(what: String, expected: Int, found: Int)
    case valueTooLarge(what: String, value: UInt64, limit: UInt64)

    public var description: String { detail + Self.hint }

    var detail: String {
        switch self {
        case let .truncated(at, needed): return "checkpoint truncated at byte \(at) (needed \(needed) more)"
        case let .tagMismatch(e, f): return "checkpoint section mismatch: expected '\(e)', found '\(f)'"
        case let .shapeMismatch(w, e, f): return "checkpoint \(w) has \(f) entries, the network needs \(e)"
        case let .valueTooLarge(w, v, l): return "checkpoint \(w) holds \(v), more than this build stores (\(l))"
        }
    }

    /// What a reader can do: checkpoints hold the state in this build's layout (no
    /// conversion between versions; the compact device state of #13 changed it).
    static let hint = " — the checkpoint does not match this build's state layout (written by another Spikebar version?); start a new run (`run` without --resume, `serve --fresh`)"
}

/// Reads what a ``StateWriter`` wrote, in the same order.
public struct StateReader: Sendable {
    let bytes: [UInt8]
    public private(set) var offset = 0
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public var isAtEnd: Bool { offset == bytes.count }

    mutating func need(_ n: Int) throws {
        if offset + n > bytes.count { throw StateError.truncated(at: offset, needed: offset + n - bytes.count) }
    }
    public mutating func readUInt64() throws -> UInt64 {
        try need(8)
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
        offset += 8
        return v
    }
    public mutating func readInt() throws -> Int { Int(Int64(bitPattern: try readUInt64())) }
    public mutating func readBool() throws -> Bool {
        try need(1); defer { offset += 1 }
        return bytes[offset] != 0
    }
    public mutating func readFloat() throws -> Float {
        try need(4)
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(bytes[offset + k]) << (8 * UInt32(k)) }
        offset += 4
        return Float(bitPattern: v)
    }
    public mutating func readDouble() throws -> Double { Double(bitPattern: try readUInt64()) }
    public mutating func expectTag(_ name: String) throws {
        let n = try readInt()
        try need(n)
        let found = String(decoding: bytes[offset..<offset + n], as: UTF8.self)
        offset += n
        if found != name { throw StateError.tagMismatch(expected: name, found: found) }
    }
    public mutating func read<T: BitwiseCopyable>(into b: Buffer<T>, _ what: String) throws {
        let n = try readInt()
        guard n == b.count else { throw StateError.shapeMismatch(what: what, expected: b.count, found: n) }
        let size = n * MemoryLayout<T>.stride
        try need(size)
        bytes.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(b.pointer).copyMemory(from: raw.baseAddress! + offset, byteCount: size)
        }
        offset += size
    }
    public mutating func readFloats() throws -> [Float] {
        let n = try readInt()
        try need(n * 4)
        var a = [Float](repeating: 0, count: n)
        for i in 0..<n { a[i] = try readFloat() }
        return a
    }
    public mutating func readUInt64s() throws -> [UInt64] {
        let n = try readInt()
        var a = [UInt64](); a.reserveCapacity(n)
        for _ in 0..<n { a.append(try readUInt64()) }
        return a
    }
}

/// FNV-1a, 64 bit (Fowler, Noll & Vo): a fast, stable, non-cryptographic digest of a
/// state blob. Same bytes, same digest, on every machine.
public enum StateDigest {
    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    /// Continues the FNV-1a hash `h` over `raw`.
    static func fold(_ h: UInt64, _ raw: UnsafeRawBufferPointer) -> UInt64 {
        var h = h
        for b in raw { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
    public static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { fold(offsetBasis, $0) }
    }
    public static func hex(_ bytes: [UInt8]) -> String { hex(digest: fnv1a(bytes)) }
    /// The 16-hex-digit form of a digest.
    public static func hex(digest h: UInt64) -> String {
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

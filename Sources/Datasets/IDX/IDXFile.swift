import LineProtocol
/// One IDX file (the MNIST family's format, LeCun et al. 1998): a 4-byte magic number
/// `0x00 0x00 TYPE NDIMS`, NDIMS big-endian 32-bit sizes, then the values, row-major.
/// Spikebar reads TYPE 0x08 (unsigned bytes), which every MNIST-family file uses. Records
/// (the slices along the first dimension) are read by offset, one at a time.
public struct IDXFile {
    public let file: ReadOnlyFile
    /// The sizes of every dimension; `dimensions[0]` is the number of records.
    public let dimensions: [Int]
    /// Bytes before the first value: 4 + 4 · NDIMS.
    public let headerBytes: Int

    /// Records (images or labels).
    public var count: Int { dimensions[0] }
    /// Bytes per record: the product of the dimensions after the first.
    public var recordBytes: Int { dimensions.dropFirst().reduce(1, *) }

    /// Opens `path` (plain or gzip'd) and checks its header against its size: a wrong magic
    /// number, a data type other than unsigned bytes, or a size that disagrees with the
    /// header (truncated, or trailing bytes) is ``DatasetError/badIDX(path:reason:)``.
    public init(path: String) throws {
        let file = try GzipInflate.open(path: path)
        func bad(_ reason: String) -> DatasetError { .badIDX(path: path, reason: reason) }
        guard file.byteCount >= 4 else { throw bad("truncated: \(file.byteCount) bytes, shorter than the 4-byte magic number") }
        let magic = try file.bytes(at: 0, count: 4)
        let magicText = "0x" + magic.map { byte in
            let h = String(byte, radix: 16)
            return h.count == 1 ? "0" + h : h
        }.joined()
        guard magic[0] == 0, magic[1] == 0, magic[3] >= 1 else {
            throw bad("wrong magic number \(magicText) (an IDX file starts 0x0000 0x08 NDIMS)")
        }
        guard magic[2] == 0x08 else {
            throw bad("magic number \(magicText): data type 0x\(String(magic[2], radix: 16)) is not unsigned bytes (0x08), the only type Spikebar reads")
        }
        let ndims = Int(magic[3])
        let headerBytes = 4 + 4 * ndims
        guard file.byteCount >= headerBytes else {
            throw bad("truncated: \(file.byteCount) bytes, shorter than the \(headerBytes)-byte header of \(ndims) dimensions")
        }
        let sizes = try file.bytes(at: 4, count: 4 * ndims)
        let dimensions = (0..<ndims).map { d in
            sizes[4 * d..<4 * d + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        let shape = dimensions.map(String.init).joined(separator: "×")
        // Sizes are read from the file: their product (records × bytes per record) must not
        // overflow, nor the bytes per record alone (a first dimension of 0 hides it).
        guard let record = Self.product(dimensions.dropFirst()), let expected = Self.product([dimensions[0], record]) else {
            throw bad("the header's sizes \(shape) overflow a byte count")
        }
        let actual = file.byteCount - headerBytes
        guard actual >= expected else {
            throw bad("truncated: the header promises \(shape) = \(expected) bytes of data, the file holds \(actual)")
        }
        guard actual == expected else {
            throw bad("\(actual - expected) bytes after the \(shape) values its header describes")
        }
        self.file = file
        self.dimensions = dimensions
        self.headerBytes = headerBytes
    }

    /// The product of `sizes`, or nil when it overflows `Int`.
    static func product(_ sizes: some Sequence<Int>) -> Int? {
        var p = 1
        for s in sizes {
            let (q, overflow) = p.multipliedReportingOverflow(by: s)
            if overflow { return nil }
            p = q
        }
        return p
    }

    /// Record `index` (0-based) into `buffer`.
    public func read(record index: Int, into buffer: inout [UInt8]) throws {
        precondition(index >= 0 && index < count, "record \(index) out of 0..<\(count)")
        try file.read(at: headerBytes + index * recordBytes, count: recordBytes, into: &buffer)
    }
}

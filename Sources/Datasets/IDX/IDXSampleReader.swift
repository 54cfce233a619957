import LineProtocol
import SpikingKit

/// An images + labels pair of IDX files (e.g. Fashion-MNIST's `train-images-idx3-ubyte.gz`
/// and `train-labels-idx1-ubyte.gz`) read record by record: sample `i` is image `i`, its
/// bytes divided by 255 (pixel values in [0, 1]) as one static frame of rows·columns values,
/// row-major, with label `i`. Nothing is held but one record buffer; gzip'd files are
/// inflated once into an unlinked temporary file (``GzipInflate``).
public final class IDXSampleReader: IndexedSampleReader {
    public let images: IDXFile
    public let labels: IDXFile
    public let source: String
    public let maxLabel: Int?
    var pixels: [UInt8] = []
    var label: [UInt8] = []

    public var count: Int { images.count }
    public var width: Int { images.recordBytes }

    /// Opens both files and checks them: each a valid IDX file, the labels one value per
    /// record, as many labels as images; else ``DatasetError/badIDX(path:reason:)``.
    public init(images imagesPath: String, labels labelsPath: String, source: String? = nil) throws {
        images = try IDXFile(path: imagesPath)
        labels = try IDXFile(path: labelsPath)
        self.source = source ?? "idx:\(imagesPath),\(labelsPath)"
        guard images.dimensions.count >= 2, images.recordBytes > 0 else {
            throw DatasetError.badIDX(path: imagesPath, reason: "an images file has at least 2 dimensions (count × values), this one \(images.dimensions.map(String.init).joined(separator: "×"))")
        }
        guard labels.recordBytes == 1 else {
            throw DatasetError.badIDX(path: labelsPath, reason: "a labels file has one value per record, this one \(labels.dimensions.map(String.init).joined(separator: "×"))")
        }
        guard labels.count == images.count else {
            throw DatasetError.badIDX(path: labelsPath, reason: "\(labels.count) labels for the \(images.count) images of \(imagesPath)")
        }
        guard images.count > 0 else { throw DatasetError.badIDX(path: imagesPath, reason: "no images") }
        // The largest label, read in chunks.
        var top = 0
        var chunk: [UInt8] = []
        var start = 0
        while start < labels.count {
            let n = min(1 << 16, labels.count - start)
            try labels.file.read(at: labels.headerBytes + start, count: n, into: &chunk)
            top = max(top, Int(chunk.max() ?? 0))
            start += n
        }
        maxLabel = top
    }

    public func sample(at index: Int) throws -> Sample {
        try images.read(record: index, into: &pixels)
        try labels.read(record: index, into: &label)
        var values = [Float](repeating: 0, count: pixels.count)
        for k in 0..<pixels.count { values[k] = Float(pixels[k]) / 255 }
        var s = Sample(features: values, label: Int(label[0]))
        s.line = index + 1
        return s
    }
}

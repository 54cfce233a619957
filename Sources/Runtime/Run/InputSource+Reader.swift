import LineProtocol
import Datasets

extension InputSource {
    /// A reader that streams this input's samples by position (not for stdin, which is read
    /// as it arrives). Text files and bundled datasets are CSV/NDJSON lines
    /// (``TextSampleReader``), `idx:` inputs an images + labels pair (``IDXSampleReader``).
    public func openReader(channels: Int?) throws -> IndexedSampleReader {
        switch self {
        case let .bundled(b):
            return try TextSampleReader(path: b.url.path, source: b.fileName, channels: channels ?? impliedChannels)
        case let .file(p):
            return try TextSampleReader(path: p, channels: channels ?? impliedChannels)
        case let .idx(spec):
            if let channels {
                throw DatasetError.unreadable(path: description, reason: "--channels \(channels) does not apply to IDX images (each image is one static frame)")
            }
            let pair = try IDXPair.resolve(spec)
            return try IDXSampleReader(images: pair.images, labels: pair.labels, source: description)
        case .stdin:
            preconditionFailure("stdin is streamed as it arrives, not opened by position")
        }
    }
}

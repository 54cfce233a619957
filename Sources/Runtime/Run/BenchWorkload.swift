import LineProtocol
import Datasets
import Foundation

/// What `spikebar bench` streams through the learner.
public enum BenchWorkload: String, CaseIterable, Sendable {
    /// The bundled digits stream (64 inputs), held in memory: the network the configuration
    /// gives (64-128-10 by default).
    case digits
    /// Fashion-MNIST's 60,000 training images (784 inputs) streamed from the IDX files of
    /// Debian's `dataset-fashion-mnist`, on a 784-512-10 network (issue #13's workload).
    case fashionMNIST = "fashion-mnist"

    /// Where Debian's `dataset-fashion-mnist` installs its IDX files; `SPIKEBAR_FASHION_MNIST`
    /// points elsewhere.
    public static var fashionMNISTFolder: String {
        ProcessInfo.processInfo.environment["SPIKEBAR_FASHION_MNIST"] ?? "/usr/share/datasets/fashion-mnist"
    }

    /// The `--set` overrides the workload implies, applied before the user's own.
    public var configSets: [String] {
        switch self {
        case .digits: return []
        case .fashionMNIST: return ["network.layers=784,512,10"]
        }
    }

    /// The workload's samples. Fashion-MNIST missing is an error that says how to install it.
    public func reader() throws -> IndexedSampleReader {
        switch self {
        case .digits:
            return try InputSource.bundled(.digits).openReader(channels: nil)
        case .fashionMNIST:
            let folder = Self.fashionMNISTFolder
            guard (try? IDXPair.resolve(folder)) != nil else {
                throw DatasetError.unreadable(path: folder, reason: "Fashion-MNIST is not installed there; install it with `scripts/setup --fashion-mnist` (Debian package dataset-fashion-mnist), or point SPIKEBAR_FASHION_MNIST at a folder holding train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz]")
            }
            return try InputSource.idx(folder).openReader(channels: nil)
        }
    }
}

/// One of `spikebar bench`'s two measurements, for `--only` (e.g. under a profiler).
public enum BenchMode: String, CaseIterable, Sendable {
    /// Inference and learning on every sample.
    case learn
    /// Inference alone, learning off.
    case infer
}

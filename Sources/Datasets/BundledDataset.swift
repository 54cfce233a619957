import Foundation
import LineProtocol
import SpikingKit

/// The real datasets that ship inside Spikebar as package resources, with their provenance
/// (full details in `Sources/Datasets/Resources/PROVENANCE.md`).
public enum BundledDataset: String, CaseIterable, Sendable {
    /// UCI optical digits (8×8, 10 classes), the 1797-sample copy in scikit-learn 1.7.2,
    /// values divided by 16 and in the fixed shuffled order `RandomState(0).permutation`.
    /// The reference stream of the public comparisons.
    case digits = "digits"
    /// UEA BasicMotions (smartwatch accelerometer + gyroscope, 6 channels × 100 steps at
    /// 10 Hz, 4 classes), training split (40 samples, grouped by class), from aeon 1.3.0.
    case basicMotionsTrain = "basicmotions-train"
    /// The test split (40 samples).
    case basicMotionsTest = "basicmotions-test"

    /// File name inside the resource bundle.
    public var fileName: String {
        switch self {
        case .digits: return "digits_stream.csv"
        case .basicMotionsTrain: return "BasicMotions_train.csv"
        case .basicMotionsTest: return "BasicMotions_test.csv"
        }
    }

    /// Channels of a temporal dataset (nil for static samples).
    public var channels: Int? {
        switch self {
        case .digits: return nil
        case .basicMotionsTrain, .basicMotionsTest: return 6
        }
    }

    /// One line of provenance, printed with results.
    public var provenance: String {
        switch self {
        case .digits:
            return "UCI Optical Recognition of Handwritten Digits (Alpaydin & Kaynak 1998), scikit-learn 1.7.2 copy, /16, RandomState(0) order"
        case .basicMotionsTrain, .basicMotionsTest:
            return "UEA BasicMotions (Bagnall et al. 2018, arXiv:1811.00075), aeon 1.3.0 copy"
        }
    }

    /// Where the file is: the resource bundle next to the executable.
    public var url: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: fileName, withExtension: nil, subdirectory: "Resources")
                ?? Bundle.module.url(forResource: fileName, withExtension: nil) else {
                throw DatasetError.missingResource(fileName)
            }
            return url
        }
    }

    /// Reads every sample, reshaped into `channels` when given (nil: the flat rows as
    /// static samples; pass ``channels`` for the dataset's own temporal shape).
    public func load(channels: Int?) throws -> [Sample] {
        try SampleFile.load(path: url.path, source: fileName, channels: channels)
    }
}

import LineProtocol
import Foundation

/// Where an `idx:` input's two files are. The argument after `idx:` is one of
/// - `IMAGES,LABELS`: the two paths;
/// - a directory: its `train-images-idx3-ubyte[.gz]` and `train-labels-idx1-ubyte[.gz]`;
/// - a prefix `DIR/NAME`: `DIR/NAME-images-idx3-ubyte[.gz]` and `DIR/NAME-labels-idx1-ubyte[.gz]`
///   (e.g. `/usr/share/datasets/fashion-mnist/t10k` for the test set).
public enum IDXPair {
    /// The images and labels paths of `spec` (the text after `idx:`). A missing file is
    /// ``DatasetError/unreadable(path:reason:)`` naming what was looked for.
    public static func resolve(_ spec: String) throws -> (images: String, labels: String) {
        let parts = spec.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2 {
            for p in parts where !FileManager.default.fileExists(atPath: p) {
                throw DatasetError.unreadable(path: p, reason: "no such file (IDX input idx:\(spec))")
            }
            return (parts[0], parts[1])
        }
        guard parts.count == 1, !spec.isEmpty else {
            throw DatasetError.unreadable(path: "idx:\(spec)", reason: "expected idx:DIR, idx:DIR/PREFIX or idx:IMAGES,LABELS")
        }
        var isDirectory: ObjCBool = false
        let prefix = FileManager.default.fileExists(atPath: spec, isDirectory: &isDirectory) && isDirectory.boolValue
            ? (spec.hasSuffix("/") ? spec : spec + "/") + "train" : spec
        return (try find(prefix + "-images-idx3-ubyte", spec: spec), try find(prefix + "-labels-idx1-ubyte", spec: spec))
    }

    /// `base` or `base.gz`, whichever exists (plain first).
    static func find(_ base: String, spec: String) throws -> String {
        for p in [base, base + ".gz"] where FileManager.default.fileExists(atPath: p) { return p }
        throw DatasetError.unreadable(path: base, reason: "missing (nor \((base as NSString).lastPathComponent).gz) for IDX input idx:\(spec)")
    }
}

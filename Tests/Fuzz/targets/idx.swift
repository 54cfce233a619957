// libFuzzer target `idx`: an images + labels pair of IDX files (plain or gzip'd), opened by
// IDXSampleReader as `--input idx:IMAGES,LABELS` opens them, then every sample read (up to
// 64). The input's first byte says where the images file ends (as a share of the rest); the
// two files are written to /dev/shm (the reader takes paths). Only thrown errors are
// allowed: a trap (an overflowing header size, an out-of-range read) is a crash.
import Datasets
import Foundation

let directory = "/dev/shm/spikebar-fuzz-idx-\(getpid())"
let imagesPath = directory + "/images", labelsPath = directory + "/labels"
let made: Bool = (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIDX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard made, size >= 1 else { return 0 }
    let rest = UnsafeBufferPointer(start: data + 1, count: size - 1)
    let cut = rest.count * Int(data[0]) / 255
    FileManager.default.createFile(atPath: imagesPath, contents: Data(rest[..<cut]))
    FileManager.default.createFile(atPath: labelsPath, contents: Data(rest[cut...]))
    guard let reader = try? IDXSampleReader(images: imagesPath, labels: labelsPath) else { return 0 }
    precondition(reader.count > 0 && reader.width > 0, "an opened IDX pair has no samples")
    for i in 0..<min(reader.count, 64) {
        guard let s = try? reader.sample(at: i) else { continue }
        precondition(s.values.count == reader.width, "sample \(i) has \(s.values.count) values, not \(reader.width)")
    }
    return 0
}

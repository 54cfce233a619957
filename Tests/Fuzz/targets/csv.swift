// libFuzzer target `csv`: a whole sample file (CSV with an optional header, or NDJSON), read
// by SampleFile as `spikebar run --input FILE` reads it, static and as 3-channel series.
import Datasets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for channels in [nil, 3] as [Int?] {
        if let samples = try? SampleFile.samples(in: text, source: "fuzz", channels: channels) {
            precondition(!samples.isEmpty, "a file read without error has no samples")
        }
    }
    return 0
}

import LineProtocol
import Datasets
import Foundation
import SpikingKit
import Testing

@Suite("Streaming text reader")
struct TextSampleReaderTests {
    @Test("the bundled files read line by line give exactly the samples of the whole-file loader")
    func sameAsWholeFile() throws {
        for (d, channels) in [(BundledDataset.digits, nil), (.basicMotionsTrain, 6), (.basicMotionsTest, 6), (.basicMotionsTest, nil)] as [(BundledDataset, Int?)] {
            let whole = try SampleFile.load(path: d.url.path, source: d.fileName, channels: channels)
            let reader = try TextSampleReader(path: d.url.path, source: d.fileName, channels: channels)
            #expect(reader.count == whole.count)
            #expect(reader.width == whole[0].width)
            #expect(reader.maxLabel == whole.compactMap(\.label).max())
            #expect(try reader.loadAll() == whole)
            // Random access: the last, then the first sample.
            #expect(try reader.sample(at: whole.count - 1) == whole.last!)
            #expect(try reader.sample(at: 0) == whole[0])
        }
    }

    @Test("header, blank lines, NDJSON, no final newline, lines longer than a read chunk")
    func formats() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spikebar-text-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = (0..<40_000).map { String(Float($0 % 7) / 7) }.joined(separator: ",")  // > 256 KiB
        let texts = [
            "label,f0,f1\n1,0.5,2\n\n,3,4\n",
            "{\"x\":[1,2],\"label\":3}\n{\"x\":[0.25,1]}",
            "2,\(long)\n\n1,\(long)\n0,\(long)",
        ]
        for (k, text) in texts.enumerated() {
            let path = folder.appendingPathComponent("f\(k).csv").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let reader = try TextSampleReader(path: path, source: "f.csv", channels: nil)
            #expect(try reader.loadAll() == SampleFile.samples(in: text, source: "f.csv", channels: nil))
        }
    }

    @Test("a bad line or an empty file fails on opening, naming the line, as the whole-file loader does")
    func errors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spikebar-text-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for text in ["label,a,b\n1,2,3\n1,2,x\n", "\n\n", "{\"cmd\":\"stats\"}\n"] {
            let path = folder.appendingPathComponent("bad.csv").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            var expected: DatasetError?
            do { _ = try SampleFile.samples(in: text, source: "bad.csv", channels: nil) } catch let e as DatasetError { expected = e }
            #expect(expected != nil)
            #expect(throws: expected!) { try TextSampleReader(path: path, source: "bad.csv", channels: nil) }
        }
    }
}

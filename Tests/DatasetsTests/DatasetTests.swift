import Datasets
import LineProtocol
import SpikingKit
import Testing

@Suite("Bundled datasets and CSV")
struct DatasetTests {
    @Test("the digits stream is bundled: 1797 samples × 64 values in [0, 1], labels 0…9")
    func digits() throws {
        let rows = try BundledDataset.digits.load(channels: nil)
        #expect(rows.count == 1797)
        #expect(rows.allSatisfy { $0.values.count == 64 && $0.values.allSatisfy { $0 >= 0 && $0 <= 1 } })
        #expect(Set(rows.compactMap(\.label)) == Set(0...9))
        #expect(rows[0].label == 2)  // the reference order starts with a 2
    }

    @Test("BasicMotions is bundled: 40 + 40 samples of 6 channels × 100 steps, 10 per class")
    func basicMotions() throws {
        for d in [BundledDataset.basicMotionsTrain, .basicMotionsTest] {
            let rows = try d.load(channels: nil)
            #expect(rows.count == 40)
            #expect(rows.allSatisfy { $0.values.count == 600 })
            for c in 0..<4 { #expect(rows.filter { $0.label == c }.count == 10) }
            let s = Sample(channelMajor: rows[0].values, channels: 6)!
            #expect(s.frameCount == 100 && s.channels == 6)
            #expect(s.values[1] == rows[0].values[100])  // frame 0, channel 1
        }
    }

    @Test("headers are optional, an empty label is unlabelled, a bad value names its line")
    func csvParsing() throws {
        let rows = try SampleFile.samples(in: "label,f0,f1\n1,0.5,2\n,3,4\n\n", source: "t.csv", channels: nil)
        #expect(rows.count == 2)
        var first = Sample(features: [0.5, 2], label: 1)
        first.line = 2
        #expect(rows[0] == first)
        #expect(rows[1].label == nil)
        #expect(try SampleFile.samples(in: "0,1,2\n", source: "t.csv", channels: nil).count == 1)
        #expect(throws: DatasetError.badLine(source: "t.csv", line: 3, reason: "feature 1 ('x') is not a number")) {
            try SampleFile.samples(in: "label,a,b\n1,2,3\n1,2,x\n", source: "t.csv", channels: nil)
        }
    }
}

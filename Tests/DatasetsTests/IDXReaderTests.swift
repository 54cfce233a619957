import LineProtocol
import Datasets
import Foundation
import SpikingKit
import Testing

@Suite("IDX files")
struct IDXReaderTests {
    @Test("plain and gzip'd pairs read back every pixel /255 and every label", arguments: [false, true])
    func readsPair(gzip: Bool) throws {
        let f = try IDXFixtures()
        defer { f.remove() }
        let (images, labels) = try f.writePair(prefix: "train", gzip: gzip)
        let reader = try IDXSampleReader(images: images, labels: labels)
        #expect(reader.count == 3 && reader.width == 6 && reader.maxLabel == 2)
        for i in 0..<3 {
            let s = try reader.sample(at: i)
            #expect(s.label == Int(IDXFixtures.labels[i]))
            #expect(s.values == (0..<6).map { Float(IDXFixtures.pixels[6 * i + $0]) / 255 })
            #expect(!s.isTemporal && s.line == i + 1)
        }
        // Random access in any order gives the same records.
        #expect(try reader.sample(at: 2) == (try reader.sample(at: 2)))
        #expect(try reader.sample(at: 0).values[5] == 50 / 255)
    }

    @Test("idx:DIR picks the train pair, idx:DIR/PREFIX and idx:IMAGES,LABELS name it, .gz found too")
    func resolvesSpecs() throws {
        let f = try IDXFixtures()
        defer { f.remove() }
        let train = try f.writePair(prefix: "train", gzip: true)
        let test = try f.writePair(prefix: "t10k", gzip: false)
        let dir = f.folder.path
        #expect(try IDXPair.resolve(dir) == train)
        #expect(try IDXPair.resolve(dir + "/t10k") == test)
        #expect(try IDXPair.resolve("\(test.images),\(train.labels)") == (test.images, train.labels))
    }

    @Test("a missing pair file names the file looked for")
    func missingPairFile() throws {
        let f = try IDXFixtures()
        defer { f.remove() }
        let (images, _) = try f.writePair(prefix: "train", gzip: false)
        try FileManager.default.removeItem(atPath: f.folder.appendingPathComponent("train-labels-idx1-ubyte").path)
        let base = f.folder.appendingPathComponent("train-labels-idx1-ubyte").path
        #expect(throws: DatasetError.unreadable(path: base, reason: "missing (nor train-labels-idx1-ubyte.gz) for IDX input idx:\(f.folder.path)")) {
            try IDXPair.resolve(f.folder.path)
        }
        #expect(throws: DatasetError.unreadable(path: "/nonexistent", reason: "no such file (IDX input idx:\(images),/nonexistent)")) {
            try IDXPair.resolve("\(images),/nonexistent")
        }
    }

    @Test("wrong magic, another data type, truncated data, trailing bytes: one error naming file and problem", arguments: [false, true])
    func badHeaders(gzip: Bool) throws {
        let f = try IDXFixtures()
        defer { f.remove() }
        let good = IDXFixtures.idx(dimensions: [3], values: IDXFixtures.labels)
        let cases: [([UInt8], String)] = [
            ([0x1F, 0x00, 0x08, 0x01, 0, 0, 0, 0], "wrong magic number 0x1f000801 (an IDX file starts 0x0000 0x08 NDIMS)"),
            (IDXFixtures.idx(dimensions: [3], values: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], type: 0x0C),
             "magic number 0x00000c01: data type 0xc is not unsigned bytes (0x08), the only type Spikebar reads"),
            (Array(good.dropLast()), "truncated: the header promises 3 = 3 bytes of data, the file holds 2"),
            (Array(good.prefix(6)), "truncated: 6 bytes, shorter than the 8-byte header of 1 dimensions"),
            (good + [7], "1 bytes after the 3 values its header describes"),
            // Found by scripts/fuzz idx: sizes whose product overflows trapped the reader.
            (IDXFixtures.idx(dimensions: [0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF], values: []),
             "the header's sizes 4294967295×4294967295×4294967295 overflow a byte count"),
            (IDXFixtures.idx(dimensions: [0, 0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF], values: []),
             "the header's sizes 0×4294967295×4294967295×4294967295 overflow a byte count"),
        ]
        for (k, (bytes, reason)) in cases.enumerated() {
            let path = try f.write("bad\(k)", bytes, gzip: gzip)
            #expect(throws: DatasetError.badIDX(path: path, reason: reason)) { try IDXFile(path: path) }
        }
    }

    @Test("label count ≠ image count, labels of more than one value, a truncated gzip stream")
    func badPairs() throws {
        let f = try IDXFixtures()
        defer { f.remove() }
        let (images, _) = try f.writePair(prefix: "train", gzip: false)
        let short = try f.write("short-labels", IDXFixtures.idx(dimensions: [2], values: [1, 2]))
        #expect(throws: DatasetError.badIDX(path: short, reason: "2 labels for the 3 images of \(images)")) {
            try IDXSampleReader(images: images, labels: short)
        }
        #expect(throws: DatasetError.badIDX(path: images, reason: "a labels file has one value per record, this one 3×2×3")) {
            try IDXSampleReader(images: images, labels: images)
        }
        // A gzip stream cut in the middle.
        let gz = try f.write("cut.gz", IDXFixtures.idx(dimensions: [3, 2, 3], values: IDXFixtures.pixels), gzip: true)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: gz))
        try bytes.prefix(bytes.count - 12).write(to: URL(fileURLWithPath: gz))
        #expect(throws: DatasetError.self) { try IDXFile(path: gz) }
        do { _ = try IDXFile(path: gz) } catch let DatasetError.badIDX(path, reason) {
            #expect(path == gz && reason.hasPrefix("bad gzip data") || reason.hasPrefix("truncated"))
        }
    }
}

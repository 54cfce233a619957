import LineProtocol
import Datasets
import Foundation
import Runtime
import Settings
import SpikingKit
import Testing

/// Runs read their inputs record by record; these check that what they read, and in which
/// order, is what the whole-file loaders gave.
@Suite("Streamed run inputs")
struct StreamedInputTests {
    func run(_ input: String, orderSeed: UInt32? = nil, limit: Int? = nil, shuffle: UInt64? = nil,
             passes: Int = 1, eval: String? = nil) throws -> RunSummary {
        let config = try ConfigLoader(configsDirectory: configsDirectory)
            .resolve(file: nil, sets: ["network.timesteps=4", "network.layers=0,16,0"])
        var request = RunRequest()
        request.input = InputSource(argument: input)
        request.orderSeed = orderSeed
        request.limit = limit
        request.shuffleSeed = shuffle
        request.passes = passes
        request.eval = eval.map(InputSource.init(argument:))
        request.progress = false
        return try RunSession(config: config, request: request).run()
    }

    @Test("the shuffle index gives each pass the order the sample shuffle gave")
    func shuffleOrder() throws {
        let samples = try BundledDataset.digits.load(channels: nil)
        let reader = try InputSource.bundled(.digits).openReader(channels: nil)
        let records = SampleOrder.records(count: reader.count, orderSeed: nil, limit: nil)
        #expect(records == Array(0..<1797))
        for pass in 0..<3 {
            let order = SampleOrder.pass(records, shuffleSeed: 7, pass: pass)
            let expected = shuffled(samples, seed: 7, pass: pass)
            #expect(order.map { samples[$0] } == expected)
            #expect(try order.prefix(50).map { try reader.sample(at: $0) } == Array(expected.prefix(50)))
        }
        #expect(SampleOrder.pass(records, shuffleSeed: nil, pass: 2) == records)
    }

    @Test("--order-seed takes NumPy's permutation, --limit its first N")
    func orderAndLimit() {
        // numpy.random.RandomState(1).permutation(10), printed by numpy 2.4.6.
        #expect(SampleOrder.records(count: 10, orderSeed: 1, limit: nil) == [2, 9, 6, 4, 0, 3, 1, 7, 8, 5])
        #expect(SampleOrder.records(count: 10, orderSeed: 1, limit: 4) == [2, 9, 6, 4])
        #expect(SampleOrder.records(count: 10, orderSeed: nil, limit: 3) == [0, 1, 2])
        #expect(SampleOrder.records(count: 3, orderSeed: nil, limit: 30) == [0, 1, 2])
    }

    @Test("an IDX run in NumPy order learns exactly what a CSV file of the same samples in that order learns")
    func idxRunMatchesCSV() throws {
        let folder = NSTemporaryDirectory() + "spikebar-idx-run-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // 10 images of 12 pixels (a fixed pseudo-random pattern), labels k mod 3.
        let n = 10, width = 12
        let pixels = (0..<n * width).map { UInt8(($0 * 97 + 31) % 256) }
        let labels = (0..<n).map { UInt8($0 % 3) }
        func idx(_ dims: [Int], _ values: [UInt8]) -> Data {
            var b: [UInt8] = [0, 0, 8, UInt8(dims.count)]
            for d in dims { b += [0, 0, UInt8(d >> 8), UInt8(d & 0xFF)] }
            return Data(b + values)
        }
        try idx([n, 3, 4], pixels).write(to: URL(fileURLWithPath: folder + "/train-images-idx3-ubyte"))
        try idx([n], labels).write(to: URL(fileURLWithPath: folder + "/train-labels-idx1-ubyte"))
        func csv(_ records: [Int], _ name: String) throws -> String {
            let text = records.map { i in
                ([String(labels[i])] + (0..<width).map { String(Float(pixels[i * width + $0]) / 255) }).joined(separator: ",")
            }.joined(separator: "\n")
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
            return folder + "/" + name
        }
        // RandomState(1).permutation(10), first 7; the evaluation in file order.
        let csvPath = try csv([2, 9, 6, 4, 0, 3, 1], "ordered.csv")
        let evalPath = try csv(Array(0..<n), "eval.csv")

        let fromIDX = try run("idx:\(folder)", orderSeed: 1, limit: 7, shuffle: 3, passes: 2, eval: "idx:\(folder)/train")
        let fromCSV = try run(csvPath, shuffle: 3, passes: 2, eval: evalPath)
        #expect(fromIDX.stateDigest == fromCSV.stateDigest)
        #expect(fromIDX.prequentialAccuracy == fromCSV.prequentialAccuracy && fromIDX.pulses == fromCSV.pulses)
        #expect(fromIDX.evalAccuracy == fromCSV.evalAccuracy)
        #expect(fromIDX.samples == 14 && fromIDX.evalSamples == 10)
        #expect((fromIDX.peakRSSBytes ?? 0) > 0)
    }
}

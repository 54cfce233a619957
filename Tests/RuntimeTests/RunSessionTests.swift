import AppTestSupport
import LineProtocol
import Runtime
import Settings
import Datasets
import Foundation
import Testing

let configsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Configs").path

/// The first `count` lines of the bundled digits stream, as a temporary CSV file.
func digitsSubset(_ count: Int) throws -> String {
    let text = try String(contentsOf: BundledDataset.digits.url, encoding: .utf8)
    let lines = text.split(separator: "\n").prefix(count + 1)
    let path = NSTemporaryDirectory() + "spikebar-digits-\(count)-\(UUID().uuidString).csv"
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Suite("spikebar run sessions")
struct RunSessionTests {
    func summary(_ input: String, sets: [String] = [], passes: Int = 1, eval: String? = nil) throws -> RunSummary {
        let config = try ConfigLoader(configsDirectory: configsDirectory).resolve(file: nil, sets: sets)
        var request = RunRequest()
        request.input = InputSource(argument: input)
        request.passes = passes
        request.eval = eval.map(InputSource.init(argument:))
        request.progress = false
        return try RunSession(config: config, request: request).run()
    }

    @Test("a run is reproducible: same seed and input, same state digest and accuracy")
    func reproducible() throws {
        let path = try digitsSubset(150)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let a = try summary(path, sets: ["network.timesteps=8"])
        let b = try summary(path, sets: ["network.timesteps=8"])
        #expect(a.stateDigest == b.stateDigest)
        #expect(a.prequentialAccuracy == b.prequentialAccuracy)
        #expect(a.samples == 150 && a.layers == [64, 128, 10])
        let c = try summary(path, sets: ["network.timesteps=8", "seed=2"])
        #expect(c.stateDigest != a.stateDigest)
    }

    @Test("the summary's counts add up: pulses = SET + RESET, eval scores without learning")
    func summaryFields() throws {
        let path = try digitsSubset(120)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let s = try summary(path, sets: ["network.timesteps=4"], passes: 2, eval: path)
        #expect(s.samples == 240)
        #expect(s.pulses == s.setPulses + s.resetPulses)
        #expect(s.pulses > 0)
        #expect(s.evalAccuracy != nil && s.evalSamples == 120)
        #expect(s.lastPassAccuracy >= 0 && s.lastPassAccuracy <= 1)
        let json = try JSONSerialization.jsonObject(with: Data(s.json.utf8)) as? [String: Any]
        for key in ["samples", "prequentialAccuracy", "windowAccuracy", "lastPassAccuracy", "evalAccuracy", "pulses",
                    "setPulses", "resetPulses", "samplesPerSecond", "preset", "seed", "stateDigest"] {
            #expect(json?[key] != nil, "summary JSON has \(key)")
        }
    }

    @Test("a bad line stops the run with its line number")
    func badLine() throws {
        let path = NSTemporaryDirectory() + "spikebar-bad-\(UUID().uuidString).csv"
        try "label,f0,f1\n1,0.5,0.2\n0,0.1,oops\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try summary(path)
            Issue.record("expected an error")
        } catch let DatasetError.badLine(source, line, reason) {
            #expect(source == path && line == 3)
            #expect(reason.contains("oops"))
        }
    }
}

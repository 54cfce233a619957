import Foundation
import LineProtocol
import Runtime
import Settings
import Testing

/// The summaries' JSON, now written by the one ``JSONWriter``, against the bytes Foundation's
/// `JSONEncoder` (`.sortedKeys`) wrote before: a real run's summary and both energy estimates.
@Suite("summary JSON: the same bytes as JSONEncoder")
struct SummaryJSONTests {
    static func foundation(_ value: some Encodable) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        return String(decoding: try enc.encode(value), as: UTF8.self)
    }

    @Test("a run's summary (what --summary json prints and the database stores)")
    func runSummary() throws {
        let path = try digitsSubset(60)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let config = try ConfigLoader(configsDirectory: configsDirectory).resolve(file: nil, sets: ["network.timesteps=4"])
        var request = RunRequest()
        request.input = InputSource(argument: path)
        request.eval = InputSource(argument: path)
        request.progress = false
        let s = try RunSession(config: config, request: request).run()
        #expect(s.json == (try Self.foundation(s)))
        #expect(s.json.contains("\"stateDigest\":\"\(s.stateDigest)\""))
    }

    @Test("energy estimate results", arguments: EnergyEstimate.Mode.allCases)
    func estimate(mode: EnergyEstimate.Mode) throws {
        let loader = ConfigLoader(configsDirectory: configsDirectory)
        let (cost, _) = try loader.loadCost("spikesim-65nm")
        let (hardware, _) = try loader.loadPreset("rram")
        let r = try EnergyEstimate(sizes: [784, 256, 10], timesteps: 25, mode: mode, spikeRate: 0.1,
                                   cost: cost, hardware: hardware).run()
        #expect(r.json == (try Self.foundation(r)))
    }
}

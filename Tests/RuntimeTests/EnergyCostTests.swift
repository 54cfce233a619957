import AppTestSupport
import KitSupport
import Runtime
import Settings
import CrossbarKit
import DeviceKit
import Foundation
import Testing

let checkoutConfigs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Configs").path

@Suite("Energy: estimate command and run summary")
struct EnergyCostTests {
    let loader = ConfigLoader(configsDirectory: checkoutConfigs)

    func estimate(_ mode: EnergyEstimate.Mode, sizes: [Int] = [784, 256, 10], timesteps: Int = 25,
                  spikeRate: Double = 0.1) throws -> EnergyEstimate.Result {
        let (cost, _) = try loader.loadCost("spikesim-65nm")
        let (hardware, _) = try loader.loadPreset("rram")
        return try EnergyEstimate(sizes: sizes, timesteps: timesteps, mode: mode, spikeRate: spikeRate,
                                  cost: cost, hardware: hardware).run()
    }

    @Test("estimate --json has the documented keys, and its total is the sum of the breakdown", arguments: EnergyEstimate.Mode.allCases)
    func estimateJSON(mode: EnergyEstimate.Mode) throws {
        let r = try estimate(mode)
        let json = try jsonObject(r.json)
        for key in ["energyPicojoules", "latencyMicroseconds", "breakdown", "tops", "topsPerWatt", "topsPerSquareMillimetre"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        let breakdown = try #require(json["breakdown"] as? [String: Double])
        #expect(breakdown.count == EnergyBreakdown.fields.count)
        #expect(close(breakdown.values.reduce(0, +), try #require(json["energyPicojoules"] as? Double)))
        #expect(r.latencyMicroseconds > 0 && r.topsPerWatt > 0)
        #expect(r.text.contains("TOPS/W"))
    }

    @Test("dense estimate of 784-256-10 at T = 25 is SpikeSim's E_PE times its PE cycles")
    func denseMatchesSpikeSim() throws {
        let r = try estimate(.dense)
        // PE cycles per step: ⌈256/64⌉·⌈784/64⌉ + ⌈10/64⌉·⌈256/64⌉ = 4·13 + 1·4 = 56.
        let ePE = DenseCostModel(cost: CostPreset()).peCycleEnergy(kernel: 1).totalPicojoules
        #expect(close(r.energyPicojoules, 25 * 56 * ePE))
        #expect(close(r.latencyMicroseconds, 25 * 2 * 0.104))
    }

    @Test("event estimate: no spikes, no read energy but the neurons'")
    func silentInput() throws {
        let r = try estimate(.event, spikeRate: 0)
        #expect(r.breakdown.readPicojoules == 0)
        #expect(r.breakdown.neuronPicojoules > 0)
        #expect(r.energyPicojoules == r.breakdown.neuronPicojoules)
    }

    @Test("estimate rejects a spike rate outside 0…1 and a single layer size")
    func invalid() {
        #expect(throws: ConfigError.self) { try estimate(.event, spikeRate: 1.5) }
        #expect(throws: ConfigError.self) { try estimate(.event, sizes: [784]) }
    }

    @Test("a run's summary carries energy, breakdown, latency and throughput, consistently")
    func runSummary() throws {
        let samples = try InputSource(argument: "digits").loadAll(channels: nil).prefix(40)
        let csv = samples.map { s in ([String(s.label ?? 0)] + s.values.map { "\($0)" }).joined(separator: ",") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("spikebar-energy-\(getpid()).csv").path
        try csv.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }

        var request = RunRequest()
        request.input = .file(file)
        request.progress = false
        let config = try loader.resolve(file: nil, sets: ["network.layers=0,32,10", "network.timesteps=4",
                                                              "hardware.writePath.accumulateThresholdSteps=1"])
        let s = try RunSession(config: config, request: request).run()
        #expect(s.costPreset == "spikesim-65nm")
        #expect(close(s.energyPicojoules, s.energyBreakdown.totalPicojoules))
        #expect(close(s.energyPicojoulesPerSample * 40, s.energyPicojoules))
        let b = s.energyBreakdown
        #expect(b.readPicojoules > 0 && b.neuronPicojoules > 0 && b.learningLogicPicojoules > 0)
        #expect(b.writePulsesPicojoules > 0, "rram learning sends pulses")
        #expect(close(s.latencyBreakdown.readSeconds, 4 * 2 * 104e-9), "T·L PE cycles of 104 ns per sample")
        #expect(s.latencyBreakdown.learningSeconds > 0 && s.latencyBreakdown.writeSeconds > 0)
        #expect(close(s.latencyBreakdown.totalSeconds * 1e6, s.latencyMicroseconds))
        #expect(s.tops > 0 && s.topsPerWatt > 0 && s.topsPerSquareMillimetre > 0 && s.areaSquareMillimetres > 0)
        let json = try jsonObject(s.json)
        for key in ["energyPicojoules", "energyBreakdown", "latencyMicroseconds", "tops", "topsPerWatt", "topsPerSquareMillimetre"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(s.text.contains("nJ/sample"))
    }
}

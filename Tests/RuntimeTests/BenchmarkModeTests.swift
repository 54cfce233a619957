import LineProtocol
import Runtime
import Settings
import Testing

/// `spikebar bench --only`: the mode left out is reported as not measured, never as a rate
/// computed from no work.
@Suite("bench --only")
struct BenchmarkModeTests {
    func result(only: BenchMode?) throws -> Benchmark.Result {
        let config = try ConfigLoader(configsDirectory: configsDirectory)
            .resolve(file: nil, sets: ["network.timesteps=2", "network.layers=0,16,10"])
        return try Benchmark(config: config, samples: 3, only: only, repeats: 1).run()
    }

    @Test("--only infer leaves the learning results out of the table and the JSON")
    func inferOnly() throws {
        let r = try result(only: .infer)
        #expect(r.learnSamplesPerSecond == nil && r.nsPerSynapticOp == nil && r.macsPerSample == nil && r.pulsesPerSample == nil)
        #expect((r.inferSamplesPerSecond ?? 0) > 0)
        #expect(!r.json.contains("learnSamplesPerSecond") && r.json.contains("\"inferSamplesPerSecond\""))
        #expect(r.table.contains("learn           not measured (--only infer)"))
    }

    @Test("--only learn leaves the inference results out; no --only measures both")
    func learnOnlyAndBoth() throws {
        let learn = try result(only: .learn)
        #expect(learn.inferSamplesPerSecond == nil && learn.inferNsPerSynapticOp == nil)
        #expect((learn.learnSamplesPerSecond ?? 0) > 0 && (learn.macsPerSample ?? 0) > 0)
        #expect(learn.table.contains("infer           not measured (--only learn)"))
        let both = try result(only: nil)
        #expect((both.learnSamplesPerSecond ?? 0) > 0 && (both.inferSamplesPerSecond ?? 0) > 0)
        #expect(!both.table.contains("not measured"))
    }
}

import AppTestSupport
import Foundation
import Testing

/// `spikebar run --model`: the NIR import end to end, and its refusals (one line, exit 2).
@Suite("spikebar run --model (NIR)")
struct ModelCommandLineTests {
    static let fixture = Repo.root.appendingPathComponent("Tests/NIRTests/Fixtures/digits-64-128-10.nir").path
    /// The fixture was trained on the default encoder's output; learning rates 0 keep the weights.
    static let inference = ["--set", "learning.learningRate=0",
                            "--set", "learning.readoutLearningRate=0", "--db", "none", "--no-progress", "--configs", Repo.configs]

    @Test("the trained fixture runs on ideal devices with its own shape and the file's dt; the summary shows NeuroBench's metrics")
    func runs() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let input = try dir.digits(200)
        let r = try SpikebarProcess.run(["run", "--input", input, "--model", Self.fixture, "--preset", "ideal",
                                         "--summary", "json"] + Self.inference, in: dir)
        try #require(r.status == 0, "\(r.stderr)")
        let s = try jsonObject(String(r.stdout.split(separator: "\n").last!))
        #expect(s["layers"] as? [Int] == [64, 128, 10])
        #expect((s["prequentialAccuracy"] as! Double) >= 0.95)
        #expect(s["pulses"] as? Double == 0)
        let nb = try #require(s["neuroBench"] as? [String: Any])
        #expect(nb["Footprint"] as? Int == 4 * (65 * 128 + 129 * 10 + 3))
        let programming = try #require(s["programming"] as? [String: Any])
        // Ideal devices, per-device program-and-verify: every pair exact after one write.
        #expect(programming["algorithm"] as? String == "iterative")
        #expect(programming["convergedPairs"] as? Int == 65 * 128 + 129 * 10)
        #expect(programming["exhaustedPairs"] as? Int == 0 && programming["maxPulsesPerPair"] as? Int == 1)
        #expect((programming["pulses"] as! Double) > 0 && (programming["energyPicojoules"] as! Double) > 0)
    }

    @Test("a corrupted file, a size that does not match the data, a dt the graph cannot take: one line on stderr, exit 2", arguments: [0, 1, 2])
    func refusals(_ which: Int) throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let input = try dir.digits(20)
        var args = ["run", "--input", input, "--model", Self.fixture] + Self.inference
        var expected = ""
        switch which {
        case 0:
            let bad = dir.path("bad.nir")
            try Data("garbage".utf8).write(to: URL(fileURLWithPath: bad))
            args[4] = bad
            expected = "not an HDF5 file"
        case 1:
            args += ["--set", "encoder.encoding=delta"]   // 2 lines per feature: 128 ≠ 64
            expected = "takes 64 inputs, the data gives 128 encoder lines"
        default:
            args += ["--nir-dt", "0.02"]   // dt > τ = 1 ms: no valid leak
            expected = "choose a smaller --nir-dt"
        }
        let r = try SpikebarProcess.run(args, in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains(expected), "\(r.stderr)")
    }

    @Test("export nir writes the recorded run's network as an HDF5 file; a run of a windowed readout is refused")
    func export() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let input = try dir.digits(30)
        let common = ["--input", input, "--no-progress", "--configs", Repo.configs, "--db", "runs.sqlite"]
        let run = try SpikebarProcess.run(["run", "--model", Self.fixture, "--preset", "ideal"] + common, in: dir)
        try #require(run.status == 0, "\(run.stderr)")
        let out = try SpikebarProcess.run(["export", "nir", "--db", "runs.sqlite", "--run", "1", "-o", "net.nir", "--configs", Repo.configs], in: dir)
        #expect(out.status == 0 && out.stdout.contains("wrote net.nir: network 64-128-10 at sample 30, dt 0.0001 s"), "\(out.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir.path("net.nir")))
        #expect(bytes.prefix(8) == Data([0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]))   // the HDF5 signature

        let windowed = try SpikebarProcess.run(["run", "--set", "network.readoutMode=mean"] + common, in: dir)
        try #require(windowed.status == 0, "\(windowed.stderr)")
        let refused = try SpikebarProcess.run(["export", "nir", "--db", "runs.sqlite", "--run", "2", "-o", "w.nir", "--configs", Repo.configs], in: dir)
        #expect(refused.status == 2 && refused.stderr.contains("has no NIR LI form"))
    }
}

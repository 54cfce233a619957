import AppTestSupport
import Settings
import Runtime
import Foundation
import SpikingKit
import Testing

/// Temporal input picks `Configs/temporal.yaml` when no `--config` is given; static input
/// keeps the built-in defaults (`Configs/default.yaml`); `--config` wins; the summary names
/// the file; bad temporal keys are one error line naming the key.
@Suite struct TemporalDefaultsTests {
    /// A tiny temporal set: 2 classes, rows `label,f0..f{2L−1}` (2 channels × L steps,
    /// channel-major), class 1 rising, class 0 falling, with trailing NaN padding on some rows.
    func temporalCSV(in dir: TempDir, rows: Int = 12, length: Int = 20) throws -> String {
        var lines = ["label," + (0..<(2 * length)).map { "f\($0)" }.joined(separator: ",")]
        for i in 0..<rows {
            let label = i % 2, valid = length - (i % 3)
            var values: [String] = []
            for c in 0..<2 {
                for t in 0..<length {
                    let x = Double(t) / Double(length) * (label == 1 ? 1 : -1) + 0.1 * Double(c) + 0.01 * Double(i)
                    values.append(t < valid ? String(x) : "nan")
                }
            }
            lines.append("\(label)," + values.joined(separator: ","))
        }
        let path = dir.path("temporal.csv")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func temporalInputPicksTemporalYaml() throws {
        let loader = Repo.loader
        let temporal = try loader.resolve(file: nil, temporal: true)
        #expect(temporal.configSource == "temporal.yaml")
        let file = try loader.resolve(file: Repo.configs + "/temporal.yaml")
        #expect(temporal.run == file.run, "the picked file is Configs/temporal.yaml itself")
        #expect(temporal.run.engine.network.readoutMode != .every && temporal.run.engine.encoder.delayLine.isEnabled)

        let plain = try loader.resolve(file: nil, temporal: false)
        #expect(plain.configSource == "default.yaml")
        #expect(plain.run == RunConfig(), "static input keeps the built-in defaults")
        let explicit = try loader.resolve(file: Repo.configs + "/basicmotions.yaml", temporal: true)
        #expect(explicit.configSource.hasSuffix("basicmotions.yaml"))
        #expect(explicit.run.engine.network.readoutMode == .every)
    }

    @Test func inputSourceKnowsTemporalInput() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let csv = try temporalCSV(in: dir)
        #expect(try !InputSource.file(csv).isTemporal(channels: nil))
        #expect(try InputSource.file(csv).isTemporal(channels: 2))
        #expect(try InputSource(argument: "basicmotions-train").isTemporal(channels: nil))
        #expect(try !InputSource(argument: "digits").isTemporal(channels: nil))
        let ndjson = dir.path("frames.ndjson")
        try "{\"frames\":[[1,2],[3,4]],\"label\":0}\n".write(toFile: ndjson, atomically: true, encoding: .utf8)
        #expect(try InputSource.file(ndjson).isTemporal(channels: nil))
    }

    @Test func runWithChannelsNamesTemporalYamlAndLearns() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let csv = try temporalCSV(in: dir)
        let run = try SpikebarProcess.run(["run", "--input", csv, "--channels", "2", "--passes", "3", "--shuffle", "1",
                                           "--eval", csv, "--db", "none", "--no-progress", "--summary", "json",
                                           "--configs", Repo.configs, "--set", "network.layers=0,64,0"], in: dir)
        try #require(run.status == 0, "\(run.stderr)")
        let summary = try JSONDecoder().decode(RunSummary.self, from: Data(run.lastLine.utf8))
        #expect(summary.config == "temporal.yaml")
        #expect((summary.evalAccuracy ?? 0) >= 0.9, "a rising/falling ramp is learnt")

        let digits = try dir.digits(20)
        let plain = try SpikebarProcess.run(["run", "--input", digits, "--db", "none", "--no-progress",
                                             "--configs", Repo.configs, "--set", "network.timesteps=4"], in: dir)
        #expect(plain.status == 0 && plain.stdout.contains("config           default.yaml"))
    }

    @Test(arguments: [
        ("network.readoutMode=sometimes", "network.readoutMode"),
        ("network.readoutWindowSteps=0", "network.readoutWindowSteps"),
        ("encoder.delayLine.taps=-2", "encoder.delayLine.taps"),
        ("encoder.delayLine.dilations=1,0", "encoder.delayLine.dilations"),
        ("encoder.encoding=delta", "encoder.delayLine.taps"),
        ("encoder.scaling=perSeries", "encoder.scaling"),
    ])
    func badTemporalKeyIsOneLineNamingIt(set: String, key: String) throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let csv = try temporalCSV(in: dir, rows: 2)
        let run = try SpikebarProcess.run(["run", "--input", csv, "--channels", "2", "--db", "none", "--no-progress",
                                           "--configs", Repo.configs, "--set", set], in: dir)
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(key), "\(run.stderr)")
    }
}

import AppTestSupport
import Foundation
import Testing

/// `spikebar device fit` as a process: a curve the simulator measured fits back into a
/// preset `device curve --preset` runs; bad input is one error line, exit code 2.
@Suite struct DeviceFitCommandTests {
    @Test func fitsASimulatedCurveAndRefusesBadInput() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let cfg = ["--configs", Repo.configs]
        let curve = try SpikebarProcess.run(["device", "curve", "--model", "constantStep", "--set", "dwMin=0.02", "--set", "upDown=0.2",
                                             "--set", "dwMinStd=0.1", "--set", "wMin=-1", "--set", "wMax=1", "--w0=-1",
                                             "--devices", "1", "--up", "150", "--down", "150"] + cfg, in: dir)
        try #require(curve.status == 0, "\(curve.stderr)")
        try curve.stdout.write(toFile: dir.path("pulses.csv"), atomically: true, encoding: .utf8)

        let fit = try SpikebarProcess.run(["device", "fit", "--model", "constantStep", "--data", dir.path("pulses.csv"),
                                           "--name", "measured", "--output", dir.path("measured.yaml")], in: dir)
        try #require(fit.status == 0, "\(fit.stderr)")
        #expect(fit.stderr.hasPrefix("fit constantStep: dwMin ") && fit.stderr.contains("residual RMS"))
        let yaml = try String(contentsOfFile: dir.path("measured.yaml"), encoding: .utf8)
        #expect(yaml.contains("name: measured") && yaml.contains("model: constantStep"))
        let dwMin = try #require(yaml.split(separator: "\n").first { $0.hasPrefix("  dwMin:") }?
            .split(separator: " ").dropFirst().first.flatMap { Double($0) })
        #expect(abs(dwMin - 0.02) < 0.02 * 0.03, "\(dwMin)")
        let rerun = try SpikebarProcess.run(["device", "curve", "--preset", dir.path("measured.yaml"), "--up", "3", "--down", "0"] + cfg, in: dir)
        #expect(rerun.status == 0 && rerun.stdout.split(separator: "\n").count == 5)

        try "conductance\n1\n2\n".write(toFile: dir.path("one.csv"), atomically: true, encoding: .utf8)
        let one = try SpikebarProcess.run(["device", "fit", "--model", "softBounds", "--data", dir.path("one.csv")], in: dir)
        #expect(one.status == 2 && one.stdout.isEmpty)
        #expect(one.stderr == "spikebar: error: \(dir.path("one.csv")):1: needs a header with the columns direction and conductance (found: conductance)\n")
        let model = try SpikebarProcess.run(["device", "fit", "--model", "powStep", "--data", dir.path("pulses.csv")], in: dir)
        #expect(model.status == 2 && model.stderr.contains("cannot fit model 'powStep' (choices: constantStep, softBounds, expStep, neurosim)"))
    }
}

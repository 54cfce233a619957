import AppTestSupport
import Foundation
import Testing

/// `spikebar db export --table deviceWear` as a process: `--output` writes what stdout
/// would, and misuse is one error line with exit code 2.
@Suite struct DeviceWearCommandTests {
    @Test func exportsToAFileOrStdoutAndRefusesMisuse() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let db = dir.path("run.sqlite")
        let run = try SpikebarProcess.run(["run", "--input", try dir.digits(40), "--no-progress", "--db", db,
                                           "--configs", Repo.configs] + CommandLineTests.small, in: dir)
        try #require(run.status == 0, "\(run.stderr)")

        let base = ["db", "export", "--db", db, "--configs", Repo.configs, "--table", "deviceWear"]
        let stdout = try SpikebarProcess.run(base + ["--run", "1"], in: dir)
        try #require(stdout.status == 0, "\(stdout.stderr)")
        let lines = stdout.stdout.split(separator: "\n")
        #expect(lines.first == "layer,tileRow,tileCol,row,col,side,setPulses,resetPulses,wastedPulses,budgetPulses,failed,weight,conductanceSiemens")
        #expect(lines.count == 1 + 2 * (64 * 32 + 32 * 10))

        let file = dir.path("wear.csv")
        let toFile = try SpikebarProcess.run(base + ["--run", "1", "--output", file], in: dir)
        #expect(toFile.status == 0 && toFile.stdout.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == stdout.stdout)
        #expect(!FileManager.default.fileExists(atPath: file + ".partial"))

        let missing = try SpikebarProcess.run(base + ["--run", "7", "--output", dir.path("none.csv")], in: dir)
        #expect(missing.status == 2 && missing.stderr == "spikebar: error: \(db): run 7 not found\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path("none.csv")) && !FileManager.default.fileExists(atPath: dir.path("none.csv.partial")))
        let table = try SpikebarProcess.run(["db", "export", "--db", db, "--run", "1", "--table", "deviceWare"], in: dir)
        #expect(table.status == 2 && table.stderr.split(separator: "\n").count == 1)
        #expect(table.stderr.contains("no table 'deviceWare'") && table.stderr.contains("deviceWear"))
    }
}

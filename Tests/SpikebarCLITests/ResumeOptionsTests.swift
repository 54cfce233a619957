import AppTestSupport
import Foundation
import Testing

/// `spikebar run … --resume` (issue #15, item 7): the same command line with `--resume`
/// added resumes; an option that differs from the recorded run is refused, named, with both
/// values, and the run is left as it was.
@Suite struct ResumeOptionsTests {
    static let small = ["--set", "network.layers=0,32,10", "--set", "network.timesteps=8"]

    @Test func theSameCommandWithResumeAddedResumes() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        // Label 11 on line 57 crashes the run there (10 classes), leaving it resumable.
        let bad = try dir.digits(80, name: "bad.csv", replace: [57: "11," + Array(repeating: "0.5", count: 64).joined(separator: ",")])
        let good = try dir.digits(80, name: "good.csv")
        let db = dir.path("run.sqlite")
        let common = ["--no-progress", "--configs", Repo.configs, "--db", db, "--passes", "2", "--shuffle", "4",
                      "--seed", "5", "--preset", "rram"] + Self.small
        let first = try SpikebarProcess.run(["run", "--input", bad] + common, in: dir)
        try #require(first.status == 2, "\(first.stderr)")

        let differs = try SpikebarProcess.run(["run", "--input", good, "--resume"] + common
                                              + ["--passes", "3", "--seed", "6", "--set", "network.timesteps=9"], in: dir)
        #expect(differs.status == 2)
        #expect(differs.stderr.contains("--passes 3 (recorded: 2)"), "\(differs.stderr)")
        #expect(differs.stderr.contains("= 6 (recorded: 5)") && differs.stderr.contains("timesteps = 9 (recorded: 8)"), "\(differs.stderr)")
        #expect(!differs.stderr.contains("--shuffle"))
        let shuffle = try SpikebarProcess.run(["run", "--input", good, "--resume"] + common + ["--shuffle", "7"], in: dir)
        #expect(shuffle.status == 2 && shuffle.stderr.contains("--shuffle 7 (recorded: 4)"), "\(shuffle.stderr)")

        let resumed = try SpikebarProcess.run(["run", "--input", good, "--resume", "--summary", "json"] + common, in: dir)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming run 1 of \(db) at sample"))
        #expect(try jsonObject(resumed.lastLine)["samples"] as? Int == 160)
    }
}

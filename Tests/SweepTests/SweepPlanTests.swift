import Settings
import KitSupport
import Testing
@testable import Sweep

@Suite struct SweepPlanTests {
    static let text = """
        name: demo
        run: {input: digits, passes: 2, shuffle: 3}
        base: {network.timesteps: 8}
        grid:
          hardware.crossbar.adcBits: [4, 8]
          preset: [rram, ideal, pcm]
        random: {count: 2, seed: 7, keys: {learning.learningRate: {logUniform: [0.0001, 0.001]}}}
        seeds: [1, 2]
        """

    func plan(_ text: String = Self.text) throws -> SweepPlan {
        SweepPlan(spec: try SweepSpec(document: YAMLDocument(text: text, source: "demo.yaml")))
    }

    @Test func expandsGridRandomAndSeedsInOrder() throws {
        let p = try plan()
        #expect(p.runs.count == 2 * 3 * 2 * 2)
        #expect(p.axisKeys == ["hardware.crossbar.adcBits", "preset", "learning.learningRate", "seed"])
        // First axis slowest, seeds innermost.
        #expect(p.runs[0].axes.map(\.value)[0...1] == ["4", "rram"])
        #expect(p.runs[1].axes.last?.value == "2")
        #expect(p.runs[12].axes.first?.value == "8")
        #expect(p.runs.map(\.index) == Array(0..<24))
    }

    @Test func randomDrawsAreSeededAndInRange() throws {
        let a = try plan(), b = try plan()
        #expect(a == b)
        let rates = Set(a.runs.map { Double($0.axes[2].value)! })
        #expect(rates.count == 2)
        #expect(rates.allSatisfy { $0 >= 0.0001 && $0 < 0.001 })
        let other = try plan(Self.text.replacingOccurrences(of: "seed: 7", with: "seed: 8"))
        #expect(Set(other.runs.map { $0.axes[2].value }) != Set(a.runs.map { $0.axes[2].value }))
    }

    @Test func shardsPartitionTheRunsStably() throws {
        let p = try plan()
        for n in 1...5 {
            let shares = (0..<n).map { p.runs(in: Shard(index: $0, count: n)).map(\.index) }
            #expect(shares.flatMap { $0 }.sorted() == Array(0..<24))
            #expect(Set(shares.flatMap { $0 }).count == 24)
            for (i, share) in shares.enumerated() { #expect(share.allSatisfy { $0 % n == i }) }
        }
    }

    @Test func argumentsCarryRunOptionsBaseAndAxes() throws {
        let p = try plan()
        let args = p.arguments(of: p.runs[3], database: "/x/run.sqlite")
        #expect(args.starts(with: ["run", "--input", "digits", "--passes", "2", "--shuffle", "3"]))
        #expect(args.contains("network.timesteps=8"))
        #expect(args.contains("hardware.crossbar.adcBits=4"))
        #expect(args[args.firstIndex(of: "--preset")! + 1] == "rram")
        #expect(args[args.firstIndex(of: "--seed")! + 1] == "2")
        #expect(args.suffix(5) == ["--db", "/x/run.sqlite", "--summary", "json", "--no-progress"])
    }

    @Test(arguments: [("3/2", "index must be 0…1"), ("1/0", "count must be at least 1"), ("a/b", "INDEX/COUNT"), ("2", "INDEX/COUNT")])
    func badShardsAreRefused(text: String, why: String) {
        #expect(throws: SweepError.self) { try Shard(parsing: text) }
        do { _ = try Shard(parsing: text) } catch { #expect("\(error)".contains(why)) }
    }

    @Test(arguments: [
        ("name: x\ngrid: {network.timesteps: []}\n", "demo.yaml:2: grid axis 'network.timesteps' is empty"),
        ("name: x\ngridd: {a: [1]}\n", "demo.yaml:2: unknown sweep key 'gridd'"),
        ("name: x\ngrid: {network.timesteps: 8}\n", "must be a list of values"),
        ("name: x\nrun: {passes: zero}\n", "demo.yaml:2: 'run.passes' must be a whole number ≥ 1"),
        ("name: x\nseeds: [1, b]\n", "seeds must be whole numbers"),
        ("name: x\nrandom: {count: 2, keys: {a: {normal: [0, 1]}}}\n", "must be one of uniform"),
    ])
    func badSweepFilesNameThePlace(text: String, message: String) {
        do {
            _ = try SweepSpec(document: YAMLDocument(text: text, source: "demo.yaml"))
            Issue.record("accepted: \(text)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test func aValueOfTheWrongTypeIsFoundBeforeAnythingRuns() throws {
        let p = try plan("name: x\ngrid:\n  network.timesteps: [8, many]\n")
        let loader = try ConfigLoader.locate()
        do {
            try p.validate(loader: loader)
            Issue.record("accepted a non-number")
        } catch {
            #expect("\(error)".hasPrefix("demo.yaml:3: run 1:"), "\(error)")
        }
        let unknown = try plan("name: x\ngrid:\n  network.leek: [0.5]\n")
        #expect(throws: SweepError.self) { try unknown.validate(loader: loader) }
    }

    @Test func slurmScriptHasOneTaskPerShard() throws {
        let s = SlurmScript(tasks: 4, cpusPerTask: 2, memory: "1G", time: "00:10:00", partition: "debug",
                            executable: "/opt/spikebar", sweepFile: "/s/demo.yaml", outFolder: "/out/demo",
                            configsFolder: "/c", workingFolder: "/w", name: "demo")
        #expect(s.arrayScript.contains("#SBATCH --array=0-3\n"))
        #expect(s.arrayScript.contains("--shard \"$SLURM_ARRAY_TASK_ID/4\" --jobs 2 --resume --no-merge"))
        #expect(s.arrayScript.contains("#SBATCH --partition=debug"))
        #expect(s.mergeScript.contains("sweep merge --config /s/demo.yaml --out /out/demo"))
        #expect(s.submitScript.contains("--dependency=afterany:"))
    }
}

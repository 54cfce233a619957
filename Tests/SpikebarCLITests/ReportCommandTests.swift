import AppTestSupport
import Foundation
import Testing
import XMLTestSupport

/// `spikebar report` on a database written by `spikebar run`: the files of every format, every
/// SVG well-formed, a comparison, and clear errors. Runs the built binary (``SpikebarProcess``).
@Suite struct ReportCommandTests {
    static let small = ["--set", "network.layers=0,32,10", "--set", "network.timesteps=8", "--set", "recording.windowSamples=20"]

    /// Two recorded runs (rram and ideal) of 60 samples in `dir/db.sqlite`.
    static func recordTwoRuns(_ dir: TempDir) throws -> String {
        let input = try dir.digits(60)
        let db = dir.path("db.sqlite")
        for preset in ["rram", "ideal"] {
            let run = try SpikebarProcess.run(["run", "--input", input, "--no-progress", "--db", db, "--preset", preset,
                                               "--configs", Repo.configs] + small, in: dir)
            try #require(run.status == 0, "\(run.stderr)")
        }
        return db
    }

    static func report(_ args: [String], db: String, in dir: TempDir) throws -> (result: SpikebarProcess.Result, files: [String]) {
        let r = try SpikebarProcess.run(["report", "--db", db, "--configs", Repo.configs] + args, in: dir)
        return (r, r.stdout.split(separator: "\n").map(String.init))
    }

    @Test func everyFormatWritesItsFilesAndEverySVGIsWellFormed() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let db = try Self.recordTwoRuns(dir)

        // html, default folder and the latest run (2).
        let (html, htmlFiles) = try Self.report([], db: db, in: dir)
        try #require(html.status == 0, "\(html.stderr)")
        #expect(htmlFiles == ["Logs/report-2/report.html"])
        let page = try String(contentsOfFile: dir.path("Logs/report-2/report.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && !page.contains("http"))   // self-contained: nothing to fetch
        for svg in Self.inlineSVGs(page) { #expect(XMLCheck.problem(svg) == nil, "\(svg.prefix(200))") }
        #expect(Self.inlineSVGs(page).count >= 8)

        let (md, mdFiles) = try Self.report(["--run", "1", "--format", "md", "--out", "md", "--rate", "10"], db: db, in: dir)
        try #require(md.status == 0, "\(md.stderr)")
        #expect(mdFiles.contains("md/report.md"))
        let svgs = mdFiles.filter { $0.hasSuffix(".svg") }
        #expect(svgs.contains("md/accuracy.svg") && svgs.contains("md/wear-L0-T0-0-heatmap.svg"))
        let text = try String(contentsOfFile: dir.path("md/report.md"), encoding: .utf8)
        #expect(text.contains("at 10 samples/s"))
        for f in svgs {
            #expect(text.contains("(\(URL(fileURLWithPath: f).lastPathComponent))"), "report.md links \(f)")
            #expect(XMLCheck.problem(try String(contentsOfFile: dir.path(f), encoding: .utf8)) == nil, "\(f)")
        }

        let (csv, csvFiles) = try Self.report(["--run", "1", "--format", "csv", "--out", "csv"], db: db, in: dir)
        try #require(csv.status == 0, "\(csv.stderr)")
        for name in ["accuracy.csv", "energy.csv", "failures.csv", "lifetime.csv", "wear-tiles.csv", "hardware.csv"] {
            #expect(csvFiles.contains("csv/" + name))
        }
        let accuracy = try String(contentsOfFile: dir.path("csv/accuracy.csv"), encoding: .utf8).split(separator: "\n")
        #expect(accuracy.count == 1 + 3)   // header + windows ending at 20, 40, 60
    }

    /// The `<svg …>…</svg>` fragments of an HTML page.
    static func inlineSVGs(_ page: String) -> [String] {
        page.components(separatedBy: "<svg").dropFirst().compactMap { part in
            part.range(of: "</svg>").map { "<svg" + part[..<$0.upperBound] }
        }
    }

    @Test func runsAreComparedSideBySide() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let db = try Self.recordTwoRuns(dir)
        let (html, files) = try Self.report(["--runs", "1,2"], db: db, in: dir)
        try #require(html.status == 0, "\(html.stderr)")
        #expect(files == ["Logs/compare-1-2/comparison.html"])
        let (csv, csvFiles) = try Self.report(["--runs", "1, 2", "--format", "csv", "--out", "cmp"], db: db, in: dir)
        try #require(csv.status == 0, "\(csv.stderr)")
        #expect(csvFiles == ["cmp/comparison-accuracy.csv", "cmp/comparison.csv"])
        let rows = try String(contentsOfFile: dir.path("cmp/comparison.csv"), encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 3 && rows[1].hasPrefix("1,rram,") && rows[2].hasPrefix("2,ideal,"))
    }

    @Test func aMissingDatabaseOrRunIsAClearError() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let missing = try SpikebarProcess.run(["report", "--db", dir.path("nope.sqlite")], in: dir)
        #expect(missing.status == 2 && missing.stderr.contains("nope.sqlite: database file not found"))
        let db = try Self.recordTwoRuns(dir)
        let (run, _) = try Self.report(["--run", "9"], db: db, in: dir)
        #expect(run.status == 2 && run.stderr.contains("run 9 not found"))
        let (one, _) = try Self.report(["--runs", "1"], db: db, in: dir)
        #expect(one.status == 64 && one.stderr.contains("at least two run ids"))
        let (both, _) = try Self.report(["--run", "1", "--runs", "1,2"], db: db, in: dir)
        #expect(both.status == 64 && both.stderr.contains("either --run or --runs"))
        let (rate, _) = try Self.report(["--rate", "0"], db: db, in: dir)
        #expect(rate.status == 64 && rate.stderr.contains("--rate must be a positive"))
    }
}

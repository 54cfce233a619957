import AppTestSupport
import Datasets
import Foundation
import GRDB
import Store
import Testing

/// The daemon as a user runs it: a separate `spikebar serve` process on a Unix socket and
/// a TCP port, many clients at once, garbage, stats, SIGTERM, restart.
@Suite("spikebar serve end to end", .serialized)
struct DaemonEndToEndTests {
    /// The first `n` digits as NDJSON objects *without their closing brace*, so that a test
    /// can append fields (`+ ",\"id\":…}"`) or close them (`+ "}"`).
    static func digitsLines(_ n: Int) throws -> [String] {
        let text = try String(contentsOf: try BundledDataset.digits.url, encoding: .utf8)
        return Array(text.split(separator: "\n").dropFirst().prefix(n)).map { line in
            let fields = line.split(separator: ",")
            return "{\"x\":[\(fields.dropFirst().joined(separator: ","))],\"label\":\(fields[0])"
        }
    }

    func startServe(_ dir: TempDir, socket: String, db: String, metricsPort: Int = 0) throws -> (SpikebarProcess, Int) {
        let p = try SpikebarProcess.start(["serve", "--socket", socket, "--tcp", "127.0.0.1:0", "--db", db,
                                           "--metrics-port", String(metricsPort),
                                           "--log-file", "", "--set", "network.layers=64,128,10",
                                           "--configs", Repo.configs], in: dir, watchingStderr: true)
        let announced = p.stderrWatcher?.firstMatch(of: #"listening on tcp 127\.0\.0\.1:(\d+)"#,
                                                     before: Date().addingTimeInterval(20))
        if let announced, let port = Int(announced.split(separator: ":").last!) { return (p, port) }
        p.kill(SIGKILL)
        _ = try? p.wait()
        throw DaemonDidNotStart(log: (try? String(contentsOfFile: p.stderrPath, encoding: .utf8)) ?? "")
    }

    struct DaemonDidNotStart: Error { let log: String }

    func stopAndWait(_ p: SpikebarProcess) throws -> (status: Int32, seconds: Double) {
        let seconds = p.stop(SIGTERM, graceSeconds: 10)
        return (try p.wait().status, seconds)
    }

    @Test("8 clients × 1,000 samples in order, garbage answered line by line, stats, SIGTERM, restart")
    func manyClients() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let socket = dir.path("s.sock"), db = dir.path("d.sqlite")
        let lines = try Self.digitsLines(1000)
        let metricsPort = try LineClient.freePort()
        let (server, port) = try startServe(dir, socket: socket, db: db, metricsPort: metricsPort)

        // Eight concurrent clients, half on the Unix socket, half on TCP; each tags its lines.
        let results = ResultsBox(count: 8)
        DispatchQueue.concurrentPerform(iterations: 9) { c in
            if c == 8 {
                // A client that sends garbage: one error line per line, and the connection stays.
                guard let client = try? LineClient(unixPath: socket) else { return }
                client.send("not json\n{\"x\":[1,2]}\n{\"cmd\":\"fly\"}\n" + lines[0] + ",\"id\":\"ok\"}\n")
                client.finishSending()
                var answers: [String] = []
                while let a = client.readLine() { answers.append(a) }
                results.garbage = answers
                return
            }
            guard let client = c < 4 ? try? LineClient(unixPath: socket) : try? LineClient(port: port) else { return }
            let payload = lines.enumerated().map { k, l in l + ",\"id\":\"\(c)-\(k)\"}\n" }.joined()
            client.send(payload)
            client.finishSending()
            var ids: [String] = []
            while let a = client.readLine() {
                guard let obj = try? JSONSerialization.jsonObject(with: Data(a.utf8)) as? [String: Any] else { continue }
                ids.append(obj["id"] as? String ?? "?")
            }
            results.set(c, ids)
        }
        for c in 0..<8 {
            let ids = results.get(c)
            #expect(ids.count == 1000, "client \(c) got \(ids.count) answers")
            let expected = (0..<1000).map { "\(c)-\($0)" }
            let firstWrong = Array(zip(ids, expected)).firstIndex { $0.0 != $0.1 }
            #expect(firstWrong == nil, "client \(c): answer \(firstWrong ?? -1) out of order")
        }
        let garbage = results.garbage
        #expect(garbage.count == 4)
        let codes = garbage.prefix(3).compactMap { line -> String? in
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])
                .flatMap { ($0["error"] as? [String: Any])?["code"] as? String }
        }
        #expect(codes == ["bad_csv", "bad_dimension", "unknown_command"])
        #expect(garbage.last?.contains("\"id\":\"ok\"") == true && garbage.last?.contains("\"pred\"") == true)

        // Stats report the totals.
        let stats = try LineClient(port: port)
        stats.send("{\"cmd\":\"stats\"}\n")
        let reply = stats.readLine() ?? ""
        let s = ((try JSONSerialization.jsonObject(with: Data(reply.utf8))) as? [String: Any])?["stats"] as? [String: Any]
        #expect((s?["samples"] as? Int) == 8001)
        #expect((s?["errors"] as? Int) == 3)
        stats.finishSending()

        // Prometheus text and JSON status on 127.0.0.1.
        let metrics = try LineClient.httpGet(port: metricsPort, path: "/metrics")
        #expect(metrics.contains("spikebar_samples_total 8001\n") && metrics.contains("# TYPE spikebar_samples_total counter"))
        #expect(metrics.contains("spikebar_queue_depth "))
        #expect(metrics.contains("spikebar_pulses_total ") && metrics.contains("# HELP spikebar_pulses_total "))
        let statusPage = try LineClient.httpGet(port: metricsPort, path: "/status")
        #expect(statusPage.contains("\"samples\":8001"))

        // SIGTERM: exit 0 within 5 s, final checkpoint in the database.
        let (status, seconds) = try stopAndWait(server)
        #expect(status == 0)
        #expect(seconds < 5)
        let store = try RecordStore.openForReading(path: db)
        let run = try #require(try store.latestRun())
        #expect(run.status == .interrupted && run.input == "serve")
        let cp = try #require(try store.latestCheckpoint(runId: run.id!))
        #expect(cp.sequence == 8001)
        #expect(try store.integrityCheck() == ["ok"])

        // Restart: sequence numbers continue where they stopped.
        let (again, port2) = try startServe(dir, socket: socket, db: db)
        let c = try LineClient(port: port2)
        c.send(lines[1] + "}\n")
        let answer = c.readLine() ?? ""
        #expect(answer.hasPrefix("{\"seq\":8002,"), "got \(answer)")
        c.finishSending()
        #expect(try stopAndWait(again).status == 0)
    }

    @Test("a redirected file on stdin and a pipe on stdin both answer every line")
    func stdinFileAndPipe() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let csv = try dir.digits(50)
        for viaPipe in [false, true] {
            let p = Process()
            p.executableURL = try SpikebarProcess.executable()
            p.arguments = ["serve", "--stdin", "--db", "none", "--log-file", "", "--set", "network.layers=64,128,10",
                           "--configs", Repo.configs]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            if viaPipe {
                let input = Pipe()
                p.standardInput = input
                try p.run()
                input.fileHandleForWriting.write(try Data(contentsOf: URL(fileURLWithPath: csv)))
                try input.fileHandleForWriting.close()
            } else {
                p.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: csv))
                try p.run()
            }
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            let answers = String(decoding: data, as: UTF8.self).split(separator: "\n")
            #expect(p.terminationStatus == 0)
            #expect(answers.count == 50, "\(viaPipe ? "pipe" : "file"): \(answers.count) answers")
            #expect(answers.last?.hasPrefix("{\"seq\":50,") == true)
        }
    }
}

final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [[String]]
    private var garbageLines: [String] = []
    init(count: Int) { ids = Array(repeating: [], count: count) }
    func set(_ i: Int, _ v: [String]) { lock.withLock { ids[i] = v } }
    func get(_ i: Int) -> [String] { lock.withLock { ids[i] } }
    var garbage: [String] {
        get { lock.withLock { garbageLines } }
        set { lock.withLock { garbageLines = newValue } }
    }
}

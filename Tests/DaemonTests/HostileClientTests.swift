import AppTestSupport
import Daemon
import Foundation
import LineProtocol
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Hostile lines through a running daemon (issue #15, item 5): each is answered with its
/// error code in order, or its connection is closed cleanly; the engine keeps answering
/// every other client, and the sequence numbers go on.
@Suite("Hostile clients against spikebar serve", .serialized)
struct HostileClientTests {
    static func code(_ line: String) -> String? {
        ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])
            .flatMap { ($0["error"] as? [String: Any])?["code"] as? String }
    }

    @Test("1 MiB + 1, 10⁵-deep nesting, 1e400, invalid UTF-8, NUL, \\r\\n, half lines: each answered, none stalls")
    func hostileLines() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let socket = dir.path("s.sock")
        let e2e = DaemonEndToEndTests()
        let (server, port) = try e2e.startServe(dir, socket: socket, db: dir.path("d.sqlite"))
        defer { if server.isRunning { server.kill(SIGKILL) } }
        let sample = try DaemonEndToEndTests.digitsLines(1)[0]

        let c = try LineClient(unixPath: socket)
        var payload: [UInt8] = []
        payload += [UInt8](repeating: UInt8(ascii: "7"), count: (1 << 20) + 1) + [10]
        payload += Array(("{\"x\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}\n").utf8)
        payload += Array("{\"x\":[1e400],\"id\":\"big\"}\n".utf8)
        payload += Array("{\"x\":[1],\"id\":\"".utf8) + [0xC0, 0x80] + Array("\"}\n".utf8)
        payload += Array("{\"x\":[1]}".utf8) + [0, 10]
        payload += Array((sample + ",\"id\":\"crlf\"}\r\n").utf8)
        payload += Array("{\"x\":[1],\"label\":100000000000000000000}\n".utf8)
        payload += Array("1e400,1,2\n".utf8)
        payload += Array((sample + ",\"id\":\"last\"}\n").utf8)
        c.sendBytes(payload)
        var answers: [String] = []
        for _ in 0..<9 { answers.append(c.readLine() ?? "") }
        #expect(answers.prefix(5).map(Self.code) == ["line_too_long", "bad_json", "not_finite", "invalid_utf8", "bad_json"])
        #expect(answers[5].hasPrefix("{\"seq\":1,") && answers[5].contains("\"id\":\"crlf\""), "\(answers[5])")
        #expect(answers[6...7].map(Self.code) == ["bad_label", "bad_csv"])
        #expect(answers[8].hasPrefix("{\"seq\":2,") && answers[8].contains("\"id\":\"last\""), "\(answers[8])")

        // A half line then EOF: answered as a last line, then the connection closes.
        let half = try LineClient(port: port)
        half.send("{\"x\":[1,2,")
        half.finishSending()
        #expect(Self.code(half.readLine() ?? "") == "bad_json")
        #expect(half.readLine() == nil)

        // A half line then a hard close (no reading): the daemon drops it quietly.
        for _ in 0..<20 {
            let gone = try LineClient(unixPath: socket)
            gone.send(sample + ",\"id\":\"gone\"}\n" + "{\"x\":[1,")
        }

        // The first client is still served, and the engine goes on counting.
        c.send(sample + ",\"id\":\"after\"}\n")
        let after = c.readLine() ?? ""
        #expect(after.contains("\"id\":\"after\"") && after.contains("\"seq\":"), "\(after)")
        c.finishSending()
        #expect(c.readLine() == nil)
        #expect(try e2e.stopAndWait(server).status == 0)
    }

    @Test("/metrics: monotone totals are counters named …_total; every metric has HELP and TYPE")
    func prometheusConventions() {
        let stats = JSONValue.object([("samples", .number(8001, isInteger: true)), ("errors", .number(3, isInteger: true)),
                                      ("prequentialAccuracy", .number(0.5, isInteger: false)), ("learning", .bool(true)),
                                      ("preset", .string("rram")), ("someObserverField", .number(2.5, isInteger: false))])
        let text = MetricsServer.prometheus(stats)
        #expect(text == """
            # HELP spikebar_samples_total Samples processed (predicted, scored and learned) over the run.
            # TYPE spikebar_samples_total counter
            spikebar_samples_total 8001
            # HELP spikebar_errors_total Requests answered with an error.
            # TYPE spikebar_errors_total counter
            spikebar_errors_total 3
            # HELP spikebar_prequential_accuracy Prequential (test-then-train) accuracy over the run, 0 to 1.
            # TYPE spikebar_prequential_accuracy gauge
            spikebar_prequential_accuracy 0.5
            # HELP spikebar_learning 1 while learning is on.
            # TYPE spikebar_learning gauge
            spikebar_learning 1
            # HELP spikebar_some_observer_field The daemon's stats field 'someObserverField'.
            # TYPE spikebar_some_observer_field gauge
            spikebar_some_observer_field 2.5

            """)
        // Every sample line's metric has its HELP and TYPE lines just before it.
        let lines = text.split(separator: "\n")
        for (k, line) in lines.enumerated() where !line.hasPrefix("#") {
            let name = line.split(separator: " ")[0]
            #expect(k >= 2 && lines[k - 2].hasPrefix("# HELP \(name) ") && lines[k - 1].hasPrefix("# TYPE \(name) "))
            #expect(name.hasSuffix("_total") == lines[k - 1].hasSuffix(" counter"))
        }
    }
}

extension LineClient {
    /// Sends raw bytes (invalid UTF-8, NUL) as they are.
    func sendBytes(_ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }
}

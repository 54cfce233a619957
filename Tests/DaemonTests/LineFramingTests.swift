import AppTestSupport
import KitSupport
import LineProtocol
import Settings
import Daemon
import DeviceKit
import Datasets
import NIOCore
import NIOEmbedded
import Testing

/// Feeds `bytes` into a fresh decoder channel cut into chunks of `chunk` bytes and returns
/// every framed line it emits (EOF included).
func frame(_ bytes: [UInt8], chunk: Int, maxLineBytes: Int = 64) throws -> [FramedLine] {
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(LineFrameDecoder(maxLineBytes: maxLineBytes)))
    var start = 0
    while start < bytes.count {
        let end = min(bytes.count, start + chunk)
        try channel.writeInbound(channel.allocator.buffer(bytes: bytes[start..<end]))
        start = end
    }
    _ = try channel.finish()
    var out: [FramedLine] = []
    while let line: FramedLine = try channel.readInbound() { out.append(line) }
    return out
}

@Suite("Line framing over NIO (EmbeddedChannel)")
struct LineFramingTests {
    let text = "2,0.5,1\n{\"x\":[1,2],\"id\":\"a\"}\r\n\n{\"cmd\":\"stats\"}\nlast-without-newline"

    @Test("the same lines come out however the bytes are split", arguments: [1, 2, 3, 7, 13, 64, 10_000])
    func splitsAnywhere(chunk: Int) throws {
        let lines = try frame(Array(text.utf8), chunk: chunk)
        #expect(lines == [
            .line(Array("2,0.5,1".utf8)), .line(Array("{\"x\":[1,2],\"id\":\"a\"}".utf8)), .line([]),
            .line(Array("{\"cmd\":\"stats\"}".utf8)), .line(Array("last-without-newline".utf8)),
        ])
    }

    @Test("many lines in one buffer decode to the same samples as one by one")
    func manyPerBuffer() throws {
        let decoder = InputLineDecoder()
        let payload = (0..<200).map { "{\"x\":[\($0),1],\"label\":\($0 % 3)}" }.joined(separator: "\n") + "\n"
        let whole = try frame(Array(payload.utf8), chunk: 1 << 20, maxLineBytes: 1 << 16)
        let bytewise = try frame(Array(payload.utf8), chunk: 1, maxLineBytes: 1 << 16)
        #expect(whole == bytewise)
        #expect(whole.count == 200)
        for (k, f) in whole.enumerated() {
            guard case let .line(b) = f, case let .sample(s) = try decoder.decode(b) else { Issue.record("line \(k)"); continue }
            #expect(s.values == [Float(k), 1] && s.label == k % 3)
        }
    }

    @Test("an oversize line is reported once with its length and the stream goes on", arguments: [1, 5, 4096])
    func oversize(chunk: Int) throws {
        let long = String(repeating: "x", count: 150)
        let lines = try frame(Array("ok1\n\(long)\nok2\n".utf8), chunk: chunk, maxLineBytes: 64)
        #expect(lines == [.line(Array("ok1".utf8)), .tooLong(bytes: 150), .line(Array("ok2".utf8))])
    }

    @Test("invalid UTF-8 and bad JSON become error answers naming the problem")
    func badLines() throws {
        let decoder = InputLineDecoder()
        let lines = try frame([0x7B, 0xFF, 0x7D, 0x0A] + Array("{\"x\":[1,\n".utf8), chunk: 1)
        #expect(lines.count == 2)
        let requests = lines.enumerated().map { EngineRequest.decode($1, decoder: decoder, lineNumber: $0 + 1, maxLineBytes: 64) }
        guard case let .invalid(e1) = requests[0], case let .invalid(e2) = requests[1] else {
            Issue.record("expected two invalid requests"); return
        }
        #expect(e1.code == "invalid_utf8")
        #expect(e2.code == "bad_json")
    }
}

@Suite("Daemon configuration")
struct DaemonConfigTests {
    @Test("Configs/daemon.yaml decodes strictly; sources are required; host:port parses")
    func daemonYAML() throws {
        let doc = try YAMLDocument(path: Repo.configs + "/daemon.yaml")
        var d = DaemonConfig()
        try d.apply(doc.value)
        #expect(d.maxLineBytes == 1 << 20)
        #expect(throws: ConfigError.self) { try d.validateAll() }  // no source given
        d.tcp = "127.0.0.1:7070"
        try d.validateAll()
        #expect(DaemonConfig.parseHostPort("[::1]:80")! == ("::1", 80))
        #expect(DaemonConfig.parseHostPort("nohost") == nil)
    }
}

@Suite("Daemon settings precedence")
struct DaemonPrecedenceTests {
    @Test("defaults < daemon.yaml < SPIKEBAR_* environment < flags")
    func precedence() throws {
        let file = try YAMLDocument(text: "tcp: 127.0.0.1:7000\nmaxLineBytes: 4096\nlogLevel: debug\n", source: "daemon.yaml")
        let env = ["SPIKEBAR_TCP": "127.0.0.1:7100", "SPIKEBAR_METRICS_PORT": "9100", "SPIKEBAR_LOG_LEVEL": "error"]
        let flags = ConfigValue.map([ConfigEntry("tcp", .scalar("127.0.0.1:7200"))])
        let d = try DaemonConfig.resolve(file: file, environment: env, flags: flags)
        #expect(d.tcp == "127.0.0.1:7200")     // flag beats environment and file
        #expect(d.metricsPort == 9100)          // environment beats the default
        #expect(d.logLevel == "error")          // environment beats the file
        #expect(d.maxLineBytes == 4096)         // file beats the default
        #expect(d.maxInFlightPerClient == DaemonConfig().maxInFlightPerClient)
    }

    @Test("a bad environment value names the variable")
    func badEnvironment() {
        #expect(throws: ConfigFileError.self) {
            try DaemonConfig.resolve(file: nil, environment: ["SPIKEBAR_METRICS_PORT": "lots", "SPIKEBAR_STDIN": "true"], flags: .map([]))
        }
        do {
            _ = try DaemonConfig.resolve(file: nil, environment: ["SPIKEBAR_METRICS_PORT": "lots"], flags: .map([]))
        } catch let e as ConfigFileError {
            #expect(e.source.contains("SPIKEBAR_METRICS_PORT"))
        } catch { Issue.record("\(error)") }
    }
}

import AppTestSupport
import Daemon
import Foundation
import LineProtocol
import Logging
import NIOCore
import NIOEmbedded
import NIOPosix
import Runtime
import Settings
import Testing

/// The daemon inside the test process: the real services (engine, Unix-socket listener,
/// ingest) on loopback channels, clients on NIO's async channels. No process, no sleeping:
/// every wait is on an answer, a closed connection or the services' own return.
@Suite("the daemon in process")
struct InProcessDaemonTests {
    static let layers = "network.layers=64,128,10"

    /// Sample lines (NDJSON) of the bundled digits, each tagged with `id` = `prefix` + index.
    static func samples(_ n: Int, prefix: String) throws -> [String] {
        try DaemonEndToEndTests.digitsLines(n).enumerated().map { "\($1),\"id\":\"\(prefix)\($0)\"}" }
    }

    /// Builds the services on a Unix socket in `dir` (no database) and runs them in `body`'s
    /// task group; returns once `body` is done and the services have stopped.
    static func withDaemon(_ dir: TempDir, maxInFlight: Int = 256,
                           _ body: @Sendable (DaemonServices, String) async throws -> Void) async throws {
        var d = DaemonConfig()
        d.socket = dir.path("d.sock")
        d.logFile = ""
        d.maxInFlightPerClient = maxInFlight
        let services = try DaemonServices.start(config: try Repo.config([layers]), daemon: d, database: "none", fresh: true,
                                                configs: Repo.configs, version: "test", logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            await services.listeners.waitUntilListening()
            try await body(services, d.socket)
            await services.shutdown()
            try await group.waitForAll()
        }
    }

    /// An engine queue over a fresh engine (no recorder); built in a synchronous function.
    static func engineWithoutDatabase() throws -> EngineQueue {
        EngineQueue(core: EngineCore(config: try Repo.config([layers])))
    }

    @Test("interleaved clients each get every answer once, in their own order")
    func orderPerClient() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try await Self.withDaemon(dir) { _, socket in
            let clients = 4, perClient = 60
            let answers = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
                for c in 0..<clients {
                    group.addTask {
                        let client = try await TestLineClient.connect(unixPath: socket)
                        let lines = try Self.samples(perClient, prefix: "c\(c)-")
                        // Several writes per client, so the clients' lines interleave at the engine.
                        for chunk in stride(from: 0, to: perClient, by: 7) {
                            try await client.send(Array(lines[chunk..<min(chunk + 7, perClient)]))
                        }
                        return (c, try await client.receive(perClient))
                    }
                }
                var all: [Int: [String]] = [:]
                for try await (c, lines) in group { all[c] = lines }
                return all
            }
            var seqs = Set<Int>()
            for c in 0..<clients {
                let objects = try #require(answers[c]).map { try jsonObject($0) }
                #expect(objects.map { $0["id"] as? String } == (0..<perClient).map { "c\(c)-\($0)" })
                let seq = objects.compactMap { $0["seq"] as? Int }
                #expect(seq == seq.sorted() && seq.count == perClient)
                seqs.formUnion(seq)
            }
            #expect(seqs == Set(1...(clients * perClient)))
        }
    }

    @Test("a bad line is answered with its error code and the stream goes on")
    func badLineInTheStream() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try await Self.withDaemon(dir) { _, socket in
            let good = try Self.samples(3, prefix: "g")
            let client = try await TestLineClient.connect(unixPath: socket)
            try await client.send([good[0], "{\"x\":[1,2", good[1], "{\"x\":[0.5],\"label\":1,\"id\":\"short\"}",
                                   "{\"cmd\":\"nope\",\"id\":\"c\"}", good[2]])
            let objects = try await client.receive(6).map { try jsonObject($0) }
            #expect(objects.map { $0["id"] as? String } == ["g0", nil, "g1", "short", "c", "g2"])
            let codes = objects.map { ($0["error"] as? [String: Any])?["code"] as? String }
            #expect(codes == [nil, "bad_json", nil, "bad_dimension", "unknown_command", nil])
            #expect(objects.compactMap { $0["seq"] as? Int } == [1, 2, 3])
        }
    }

    @Test("graceful shutdown answers every accepted line, then closes the connection")
    func shutdownAnswersWhatWasAccepted() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try await Self.withDaemon(dir) { services, socket in
            let lines = try Self.samples(400, prefix: "s")
            let client = try await TestLineClient.connect(unixPath: socket)
            try await client.send(lines)
            _ = try await client.receive(1)  // the daemon is reading this client
            await services.shutdown()
            let rest = try await client.receiveUntilClosed()
            let ids = rest.map { try? jsonObject($0)["id"] as? String }
            // Answered in order, without gaps, up to where shutdown stopped reading; each
            // line the engine accepted got its answer before the connection closed.
            #expect(ids == (1..<(1 + rest.count)).map { "s\($0)" })
            #expect(services.engine.answered == 1 + rest.count)
        }
    }

    @Test("backpressure: a client with maxInFlight unanswered lines is not read until answers go out")
    func backpressure() async throws {
        let queue = try Self.engineWithoutDatabase()
        let reads = ReadCounter()
        let channel = NIOAsyncTestingChannel()
        try await channel.testingEventLoop.executeInContext {
            try channel.pipeline.syncOperations.addHandlers([
                reads, ConnectionHandler(queue: queue, decoder: InputLineDecoder(channels: nil), maxInFlight: 3, maxLineBytes: 1 << 20),
            ])
        }
        let lines = try Self.samples(3, prefix: "b")
        for l in lines { try await channel.writeInbound(FramedLine.line(Array(l.utf8))) }
        channel.pipeline.read()
        try await channel.testingEventLoop.executeInContext {}
        #expect(reads.count == 0)  // three in flight: the read is held back
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await queue.run() }
            for i in 0..<3 {
                let answer = try await channel.waitForOutboundWrite(as: ByteBuffer.self)
                #expect(try jsonObject(String(buffer: answer))["id"] as? String == "b\(i)")
            }
            try await channel.testingEventLoop.executeInContext {}
            #expect(reads.count == 1)  // room again: the held read went through
            queue.finish()
            try await group.waitForAll()
        }
        _ = try? await channel.finish()
    }
}

/// Counts the reads that reach the head of the pipeline (what the socket would see).
final class ReadCounter: ChannelOutboundHandler, @unchecked Sendable {
    // Safe: `count` is written on the channel's event loop only, and read by the test
    // after `executeInContext`, which orders it after every write.
    typealias OutboundIn = Any
    var count = 0
    func read(context: ChannelHandlerContext) {
        count += 1
        context.read()
    }
}

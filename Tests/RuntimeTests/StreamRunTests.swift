import AppTestSupport
import Datasets
import Foundation
import LineProtocol
import Runtime
import Settings
import SpikingKit
import Testing

@Suite("spikebar run over reading streams")
struct StreamRunTests {
    static let network = ["network.layers=0,32,4", "encoder.encoding=delta", "encoder.deltaThreshold=0.2", "network.bias=true"]

    func run(_ input: InputSource, sets: [String], passes: Int = 1, shuffle: UInt64? = nil, eval: InputSource? = nil) throws -> RunSummary {
        var request = RunRequest()
        request.input = input
        request.passes = passes
        request.shuffleSeed = shuffle
        request.eval = eval
        request.progress = false
        return try RunSession(config: try Repo.config(Self.network + sets), request: request).run()
    }

    /// The BasicMotions training series played as a stream (every series is 100 readings).
    func played(passes: Int, shuffle: UInt64?, dir: TempDir) throws -> String {
        var player = StreamPlayer()
        player.passes = passes
        player.shuffleSeed = shuffle
        var text = ""
        player.play(try BundledDataset.basicMotionsTrain.load(channels: 6)) { text += $0 + "\n" }
        let path = dir.path("stream.ndjson")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("windows of exactly one series each (W = H = 100) learn what the series as samples teach, bit for bit")
    func windowsAreSamples() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let samples = try run(.bundled(.basicMotionsTrain), sets: [], passes: 2, shuffle: 4)
        let stream = try run(.file(try played(passes: 2, shuffle: 4, dir: dir)),
                             sets: ["stream.mode=readings", "stream.window=100", "stream.hop=100"])
        #expect(stream.stateDigest == samples.stateDigest)
        #expect(stream.prequentialAccuracy == samples.prequentialAccuracy)
        #expect(stream.samples == 80 && stream.stream?.readings == 8000 && stream.stream?.windows == 80)
        #expect(stream.pulses == samples.pulses)
    }

    @Test("a reading rate turns readings into signal seconds and energy per second of signal")
    func signalTime() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try played(passes: 1, shuffle: nil, dir: dir)
        let s = try run(.file(path), sets: ["stream.mode=readings", "stream.readingsPerSecond=10", "stream.state=carry"])
        let st = try #require(s.stream)
        #expect(st.readings == 4000 && st.windows == StreamConfig().expectedAnswers(readings: 4000))
        #expect(st.signalSeconds == 400)
        let e = try #require(st.energyMicrojoulesPerSignalSecond)
        #expect(abs(e - s.energyPicojoules * 1e-6 / 400) <= 1e-9 * e)
    }

    @Test("a bad reading in a run file stops the run with its line number")
    func badLine() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("bad.ndjson")
        try (#"{"cmd":"label","label":1}"# + "\n" + #"{"r":[1,2,3,4,5,6]}"# + "\n" + #"{"r":[1,2]}"# + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect { try run(.file(path), sets: ["stream.mode=readings"]) } throws: { "\($0)".contains("3") && "\($0)".contains("bad_dimension") }
    }
}

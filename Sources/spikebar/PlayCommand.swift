import ArgumentParser
import Runtime
import Datasets
import Foundation

struct PlayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play whole temporal samples as one continuous reading stream (NDJSON on stdout).",
        discussion: """
        Series after series, one {"r":[…]} line per frame, a {"cmd":"label","label":L} event wherever \
        the label changes; pipe it into 'spikebar serve --stdin --set stream.mode=readings' or save it \
        for 'spikebar run'. With --eval, a flush, {"cmd":"eval","on":true}, the evaluation stream and \
        {"cmd":"eval","on":false} follow, so the daemon answers the evaluation accuracy last.
        """)

    @Option(help: "Series: a bundled dataset (basicmotions-train, basicmotions-test) or a CSV/NDJSON file.")
    var input: String = "basicmotions-train"

    @Option(help: "Reshape each flat channel-major row into this many channels (default: the dataset's).")
    var channels: Int?

    @Option(help: "Passes over the series (default 1).")
    var passes = 1

    @Option(help: "Shuffle the series of each pass with this seed (the order 'run --shuffle' uses).")
    var shuffle: UInt64?

    @Option(help: "After the passes, play this input with learning off (eval mode).")
    var eval: String?

    @Option(help: "Readings per second of real time (0 = as fast as the reader takes them).")
    var rate: Double = 0

    @Flag(help: "No label events: an unlabelled stream.")
    var noLabels = false

    func validate() throws {
        if passes < 1 { throw ValidationError("--passes must be at least 1") }
        if !(rate >= 0 && rate.isFinite) { throw ValidationError("--rate must be ≥ 0") }
    }

    /// Async so that `--rate` can wait on the clock between readings; errors are reported
    /// like every other command's.
    func run() async throws {
        do { try await execute() } catch { fail(error) }
    }

    func execute() async throws {
        let source = InputSource(argument: input)
        let series = try source.loadAll(channels: channels ?? source.impliedChannels)
        var player = StreamPlayer()
        player.passes = passes
        player.shuffleSeed = shuffle
        player.labels = !noLabels
        var out = PacedWriter(rate: rate)
        for line in player.lines(series) { try await out.write(line) }
        if let eval {
            let e = InputSource(argument: eval)
            try await out.write(#"{"cmd":"flush"}"#)
            try await out.write(#"{"cmd":"eval","on":true}"#)
            var once = StreamPlayer()
            once.labels = !noLabels
            let evalSeries = try e.loadAll(channels: channels ?? e.impliedChannels ?? source.impliedChannels)
            for line in once.lines(evalSeries) { try await out.write(line) }
            try await out.write(#"{"cmd":"eval","on":false}"#)
        }
        out.flush()
    }
}

/// Buffered stdout; with a rate, reading `k` (from 1) is released at the deadline
/// `start + k / rate` on the monotonic clock: each wait is until a fixed instant, so the time
/// spent writing never accumulates into drift. Commands are not readings and go out at once.
struct PacedWriter {
    let rate: Double
    var buffer: [UInt8] = []
    var sent = 0
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant

    init(rate: Double) {
        self.rate = rate
        start = clock.now
        buffer.reserveCapacity(1 << 16)
    }

    mutating func write(_ line: String) async throws {
        buffer.append(contentsOf: line.utf8)
        buffer.append(10)
        guard line.hasPrefix("{\"r\"") else { return }
        sent += 1
        if rate > 0 {
            flush()
            try await clock.sleep(until: start.advanced(by: .seconds(Double(sent) / rate)))
        } else if buffer.count >= 1 << 16 {
            flush()
        }
    }

    mutating func flush() {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

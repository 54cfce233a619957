import ArgumentParser
import Daemon
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Stream a file, stdin or a bundled dataset through predict → score → learn, then exit.",
        discussion: "With no input, runs the default configuration on the bundled digits stream.")

    @OptionGroup var options: ConfigOptions

    @Option(help: "Samples: a CSV/NDJSON file, '-' for stdin, or a bundled dataset (digits, basicmotions-train, basicmotions-test).")
    var input: String = "digits"

    @Option(help: "Passes over the input.")
    var passes: Int = 1

    @Option(help: "Shuffle each pass with this seed (a new order per pass; default: file order).")
    var shuffle: UInt64?

    @Option(help: "After training, score this file or bundled dataset with learning off.")
    var eval: String?

    @Option(help: "Reshape each flat channel-major row into this many channels (temporal samples).")
    var channels: Int?

    @Option(help: "Summary format: text or json (one JSON object on the last line of stdout).")
    var summary: SummaryFormat = .text

    @Flag(help: "Do not draw the progress bar.")
    var noProgress = false

    func validate() throws {
        guard passes >= 1 else { throw ValidationError("--passes must be at least 1") }
        if let channels, channels < 1 { throw ValidationError("--channels must be at least 1") }
    }

    func run() throws {
        do {
            let resolved = try options.resolve()
            var request = RunRequest()
            request.input = InputSource(argument: input)
            request.passes = passes
            request.shuffleSeed = shuffle
            request.eval = eval.map(InputSource.init(argument:))
            request.channels = channels
            request.progress = !noProgress
            let session = RunSession(config: resolved, request: request)
            let result = try session.run()
            switch summary {
            case .json: print(result.json)
            case .text: print(result.text)
            }
        } catch {
            fail(error)
        }
    }
}

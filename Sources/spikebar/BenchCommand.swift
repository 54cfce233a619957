import ArgumentParser
import Foundation
import Runtime

extension BenchWorkload: ExpressibleByArgument {}
extension BenchMode: ExpressibleByArgument {}

struct BenchCommand: ErrorReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput: inference only and inference + learning (build with -c release).")

    @OptionGroup var options: ConfigOptions

    @Option(help: "Samples per measurement.")
    var samples: Int = 5000

    @Option(help: "Measure only one mode (for profiling); the other is reported as not measured.")
    var only: BenchMode?

    @Option(help: "Repetitions of each measurement; the median is reported.")
    var repeats: Int = 5

    @Option(help: "What to stream: digits (bundled, the configuration's network) or fashion-mnist (784-512-10, the IDX files of dataset-fashion-mnist).")
    var workload: BenchWorkload = .digits

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    func execute() throws {
        var options = options
        options.sets = workload.configSets + options.sets  // the user's --set wins
        let resolved = try options.resolve()
        let result = try Benchmark(config: resolved, samples: samples, only: only, repeats: repeats,
                                   workload: workload).run()
        print(json ? result.json : result.table)
    }
}

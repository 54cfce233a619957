/// What can go wrong with a sweep, each naming the place.
public enum SweepError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--shard` is not `i/n` with 0 ≤ i < n.
    case badShard(String, String)
    /// A run's configuration does not resolve (unknown key, wrong type): the sweep file,
    /// the line of the axis, and the configuration's own message.
    case badRun(source: String, line: Int?, run: Int, message: String)
    /// The output folder holds another sweep.
    case otherSweep(folder: String, found: String, expected: String)
    /// A run failed twice.
    case runFailed(run: Int, message: String)

    public var description: String {
        switch self {
        case let .badShard(text, why): return "--shard \(text): \(why)"
        case let .badRun(source, line, run, message):
            return "\(source)\(line.map { ":\($0)" } ?? ""): run \(run): \(message)"
        case let .otherSweep(folder, found, expected):
            return "\(folder) holds sweep '\(found)', not '\(expected)': choose another --out"
        case let .runFailed(run, message): return "run \(run) failed twice: \(message)"
        }
    }
}

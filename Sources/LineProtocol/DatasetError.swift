/// Errors reading datasets and sample files.
public enum DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
    case missingResource(String)
    case unreadable(path: String, reason: String)
    case badLine(source: String, line: Int, reason: String)
    /// An IDX file that cannot be used (wrong magic, truncated, counts that disagree).
    case badIDX(path: String, reason: String)

    public var description: String {
        switch self {
        case let .missingResource(name):
            return "bundled dataset '\(name)' was not found (an installed binary needs its Spikebar_Datasets.resources folder beside it)"
        case let .unreadable(path, reason): return "cannot read '\(path)': \(reason)"
        case let .badLine(source, line, reason): return "\(source):\(line): \(reason)"
        case let .badIDX(path, reason): return "IDX file '\(path)': \(reason)"
        }
    }
}

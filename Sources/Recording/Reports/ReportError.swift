/// Why a report cannot be built from a database.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database holds no run at all.
    case noRuns(database: String)
    /// The run has not committed a flush yet: no window, no wear snapshot.
    case nothingRecorded(runId: Int64, database: String)
    /// The run has committed samples, but none of its windows is closed yet: a daemon
    /// stopped (or a run killed) before its first `recording.windowSamples` samples keeps
    /// the open window in its checkpoint, and a resume closes it.
    case noClosedWindow(runId: Int64, database: String, samplesRecorded: Int)
    /// A row that does not decode (a JSON column, a pulse map of the wrong size).
    case badRecord(runId: Int64, what: String)
    /// `report --sweep` on a database that holds no sweep.
    case noSweep(database: String)

    public var description: String {
        switch self {
        case let .noRuns(db): return "\(db): no runs recorded (record one with `spikebar run --db \(db)`)"
        case let .nothingRecorded(id, db):
            return "\(db): run \(id) has recorded no window yet (it has not flushed); nothing to report"
        case let .noClosedWindow(id, db, samples):
            return "\(db): run \(id) has \(samples) recorded samples but no closed window (one closes every "
                + "recording.windowSamples samples; a stopped run keeps its open window and closes it when resumed); nothing to report yet"
        case let .badRecord(id, what): return "run \(id): \(what)"
        case let .noSweep(db): return "\(db): holds no sweep (gather one with `spikebar sweep merge`)"
        }
    }
}

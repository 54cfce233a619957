import Reports
import Store

/// The continual-learning R matrix from `taskEval` rows, as `spikebar experiment` writes
/// them: `afterTask = -1` rows are the untrained baseline b_j, `afterTask = i ≥ 0` rows are
/// R[i][j] (task j evaluated after training through task i). Task names come from the
/// `taskBoundary` events' `name`, else `task j`.
enum ContinualRecords {
    /// The results, or `nil` without rows. Throws nothing: an incomplete matrix (an
    /// experiment stopped before its last task) gives `nil` and a note.
    static func results(_ rows: [TaskEvalRecord], events: [EventRecord], notes: inout [String]) -> ContinualResults? {
        guard !rows.isEmpty else { return nil }
        let tasks = (rows.map(\.task).max() ?? -1) + 1
        // The last row written for a cell wins (a retried flush cannot double it, but be safe).
        var cell: [Int: [Int: Double]] = [:]
        for r in rows { cell[r.afterTask, default: [:]][r.task] = r.accuracy }
        func row(_ i: Int) -> [Double]? {
            guard let c = cell[i], c.count == tasks else { return nil }
            return (0..<tasks).map { c[$0]! }
        }
        let r = (0..<tasks).map(row)
        guard tasks > 0, r.allSatisfy({ $0 != nil }) else {
            notes.append("continual results left out: the R matrix has \(r.compactMap { $0 }.count) of \(tasks) complete rows")
            return nil
        }
        var names = (0..<tasks).map { "task \($0)" }
        for e in events where e.kind == .taskBoundary {
            let d = StreamSeries.detail(e)
            if let t = StreamSeries.int(d["task"]), t >= 0, t < tasks, let n = d["name"] as? String, !n.isEmpty { names[t] = n }
        }
        return ContinualResults(taskNames: names, r: r.map { $0! }, baseline: row(-1))
    }
}

/// Continual-learning results of a task stream (the `taskEval` rows), and the metrics of
/// DESIGN §2.4 computed from them.
///
/// With T tasks, `r[i][j]` is the test accuracy on task j after training through task i
/// (0-based here; the papers count from 1):
/// ```
/// ACC = mean_j R[T−1][j]
/// BWT = mean_{j<T−1} (R[T−1][j] − R[j][j])                 (Lopez-Paz & Ranzato 2017)
/// FWT = mean_{j≥1} (R[j−1][j] − b_j)                         b_j: untrained accuracy
/// f_j = max_{l<T−1} R[l][j] − R[T−1][j],  j < T−1           (Chaudhry et al. 2018)
/// ```
public struct ContinualResults: Sendable, Codable, Equatable {
    /// Task names in order (`task 1`, `digits 0-4`, …).
    public var taskNames: [String]
    /// T × T accuracies in [0, 1]; row = trained through task i, column = tested on task j.
    public var r: [[Double]]
    /// Accuracy of the untrained network on each task (b_j), for FWT; `nil` if not measured.
    public var baseline: [Double]?

    public init(taskNames: [String], r: [[Double]], baseline: [Double]? = nil) {
        precondition(r.count == taskNames.count && r.allSatisfy { $0.count == taskNames.count },
                     "R must be T × T with T task names")
        precondition(baseline.map { $0.count == taskNames.count } ?? true, "one baseline per task")
        self.taskNames = taskNames
        self.r = r
        self.baseline = baseline
    }

    public var taskCount: Int { taskNames.count }

    /// Average accuracy after the last task; `nil` without tasks.
    public var averageAccuracy: Double? {
        guard let last = r.last, !last.isEmpty else { return nil }
        return last.reduce(0, +) / Double(last.count)
    }

    /// Backward transfer (negative = forgetting); `nil` with fewer than two tasks.
    public var backwardTransfer: Double? {
        let t = taskCount
        guard t >= 2 else { return nil }
        let sum = (0..<(t - 1)).reduce(0.0) { $0 + r[t - 1][$1] - r[$1][$1] }
        return sum / Double(t - 1)
    }

    /// Forward transfer; `nil` with fewer than two tasks or without a baseline.
    public var forwardTransfer: Double? {
        let t = taskCount
        guard t >= 2, let b = baseline else { return nil }
        let sum = (1..<t).reduce(0.0) { $0 + r[$1 - 1][$1] - b[$1] }
        return sum / Double(t - 1)
    }

    /// Forgetting of each task but the last (`f_j`); empty with fewer than two tasks.
    public var forgetting: [Double] {
        let t = taskCount
        guard t >= 2 else { return [] }
        return (0..<(t - 1)).map { j in
            let best = (0..<(t - 1)).map { r[$0][j] }.max()!
            return best - r[t - 1][j]
        }
    }

    /// Mean of ``forgetting``; `nil` with fewer than two tasks.
    public var averageForgetting: Double? {
        let f = forgetting
        return f.isEmpty ? nil : f.reduce(0, +) / Double(f.count)
    }
}

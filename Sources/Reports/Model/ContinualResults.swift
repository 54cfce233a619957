import SpikingKit

/// Continual-learning results of a task stream (the `taskEval` rows), and the metrics of
/// DESIGN §2.4 computed from them by SpikingKit's ``ContinualMetrics`` (formulas there).
///
/// With T tasks, `r[i][j]` is the test accuracy on task j after training through task i
/// (0-based here; the papers count from 1).
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

    /// The metrics, computed by SpikingKit's ``ContinualMetrics`` (the same arithmetic as the
    /// `spikebar experiment` summary, so report and summary agree to the last bit); `nil`
    /// without tasks. A missing baseline counts as zeros there; ``forwardTransfer`` hides it.
    var metrics: ContinualMetrics? {
        taskCount == 0 ? nil : ContinualMetrics(r: r, baseline: baseline ?? Array(repeating: 0, count: taskCount))
    }

    /// Average accuracy after the last task; `nil` without tasks.
    public var averageAccuracy: Double? { metrics?.accuracy }

    /// Backward transfer (negative = forgetting); `nil` with fewer than two tasks.
    public var backwardTransfer: Double? {
        taskCount >= 2 ? metrics?.backwardTransfer : nil
    }

    /// Forward transfer; `nil` with fewer than two tasks or without a baseline.
    public var forwardTransfer: Double? {
        taskCount >= 2 && baseline != nil ? metrics?.forwardTransfer : nil
    }

    /// Forgetting of each task but the last (`f_j`); empty with fewer than two tasks.
    public var forgetting: [Double] {
        guard taskCount >= 2, let m = metrics else { return [] }
        return Array(m.forgettingPerTask.dropLast())
    }

    /// Mean of ``forgetting``; `nil` with fewer than two tasks.
    public var averageForgetting: Double? {
        taskCount >= 2 ? metrics?.forgetting : nil
    }
}

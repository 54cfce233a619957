/// Continual-learning metrics from the accuracy matrix R (DESIGN §2.4).
///
/// `R[i][j]` is the held-out accuracy on task j after training through task i (i, j = 0…T−1)
/// and `baseline[j]` the accuracy of the untrained network on task j. With T tasks:
/// ```
/// ACC        = mean_j R[T−1][j]                                     (Lopez-Paz & Ranzato 2017)
/// BWT        = mean_{j<T−1} (R[T−1][j] − R[j][j])                   (backward transfer)
/// FWT        = mean_{j≥1} (R[j−1][j] − baseline[j])                 (forward transfer)
/// forgetting = mean_{j<T−1} (max_{l<T−1} R[l][j] − R[T−1][j])        (Chaudhry et al. 2018)
/// ```
/// Names in summaries follow Avalanche's where they exist: `Top1_Acc_Stream` (ACC),
/// `StreamBWT`, `StreamForwardTransfer`, `StreamForgetting`.
public struct ContinualMetrics: Equatable, Sendable {
    public let r: [[Double]]
    public let baseline: [Double]

    public init(r: [[Double]], baseline: [Double]) {
        precondition(!r.isEmpty && r.allSatisfy { $0.count == r.count } && baseline.count == r.count,
                     "R must be T×T and the baseline T long")
        self.r = r
        self.baseline = baseline
    }

    public var tasks: Int { r.count }

    /// Average accuracy over all tasks after the last one.
    public var accuracy: Double { mean(r[tasks - 1]) }

    /// Backward transfer: how training on later tasks changed earlier ones (negative = forgetting).
    public var backwardTransfer: Double {
        guard tasks > 1 else { return 0 }
        return mean((0..<(tasks - 1)).map { r[tasks - 1][$0] - r[$0][$0] })
    }

    /// Forward transfer: how earlier tasks helped a task before it was trained on.
    public var forwardTransfer: Double {
        guard tasks > 1 else { return 0 }
        return mean((1..<tasks).map { r[$0 - 1][$0] - baseline[$0] })
    }

    /// Average forgetting: the best accuracy a task ever had minus its final accuracy.
    public var forgetting: Double {
        guard tasks > 1 else { return 0 }
        return mean((0..<(tasks - 1)).map { j in
            (0..<(tasks - 1)).map { r[$0][j] }.max()! - r[tasks - 1][j]
        })
    }

    /// Per-task forgetting f_j (the last task has none).
    public var forgettingPerTask: [Double] {
        (0..<tasks).map { j in
            j == tasks - 1 ? 0 : (0..<(tasks - 1)).map { r[$0][j] }.max()! - r[tasks - 1][j]
        }
    }

    func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }
}

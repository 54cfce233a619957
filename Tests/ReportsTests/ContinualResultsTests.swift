import Testing
@testable import Reports

/// ACC, BWT, FWT and forgetting (DESIGN §2.4) on a 3-task R matrix computed by hand.
@Suite struct ContinualResultsTests {
    //            task 1  task 2  task 3
    // after 1     0.9     0.2     0.1
    // after 2     0.7     0.8     0.3
    // after 3     0.6     0.5     0.85      baseline b = 0.1, 0.15, 0.2
    let c = ContinualResults(taskNames: ["t1", "t2", "t3"],
                             r: [[0.9, 0.2, 0.1], [0.7, 0.8, 0.3], [0.6, 0.5, 0.85]],
                             baseline: [0.1, 0.15, 0.2])

    /// `a` is present and within 1e-12 of `b`.
    func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) < 1e-12
    }

    @Test func averageAccuracyIsTheMeanOfTheLastRow() {
        let expected: Double = (0.6 + 0.5 + 0.85) / 3
        #expect(close(c.averageAccuracy, expected))
    }

    @Test func backwardTransfer() {
        // ((0.6 − 0.9) + (0.5 − 0.8)) / 2 = −0.3
        #expect(close(c.backwardTransfer, -0.3))
    }

    @Test func forwardTransfer() {
        // ((R[0][1] − b1) + (R[1][2] − b2)) / 2 = ((0.2 − 0.15) + (0.3 − 0.2)) / 2 = 0.075
        #expect(close(c.forwardTransfer, 0.075))
    }

    @Test func forgettingUsesTheBestEarlierAccuracy() {
        // f1 = max(0.9, 0.7) − 0.6 = 0.3; f2 = max(0.2, 0.8) − 0.5 = 0.3
        let f = c.forgetting
        #expect(f.count == 2)
        #expect(close(f.first, 0.3) && close(f.last, 0.3))
        #expect(close(c.averageForgetting, 0.3))
    }

    @Test func oneTaskHasNoTransferAndNoForgetting() {
        let one = ContinualResults(taskNames: ["only"], r: [[0.7]])
        #expect(one.averageAccuracy == 0.7)
        #expect(one.backwardTransfer == nil)
        #expect(one.forwardTransfer == nil)
        #expect(one.forgetting.isEmpty)
    }

    @Test func noBaselineNoForwardTransfer() {
        let noBase = ContinualResults(taskNames: c.taskNames, r: c.r)
        #expect(noBase.forwardTransfer == nil)
        #expect(noBase.backwardTransfer != nil)
    }
}

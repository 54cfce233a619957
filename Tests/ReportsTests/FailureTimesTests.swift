import Testing
@testable import Reports

/// Edge cases of the per-device failure time and of the quantile.
@Suite struct FailureTimesTests {
    func tile(_ pulses: [Double], _ budgets: [Double], _ failed: [Bool]) -> TileDevices {
        TileDevices(index: TileIndex(row: 0, col: 0), pulses: pulses, budgets: budgets, failed: failed)
    }

    @Test func noPulsesMeansNeverFails() {
        let t = FailureTimes.seconds(of: tile([0, 0], [100, 5], [false, false]), samples: 1000, samplesPerSecond: 1)
        #expect(t == [.infinity, .infinity])
    }

    @Test func noSamplesMeansNoObservedRate() {
        let t = FailureTimes.seconds(of: tile([3], [100], [false]), samples: 0, samplesPerSecond: 1)
        #expect(t == [.infinity])
    }

    @Test func infiniteBudgetMeansNeverFails() {
        let t = FailureTimes.seconds(of: tile([3], [.infinity], [false]), samples: 10, samplesPerSecond: 1)
        #expect(t == [.infinity])
    }

    @Test func failedDevicesFailAtZeroEvenWithBudgetLeft() {
        // Stuck from the start (no pulses, budget left) and worn out (n ≥ N_end, not flagged).
        let t = FailureTimes.seconds(of: tile([0, 120, 7], [100, 100, 100], [true, false, true]), samples: 10, samplesPerSecond: 1)
        #expect(t == [0, 0, 0])
    }

    @Test func quantileTakesTheKthSmallestWithKRoundedUp() {
        let sorted = (1...10).map(Double.init)
        #expect(FailureTimes.timeToFraction(0.001, sortedSeconds: sorted) == 1) // k = max(1, ⌈0.01⌉)
        #expect(FailureTimes.timeToFraction(0.1, sortedSeconds: sorted) == 1)   // k = 1
        #expect(FailureTimes.timeToFraction(0.11, sortedSeconds: sorted) == 2)  // k = ⌈1.1⌉ = 2
        #expect(FailureTimes.timeToFraction(1, sortedSeconds: sorted) == 10)
    }

    @Test func quantileForgivesFloatingPointNoise() {
        // 0.07 × 100 is 7.000000000000001 in binary floating point: still the seventh device.
        #expect(0.07 * 100.0 > 7)
        let sorted = (1...100).map(Double.init)
        #expect(FailureTimes.timeToFraction(0.07, sortedSeconds: sorted) == 7)
        #expect(FailureTimes.timeToFraction(0.01, sortedSeconds: (1...300).map(Double.init)) == 3)
    }

    @Test func quantileOfAnEmptyGroupIsNever() {
        #expect(FailureTimes.timeToFraction(0.01, sortedSeconds: []) == .infinity)
    }

    @Test func quantileIsInfiniteWhenTooFewDevicesEverFail() {
        #expect(FailureTimes.timeToFraction(0.5, sortedSeconds: [0, 5, .infinity, .infinity]) == 5)
        #expect(FailureTimes.timeToFraction(0.75, sortedSeconds: [0, 5, .infinity, .infinity]) == .infinity)
    }

    @Test func alreadyFailedDevicesCountTowardsTheFraction() {
        // One of four failed now (25 % at t = 0); the half mark is the second failure, at 1 s.
        let t = FailureTimes.seconds(of: tile([9, 9, 1, 0], [9, 20, 2, 5], [true, false, false, false]), samples: 1, samplesPerSecond: 1)
        #expect(t == [0, 11.0 / 9.0, 1, .infinity])
        #expect(GroupLifetime(name: "g", seconds: t, fractions: [0.25, 0.5]).secondsToFraction == [0, 1])
    }
}

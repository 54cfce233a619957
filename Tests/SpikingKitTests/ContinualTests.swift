import DeviceKit
import SpikingKit
import Testing

@Suite("Continual-learning metrics")
struct ContinualMetricsTests {
    /// Three tasks; every value below was worked out by hand.
    let m = ContinualMetrics(
        r: [[0.9, 0.1, 0.2],
            [0.7, 0.8, 0.3],
            [0.6, 0.5, 0.95]],
        baseline: [0.1, 0.15, 0.25])

    @Test("ACC = mean of the last row = (0.6 + 0.5 + 0.95)/3")
    func accuracy() { #expect(abs(m.accuracy - 2.05 / 3) < 1e-12) }

    @Test("BWT = mean_{j<T}(R[T][j] − R[j][j]) = ((0.6 − 0.9) + (0.5 − 0.8))/2 = −0.3")
    func bwt() { #expect(abs(m.backwardTransfer + 0.3) < 1e-12) }

    @Test("FWT = mean_{j≥1}(R[j−1][j] − b_j) = ((0.1 − 0.15) + (0.3 − 0.25))/2 = 0")
    func fwt() { #expect(abs(m.forwardTransfer) < 1e-12) }

    @Test("forgetting = mean_{j<T}(max_{l<T} R[l][j] − R[T][j]) = ((0.9 − 0.6) + (0.8 − 0.5))/2 = 0.3")
    func forgetting() {
        #expect(abs(m.forgetting - 0.3) < 1e-12)
        #expect(m.forgettingPerTask.map { ($0 * 1000).rounded() / 1000 } == [0.3, 0.3, 0])
    }

    @Test("the max in forgetting is over every earlier row, not just the diagonal")
    func forgettingUsesMax() {
        let r = ContinualMetrics(r: [[0.5, 0.0], [0.8, 0.9]], baseline: [0, 0])
        #expect(abs(r.forgetting + 0.3) < 1e-12)        // task 0 improved by 0.3: negative forgetting
        let s = ContinualMetrics(r: [[0.5, 0, 0], [0.9, 0.6, 0], [0.4, 0.6, 1]], baseline: [0, 0, 0])
        #expect(abs(s.forgetting - ((0.9 - 0.4) + 0) / 2) < 1e-12)  // best of task 0 was after task 1
    }
}

@Suite("Task streams")
struct TaskStreamTests {
    func data() -> [Sample] {
        (0..<100).map { Sample(features: [Float($0 % 10), Float($0)], label: $0 % 10) }
    }

    @Test("class-incremental: task t holds classes [2t, 2t+2), disjoint, held out by fraction")
    func classIncremental() {
        var c = ExperimentConfig()
        c.tasks = 5; c.classesPerTask = 2; c.heldOutFraction = 0.2
        let tasks = TaskStream.make(c, samples: data(), evalSamples: nil, seed: 1)
        #expect(tasks.count == 5)
        for t in tasks {
            let labels = Set((t.train + t.heldOut).compactMap(\.label))
            #expect(labels == [2 * t.index, 2 * t.index + 1])
            #expect(t.heldOut.count == 4 && t.train.count == 16)
            #expect((t.train + t.heldOut).allSatisfy { $0.task == t.index })
        }
    }

    @Test("domain-incremental gain/offset: task 0 unchanged, task t scaled by 1 + t·gain and shifted by t·offset·σ")
    func gainOffset() {
        var c = ExperimentConfig()
        c.split = .domainIncremental; c.shift = .gainOffset; c.tasks = 3; c.gainStep = 0.5; c.offsetStep = 0
        let eval = [Sample(features: [2, 4], label: 1)]
        let tasks = TaskStream.make(c, samples: data(), evalSamples: eval, seed: 1)
        #expect(tasks[0].heldOut[0].values == [2, 4])
        #expect(tasks[2].heldOut[0].values == [4, 8])
        #expect(tasks.allSatisfy { Set($0.train.compactMap(\.label)).count == 10 })
    }

    @Test("permutation tasks permute features consistently within a task, the same per seed")
    func permutation() {
        var c = ExperimentConfig()
        c.split = .domainIncremental; c.shift = .permutation; c.tasks = 2
        let eval = [Sample(features: [1, 2], label: 0), Sample(features: [3, 4], label: 1)]
        let a = TaskStream.make(c, samples: data(), evalSamples: eval, seed: 3)
        let b = TaskStream.make(c, samples: data(), evalSamples: eval, seed: 3)
        #expect(a[1].heldOut.map(\.values) == b[1].heldOut.map(\.values))
        #expect(Set(a[1].heldOut[0].values) == [1, 2])
    }
}

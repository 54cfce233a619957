import KitSupport
@testable import SpikingKit
import Testing

/// Reading k of a test stream: channel c holds `k·10 + c`, so every value names its origin.
func reading(_ k: Int, channels: Int) -> [Float] { (0..<channels).map { Float(k * 10 + $0) } }

@discardableResult
func feed(_ w: ReadingWindow, _ k: Int, label: Int? = nil) -> Bool {
    reading(k, channels: w.channels).withUnsafeBufferPointer { w.append($0, label: label) }
}

@Suite("Reading window (stream windowing core)")
struct ReadingWindowTests {
    @Test("windows fall due after W readings and then every H: 1 + ⌊(N − W)/H⌋ after N", arguments: [
        (1, 1), (4, 1), (4, 4), (100, 25), (10, 3), (7, 7),
    ])
    func dueCount(window: Int, hop: Int) {
        let w = ReadingWindow(channels: 2, window: window, hop: hop, rule: .majority, classes: 3)
        var config = StreamConfig()
        config.window = window
        config.hop = hop
        var due = 0
        var scratch = Sample(frames: [[0, 0]])
        for n in 1...(3 * window + 2 * hop + 1) {
            if feed(w, n - 1) {
                due += 1
                _ = w.take(.reset, into: &scratch)
            }
            #expect(due == config.expectedAnswers(readings: n), "after \(n) readings")
            #expect(due == (n < window ? 0 : 1 + (n - window) / hop))
        }
    }

    @Test("a window holds its last W readings, oldest first, frame-major")
    func contents() {
        let w = ReadingWindow(channels: 3, window: 5, hop: 2, rule: .last, classes: 2)
        var s = Sample(frames: [[0, 0, 0]])
        for k in 0..<23 {
            guard feed(w, k) else { continue }
            let cut = w.take(.reset, into: &s)
            #expect(cut?.lastReading == k)
            #expect(cut?.readings == 5)
            #expect(s.frameCount == 5 && s.channels == 3 && s.isTemporal)
            let expected = (k - 4...k).flatMap { reading($0, channels: 3) }
            #expect(s.values == expected)
        }
    }

    @Test("carry state runs only the readings since the last window: W at first, then H")
    func carryFrames() {
        let w = ReadingWindow(channels: 1, window: 6, hop: 4, rule: .last, classes: 2)
        var s = Sample(frames: [[0]])
        var runs: [[Float]] = []
        for k in 0..<18 where feed(w, k) {
            _ = w.take(.carry, into: &s)
            runs.append(s.values)
        }
        // Due after readings 5, 9, 13, 17: the first run covers 0…5, then 4 new readings each.
        #expect(runs == [[0, 10, 20, 30, 40, 50], [60, 70, 80, 90], [100, 110, 120, 130], [140, 150, 160, 170]])
    }

    @Test("majority label: 'no label' is a value; ties go to the most recent of the tied")
    func majority() {
        let w = ReadingWindow(channels: 1, window: 6, hop: 6, rule: .majority, classes: 4)
        func play(_ labels: [Int?]) { for (k, l) in labels.enumerated() { feed(w, k, label: l) } }
        play([2, 2, 2, 1, 1, 1])
        #expect(w.label(ofLast: 6) == 1)      // 3 : 3, and label 1 is the more recent
        play([1, nil, nil, 1, 1, 2])
        #expect(w.label(ofLast: 6) == 1)      // 1 ×3, none ×2, 2 ×1
        play([nil, nil, 3, 3, 3, nil])
        #expect(w.label(ofLast: 6) == nil)    // none ×3 ties 3 ×3; the newest reading is unlabelled
        play([0, 0, 0, 0, 3, nil])
        #expect(w.label(ofLast: 6) == 0)
        #expect(w.label(ofLast: 2) == nil)    // 3, none: a tie, the newest is unlabelled
        #expect(w.label(ofLast: 5) == 0)      // 0 ×3, 3, none
        play([3, 3, 1, 1, 1, 3])
        #expect(w.label(ofLast: 6) == 3)      // 3 : 3 and the newest is 3
        #expect(w.label(ofLast: 4) == 1)      // 1 ×3, 3 ×1
    }

    @Test("'last' takes the label of the newest reading")
    func lastRule() {
        let w = ReadingWindow(channels: 1, window: 4, hop: 1, rule: .last, classes: 3)
        for (k, l) in [1, 1, 1, 2].enumerated() { feed(w, k, label: l) }
        #expect(w.label(ofLast: 4) == 2)
        feed(w, 4, label: nil)
        #expect(w.label(ofLast: 4) == nil)
    }

    @Test("flush: a partial window is taken, then the stream starts over; nothing new → nil")
    func flushPartial() {
        let w = ReadingWindow(channels: 2, window: 10, hop: 5, rule: .last, classes: 2)
        var s = Sample(frames: [[0, 0]])
        for k in 0..<3 { feed(w, k, label: 1) }
        #expect(!w.isDue)
        let cut = w.take(.reset, into: &s)
        #expect(cut?.readings == 3 && cut?.lastReading == 2 && s.frameCount == 3 && s.label == 1)
        w.clear()
        #expect(w.take(.reset, into: &s) == nil)
        // After the clear the next window is due after 10 new readings; indices keep counting.
        var dueAt: [Int] = []
        for k in 3..<20 where feed(w, k) {
            dueAt.append(k)
            _ = w.take(.reset, into: &s)
        }
        #expect(dueAt == [12, 17])
        #expect(w.take(.reset, into: &s)?.readings == 10)   // readings 18, 19 arrived since
        #expect(w.take(.reset, into: &s) == nil)
    }

    @Test("10⁷ readings: the ring and the reused window sample never reallocate")
    func boundedMemory() {
        let w = ReadingWindow(channels: 6, window: 100, hop: 25, rule: .majority, classes: 4)
        let ringBase = w.values.pointer
        var s = Sample(frames: [[Float]](repeating: [0, 0, 0, 0, 0, 0], count: 100))
        let sampleBase = s.values.withUnsafeBufferPointer { $0.baseAddress }
        var r: [Float] = [0, 1, 2, 3, 4, 5]
        var windows = 0
        r.withUnsafeMutableBufferPointer { p in
            for k in 0..<10_000_000 {
                p[0] = Float(k & 1023)
                if w.append(UnsafeBufferPointer(p), label: k / 1000 % 4) {
                    _ = w.take(.reset, into: &s)
                    windows += 1
                }
            }
        }
        #expect(windows == 1 + (10_000_000 - 100) / 25)
        #expect(w.count == 100 && w.readings == 10_000_000)
        #expect(w.values.pointer == ringBase)
        #expect(s.values.withUnsafeBufferPointer { $0.baseAddress } == sampleBase)
    }
}

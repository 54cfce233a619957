/// Prequential (test-then-train) accuracy, as River and MOA report it (DESIGN §2.4):
/// cumulative over every labelled sample, and over a sliding window of the last `window`.
public struct PrequentialAccuracy: Equatable, Sendable {
    public let window: Int
    public private(set) var samples = 0
    public private(set) var correct = 0
    /// Ring buffer of the last `window` outcomes.
    private var ring: [Bool]
    private var head = 0
    private var inWindow = 0
    private var correctInWindow = 0

    public init(window: Int) {
        self.window = window
        ring = [Bool](repeating: false, count: window)
    }

    public mutating func record(correct c: Bool) {
        samples += 1
        if c { correct += 1 }
        if inWindow == window {
            if ring[head] { correctInWindow -= 1 }
        } else {
            inWindow += 1
        }
        ring[head] = c
        if c { correctInWindow += 1 }
        head = (head + 1) % window
    }

    /// Cumulative accuracy, 0 before any sample.
    public var accuracy: Double { samples == 0 ? 0 : Double(correct) / Double(samples) }
    /// Accuracy over the last `min(window, samples)` samples.
    public var windowAccuracy: Double { inWindow == 0 ? 0 : Double(correctInWindow) / Double(inWindow) }

    /// The window's outcomes, oldest first (for checkpoints).
    public var windowOutcomes: [Bool] {
        (0..<inWindow).map { ring[(head - inWindow + window + $0) % window] }
    }

    /// Rebuilds the metric from saved totals and window outcomes.
    public init(window: Int, samples: Int, correct: Int, windowOutcomes: [Bool]) {
        self.init(window: window)
        for c in windowOutcomes.suffix(window) { record(correct: c) }
        self.samples = samples
        self.correct = correct
    }
}

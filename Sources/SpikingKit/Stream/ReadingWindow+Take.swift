/// One window cut from a reading stream: what the network runs on, and what its answer says.
public struct StreamWindow: Sendable {
    /// The readings the network runs this time, oldest first, as a temporal sample (one frame
    /// per reading) carrying the window's label: the whole window in `reset` state, the
    /// readings since the last window in `carry` state.
    public var sample: Sample
    /// Index of the window's last reading in the stream (0-based).
    public var lastReading: Int
    /// Readings in the window (W, or fewer for a flushed partial window).
    public var readings: Int
    /// Whether the network continues from the previous window's state (`carry`).
    public var continuing: Bool
    /// Cut by a flush rather than by the hop counter.
    public var flushed: Bool

    public init(sample: Sample, lastReading: Int, readings: Int, continuing: Bool, flushed: Bool = false) {
        self.sample = sample
        self.lastReading = lastReading
        self.readings = readings
        self.continuing = continuing
        self.flushed = flushed
    }
}

extension ReadingWindow {
    /// Readings the network must run for the next window: the whole window held (`reset`),
    /// or the readings not yet run (`carry`).
    public func framesToRun(_ state: StreamState) -> Int {
        state == .reset ? count : min(sinceTaken, count)
    }

    /// Takes the due (or, for a flush, the partial) window: fills `sample` with the readings
    /// to run (reusing its storage when the size is unchanged: no allocation at a regular
    /// hop), sets its label by ``rule``, and marks the window taken. Returns nil when no
    /// reading arrived since the last window (nothing to answer).
    public func take(_ state: StreamState, into sample: inout Sample) -> (lastReading: Int, readings: Int)? {
        let n = framesToRun(state)
        guard n > 0, sinceTaken > 0 else { return nil }
        let size = n * channels
        if sample.values.count != size { sample.values = [Float](repeating: 0, count: size) }
        sample.values.withUnsafeMutableBufferPointer { copyLast(n, into: $0.baseAddress!) }
        sample.channels = channels
        sample.frameCount = n
        sample.isTemporal = true
        sample.label = label(ofLast: count)
        let held = count
        markTaken()
        return (lastIndex, held)
    }
}

import KitSupport

/// The windowing core of a reading stream (issue #20): a ring buffer of the last `window`
/// readings (`channels` values each) and their labels, and the hop counter that says when a
/// window is due.
///
/// With readings r₀, r₁, … appended since the start (or the last ``clear()``), the first
/// window is due after reading r_{W−1} and then after every `H` further readings, so after
/// N readings `1 + ⌊(N − W)/H⌋` windows have been due (none while N < W), W = window,
/// H = hop. The window due after reading r_n holds r_{n−W+1} … r_n, oldest first.
///
/// Allocation-free after construction: every buffer is allocated once; ``append(_:label:)``,
/// ``copyLast(_:into:)`` and ``label(ofLast:)`` only index into them. Pure: no clock, no I/O.
public final class ReadingWindow {
    /// The longest window accepted (the encoder's frame limit).
    public static let maxWindow = 4096
    /// Values per reading.
    public let channels: Int
    /// Readings per window, W.
    public let window: Int
    /// Readings between two windows, H (1…W).
    public let hop: Int
    /// How the window's label is derived from its readings' labels.
    public let rule: WindowLabelRule
    /// Labels are 0…classes−1.
    public let classes: Int
    /// Readings, `window × channels`, slot-major (slot s holds values `s·channels…`).
    let values: Buffer<Float>
    /// The label of each slot, −1 for none.
    let labels: Buffer<Int32>
    /// Scratch tally for the majority rule: slot 0 counts "no label", slot k+1 label k.
    let tally: Buffer<Int32>
    /// The slot the next reading goes into.
    var head = 0
    /// Readings held, ≤ window.
    public private(set) var count = 0
    /// Readings appended since the last window was taken (or since the start or a clear).
    public private(set) var sinceTaken = 0
    /// Whether a window has been taken since the start (or the last clear).
    public private(set) var takenOnce = false
    /// Readings appended over the stream's life (not reset by ``clear()``): the next
    /// reading's index.
    public private(set) var readings = 0

    public init(channels: Int, window: Int, hop: Int, rule: WindowLabelRule, classes: Int) {
        precondition(channels > 0 && classes > 0, "a stream needs channels and classes")
        precondition((1...Self.maxWindow).contains(window) && (1...window).contains(hop), "window and hop out of range")
        self.channels = channels
        self.window = window
        self.hop = hop
        self.rule = rule
        self.classes = classes
        values = Buffer(repeating: 0, count: window * channels)
        labels = Buffer(repeating: -1, count: window)
        tally = Buffer(repeating: 0, count: classes + 1)
    }

    public convenience init(channels: Int, config: StreamConfig, classes: Int) {
        self.init(channels: channels, window: config.window, hop: config.hop, rule: config.windowLabel, classes: classes)
    }

    /// Whether a window is due: the ring is full and it is the first window, or `hop`
    /// readings arrived since the last one was taken.
    public var isDue: Bool { count == window && (takenOnce ? sinceTaken >= hop : true) }

    /// The index of the newest reading (−1 before the first).
    public var lastIndex: Int { readings - 1 }

    /// Appends one reading of `channels` values (label nil = unlabelled; else 0…classes−1,
    /// checked by the caller) and returns ``isDue``.
    @discardableResult
    public func append(_ reading: UnsafeBufferPointer<Float>, label: Int?) -> Bool {
        precondition(reading.count == channels, "a reading has one value per channel")
        (values.pointer + head * channels).update(from: reading.baseAddress!, count: channels)
        labels[head] = label.map { Int32($0) } ?? -1
        head = head + 1 == window ? 0 : head + 1
        if count < window { count += 1 }
        sinceTaken += 1
        readings += 1
        return isDue
    }

    /// Copies the newest `n` readings (n ≤ count), oldest first, frame-major
    /// (`out[t·channels + c]`), into `out`.
    public func copyLast(_ n: Int, into out: UnsafeMutablePointer<Float>) {
        precondition(n >= 0 && n <= count)
        var slot = (head - n + window) % window
        for t in 0..<n {
            (out + t * channels).update(from: values.pointer + slot * channels, count: channels)
            slot = slot + 1 == window ? 0 : slot + 1
        }
    }

    /// The label of the newest `n` readings (n ≥ 1, ≤ count) by ``rule``: the last one's, or
    /// the majority's, "no label" counting as a value, ties going to whichever of the tied
    /// values occurs most recently.
    public func label(ofLast n: Int) -> Int? {
        precondition(n >= 1 && n <= count)
        let newest = (head - 1 + window) % window
        if rule == .last { return decode(labels[newest]) }
        let tp = tally.pointer
        var slot = newest
        var best: Int32 = 0
        for _ in 0..<n {
            let k = Int(labels[slot]) + 1
            tp[k] += 1
            if tp[k] > best { best = tp[k] }
            slot = slot == 0 ? window - 1 : slot - 1
        }
        // Newest first: the first reading whose value has the top count wins the tie.
        slot = newest
        var winner: Int32 = -1
        for _ in 0..<n {
            if tp[Int(labels[slot]) + 1] == best { winner = labels[slot]; break }
            slot = slot == 0 ? window - 1 : slot - 1
        }
        tally.fill(0)
        return decode(winner)
    }

    /// Marks the window as taken: the next one is due `hop` readings later.
    public func markTaken() {
        sinceTaken = 0
        takenOnce = true
    }

    /// Forgets the readings held (after a flush): the next window is due once `window` new
    /// readings have arrived. The reading index keeps counting.
    public func clear() {
        count = 0
        head = 0
        sinceTaken = 0
        takenOnce = false
    }

    @inline(__always) func decode(_ l: Int32) -> Int? { l < 0 ? nil : Int(l) }
}

import DeviceKit
import KitSupport

/// A rehearsal buffer of past labelled samples, filled by reservoir sampling (pure; every
/// draw from its own seeded stream, ``RandomStream/replay``).
///
/// Plain reservoir (Vitter's algorithm R; Avalanche `ReservoirSamplingBuffer`): the n-th
/// offered sample (n = 0, 1, …) is stored at slot n while n < N; afterwards a slot
/// `j = uniform(0…n)` is drawn and the sample replaces slot j if j < N. Every sample of the
/// stream is then in the buffer with probability N/(n+1).
///
/// Class-balanced (Avalanche `ClassBalancedBuffer`): one reservoir per class seen, each
/// `⌊N / classes seen⌋` slots; a newly seen class shrinks the others (their last slots are
/// dropped), and within a class the n_c-th sample enters by algorithm R over that class.
///
/// The buffer holds **raw** samples (before the encoder), 32-bit floats: a sample costs
/// `values·4 + 4` bytes (``ContinualConfig/bytesPerValue``, label and frame count in 4).
public struct ReplayBuffer: Sendable, Equatable {
    public let capacity: Int
    public let classBalanced: Bool
    /// Stored samples, in slot order (plain), or class by class in order of first sight.
    public internal(set) var slots: [Sample] = []
    /// Samples offered so far (plain reservoir).
    public internal(set) var offered = 0
    /// Classes in order of first sight, their offered counts and their slots (class-balanced).
    public internal(set) var classOrder: [Int] = []
    var classOffered: [Int: Int] = [:]
    var classSlots: [Int: [Sample]] = [:]
    var rng: SeededGenerator

    public init(capacity: Int, classBalanced: Bool, seed: UInt64) {
        precondition(capacity > 0, "a replay buffer needs at least one slot")
        self.capacity = capacity
        self.classBalanced = classBalanced
        rng = SeededGenerator(seed: seed, stream: .replay)
    }

    /// Samples stored now.
    public var count: Int { classBalanced ? classOrder.reduce(0) { $0 + (classSlots[$1]?.count ?? 0) } : slots.count }

    /// Offers a labelled sample; returns whether it was stored (a write of its bytes).
    @discardableResult
    public mutating func offer(_ s: Sample) -> Bool {
        var x = s
        x.id = nil
        x.line = nil
        guard classBalanced, let label = s.label else { return offerPlain(x) }
        if classSlots[label] == nil {
            classOrder.append(label)
            classSlots[label] = []
            classOffered[label] = 0
            let quota = capacity / classOrder.count
            for c in classOrder where classSlots[c]!.count > quota { classSlots[c]!.removeLast(classSlots[c]!.count - quota) }
        }
        let quota = capacity / classOrder.count
        let n = classOffered[label]!
        classOffered[label] = n + 1
        guard quota > 0 else { return false }
        if classSlots[label]!.count < quota {
            classSlots[label]!.append(x)
            return true
        }
        let j = Int.random(in: 0...n, using: &rng)
        if j < quota { classSlots[label]![j] = x; return true }
        return false
    }

    mutating func offerPlain(_ s: Sample) -> Bool {
        let n = offered
        offered += 1
        if slots.count < capacity { slots.append(s); return true }
        let j = Int.random(in: 0...n, using: &rng)
        if j < capacity { slots[j] = s; return true }
        return false
    }

    /// The stored sample at position `i` of ``all`` order.
    public func sample(at i: Int) -> Sample {
        guard classBalanced else { return slots[i] }
        var k = i
        for c in classOrder {
            let s = classSlots[c]!
            if k < s.count { return s[k] }
            k -= s.count
        }
        preconditionFailure("replay index \(i) outside the buffer")
    }

    /// Every stored sample (plain: slot order; class-balanced: class by class).
    public var all: [Sample] { (0..<count).map(sample(at:)) }

    /// Draws one stored sample uniformly (nil while empty).
    public mutating func draw() -> Sample? {
        let n = count
        guard n > 0 else { return nil }
        return sample(at: Int.random(in: 0..<n, using: &rng))
    }

    /// Bytes one stored sample occupies.
    public static func bytes(of s: Sample) -> Int {
        s.values.count * ContinualConfig.bytesPerValue + ContinualConfig.bytesPerSampleHeader
    }

    /// Bytes the full buffer occupies for samples like `s` (its memory size).
    public func capacityBytes(sampleValues: Int) -> Int {
        capacity * (sampleValues * ContinualConfig.bytesPerValue + ContinualConfig.bytesPerSampleHeader)
    }
}

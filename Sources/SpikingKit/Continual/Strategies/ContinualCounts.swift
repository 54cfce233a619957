/// What a continual strategy adds beyond the network's own ``OperationCounts`` (which already
/// hold the reads, learning arithmetic and pulses of replayed passes): buffer traffic and the
/// memory the strategy keeps. Priced by the cost preset's `memory:` section.
public struct ContinualCounts: Equatable, Sendable {
    /// Replayed samples run through the network (each a full forward pass and a write).
    public var replayPasses: Double = 0
    /// Bytes read from the replay buffer.
    public var bufferReadBytes: Double = 0
    /// Bytes written into the replay buffer.
    public var bufferWriteBytes: Double = 0
    /// Importance consolidations (metaplasticity).
    public var consolidations: Double = 0
    /// Readout norm refreshes (masked readout: each reads every readout weight once).
    public var normRefreshes: Double = 0

    public init() {}

    public static func += (a: inout ContinualCounts, b: ContinualCounts) {
        a.replayPasses += b.replayPasses
        a.bufferReadBytes += b.bufferReadBytes
        a.bufferWriteBytes += b.bufferWriteBytes
        a.consolidations += b.consolidations
        a.normRefreshes += b.normRefreshes
    }
}

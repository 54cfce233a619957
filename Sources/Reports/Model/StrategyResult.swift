/// What a continual strategy cost over an experiment's training, as the experiment's summary
/// recorded it (`strategy` and `cost` of the run's summary JSON).
public struct StrategyResult: Sendable, Codable, Equatable {
    /// `naive`, `replay`, `maskedReadout`, … or a `+`-joined combination.
    public var name: String
    public var pulsesPerSample: Double
    /// Per new training sample, buffer traffic included, pJ.
    public var energyPerSamplePicojoules: Double
    /// The replay buffer at capacity, bytes (0 without one).
    public var bufferBytes: Int
    /// Everything the strategy keeps beside the network, bytes.
    public var strategyMemoryBytes: Int
    /// Time until 1 % of the devices have failed at ``lifetimeSamplesPerSecond``; nil: never.
    public var projectedLifetimeSeconds: Double?
    public var lifetimeSamplesPerSecond: Double

    public init(name: String, pulsesPerSample: Double, energyPerSamplePicojoules: Double, bufferBytes: Int,
                strategyMemoryBytes: Int, projectedLifetimeSeconds: Double?, lifetimeSamplesPerSecond: Double) {
        self.name = name
        self.pulsesPerSample = pulsesPerSample
        self.energyPerSamplePicojoules = energyPerSamplePicojoules
        self.bufferBytes = bufferBytes
        self.strategyMemoryBytes = strategyMemoryBytes
        self.projectedLifetimeSeconds = projectedLifetimeSeconds
        self.lifetimeSamplesPerSecond = lifetimeSamplesPerSecond
    }
}

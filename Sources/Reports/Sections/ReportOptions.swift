/// Settings of a report that are not part of the run's data.
public struct ReportOptions: Sendable, Equatable {
    /// Deployment sample rate R for the lifetime projection, samples per second
    /// (`spikebar report --rate`). The default, 100 samples/s, is an *[assumption]*: a
    /// sensor node classifying a 100 Hz stream one window per sample.
    public var samplesPerSecond: Double = 100
    /// At most this many bars in the per-window energy chart; longer runs are merged into
    /// sample-weighted groups of consecutive windows.
    public var maxEnergyBars: Int = 40

    public init(samplesPerSecond: Double = 100) {
        precondition(samplesPerSecond > 0, "deployment sample rate must be positive")
        self.samplesPerSecond = samplesPerSecond
    }
}

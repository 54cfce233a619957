/// What the lifetime controller (`learning.lifetime`, issue #18) did during a run: its
/// target and, per tile, the write scale and the projection from recent wear at the end of
/// every window.
public struct LifetimeControl: Sendable, Equatable, Codable {
    /// Y, seconds; R, samples per second; f; m; the warm-up, samples.
    public var targetSeconds: Double
    public var samplesPerSecond: Double
    public var failedFraction: Double
    public var margin: Double
    public var warmupSamples: Int
    /// K·W: the controller's recent-wear horizon, samples.
    public var horizonSamples: Int
    public var tiles: [Tile]
    /// `lifetime` events recorded (regime changes of a tile).
    public var regimeChanges: Int

    public struct Tile: Sendable, Equatable, Codable {
        public var name: String
        public var points: [Point]
        public init(name: String, points: [Point]) {
            self.name = name
            self.points = points
        }
    }

    public struct Point: Sendable, Equatable, Codable {
        public var sample: Int
        public var active: Bool
        public var writeScale: Double
        /// Seconds at R; nil when the tile had no recent pulse (never fails at that rate).
        public var projectedSeconds: Double?
        public var horizonPulses: Double
        public init(sample: Int, active: Bool, writeScale: Double, projectedSeconds: Double?, horizonPulses: Double) {
            self.sample = sample
            self.active = active
            self.writeScale = writeScale
            self.projectedSeconds = projectedSeconds
            self.horizonPulses = horizonPulses
        }
    }

    public init(targetSeconds: Double, samplesPerSecond: Double, failedFraction: Double, margin: Double,
                warmupSamples: Int, horizonSamples: Int, tiles: [Tile], regimeChanges: Int) {
        self.targetSeconds = targetSeconds
        self.samplesPerSecond = samplesPerSecond
        self.failedFraction = failedFraction
        self.margin = margin
        self.warmupSamples = warmupSamples
        self.horizonSamples = horizonSamples
        self.tiles = tiles
        self.regimeChanges = regimeChanges
    }
}

/// The projected lifetime of the chip at a deployment sample rate (DESIGN §4.3): per layer,
/// per tile and for the whole chip, the time until 0.1 %, 1 % and 10 % of the devices have
/// failed, and the weakest tile.
///
/// See ``FailureTimes`` for the per-device law and the quantile used.
public struct LifetimeProjection: Sendable, Equatable {
    /// The fractions reported by default: 0.1 %, 1 %, 10 %.
    public static let standardFractions: [Double] = [0.001, 0.01, 0.1]

    /// Deployment sample rate R, samples per second.
    public var samplesPerSecond: Double
    /// Failed fractions, ascending; every ``GroupLifetime/secondsToFraction`` is aligned with it.
    public var fractions: [Double]
    /// The fraction that ranks tiles (1 % by default).
    public var rankingFraction: Double
    public var chip: GroupLifetime
    public var layers: [GroupLifetime]
    /// Every tile of every layer, in input order (layer by layer, tiles in their order).
    public var tiles: [TileLifetime]
    /// The tile that reaches ``rankingFraction`` failed first; `nil` when no tile ever does
    /// (no wear, or wear-out off).
    ///
    /// Ties break on the other fractions in ascending order (the tile whose first 0.1 % go
    /// sooner is weaker), then on input order (earlier layer, then earlier tile wins).
    public var weakestTile: TileLifetime?

    /// Whether device rates are the last K windows' (``FailureTimes/recentSeconds(of:horizonSamples:samplesPerSecond:)``)
    /// rather than the whole run's mean.
    public var fromRecentWear: Bool

    /// Projects `input` at `samplesPerSecond` (> 0); `recent`: from the input's recent wear
    /// (which must be present, ``LifetimeInput/hasRecentWear``).
    public init(
        _ input: LifetimeInput, samplesPerSecond: Double,
        fractions: [Double] = LifetimeProjection.standardFractions, rankingFraction: Double = 0.01,
        recent: Bool = false
    ) {
        precondition(!recent || input.hasRecentWear, "no recent wear to project from")
        self.fromRecentWear = recent
        precondition(!fractions.isEmpty && fractions == fractions.sorted(), "fractions must be ascending")
        precondition(fractions.contains(rankingFraction), "the ranking fraction must be reported")
        self.samplesPerSecond = samplesPerSecond
        self.fractions = fractions
        self.rankingFraction = rankingFraction

        var all: [Double] = []
        var layers: [GroupLifetime] = []
        var tiles: [TileLifetime] = []
        for (layerIndex, layer) in input.layers.enumerated() {
            var layerTimes: [Double] = []
            for tile in layer.tiles {
                let t = recent
                    ? FailureTimes.recentSeconds(of: tile, horizonSamples: input.recentSamples!, samplesPerSecond: samplesPerSecond)
                    : FailureTimes.seconds(of: tile, samples: input.samples, samplesPerSecond: samplesPerSecond)
                layerTimes += t
                let g = GroupLifetime(name: "\(layer.name) tile \(tile.index.label)", seconds: t, fractions: fractions)
                tiles.append(TileLifetime(layerIndex: layerIndex, layerName: layer.name, tile: tile.index, lifetime: g))
            }
            all += layerTimes
            layers.append(GroupLifetime(name: layer.name, seconds: layerTimes, fractions: fractions))
        }
        self.chip = GroupLifetime(name: "chip", seconds: all, fractions: fractions)
        self.layers = layers
        self.tiles = tiles

        let rank = fractions.firstIndex(of: rankingFraction)!
        let order = [rank] + fractions.indices.filter { $0 != rank }
        func weaker(_ a: TileLifetime, _ b: TileLifetime) -> Bool {
            for k in order where a.lifetime.secondsToFraction[k] != b.lifetime.secondsToFraction[k] {
                return a.lifetime.secondsToFraction[k] < b.lifetime.secondsToFraction[k]
            }
            return false // equal on every fraction: keep the earlier one
        }
        var best: TileLifetime?
        for t in tiles where t.lifetime.secondsToFraction[rank].isFinite {
            if best == nil || weaker(t, best!) { best = t }
        }
        self.weakestTile = best
    }
}

/// Projected failure times of one group of devices (a tile, a layer, the chip).
public struct GroupLifetime: Sendable, Equatable {
    public var name: String
    public var devices: Int
    /// Devices already failed (time to failure 0).
    public var failedNow: Int
    /// Seconds until each fraction of ``LifetimeProjection/fractions`` has failed; `∞` = never
    /// at the observed wear rate.
    public var secondsToFraction: [Double]

    public init(name: String, seconds: [Double], fractions: [Double]) {
        let sorted = seconds.sorted()
        self.name = name
        self.devices = seconds.count
        self.failedNow = seconds.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        self.secondsToFraction = fractions.map { FailureTimes.timeToFraction($0, sortedSeconds: sorted) }
    }
}

/// A tile's projection with where the tile is.
public struct TileLifetime: Sendable, Equatable {
    /// Position of the layer in ``LifetimeInput/layers``.
    public var layerIndex: Int
    public var layerName: String
    public var tile: TileIndex
    public var lifetime: GroupLifetime
}

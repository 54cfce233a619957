/// What the lifetime projection (DESIGN §4.3) needs, per device: pulses so far, endurance
/// budget and whether the device has already failed; and how many samples produced that
/// wear. Grouped by layer and tile like ``LayerWear``.
///
/// The adapter reads these from the last checkpoint (wear counters and drawn budgets). A run
/// without a checkpoint has no per-device state: its input has no layers, and the reports
/// say that no lifetime is projected rather than "never".
public struct LifetimeInput: Sendable, Codable, Equatable {
    /// Labelled samples processed when the counters were read.
    public var samples: Int
    public var layers: [LayerDevices]
    /// H, the samples of the recent-wear horizon (the last K windows) when every tile has
    /// ``TileDevices/recentPulses``; nil when the run recorded no recent wear.
    public var recentSamples: Int?
    /// K, the windows of that horizon.
    public var recentWindows: Int?

    public init(samples: Int, layers: [LayerDevices], recentSamples: Int? = nil, recentWindows: Int? = nil) {
        self.samples = samples
        self.layers = layers
        self.recentSamples = recentSamples
        self.recentWindows = recentWindows
    }

    /// Whether a projection from recent wear can be made.
    public var hasRecentWear: Bool {
        recentSamples != nil && devices > 0 && layers.allSatisfy { $0.tiles.allSatisfy { $0.recentPulses != nil } }
    }

    /// Devices with per-device state (0 when none was recorded).
    public var devices: Int { layers.reduce(0) { $0 + $1.tiles.reduce(0) { $0 + $1.count } } }
}

/// The devices of one layer, by tile.
public struct LayerDevices: Sendable, Codable, Equatable {
    public var name: String
    public var tiles: [TileDevices]

    public init(name: String, tiles: [TileDevices]) {
        self.name = name
        self.tiles = tiles
    }
}

/// Per-device wear state of one tile; the three arrays are aligned (device k of the tile).
public struct TileDevices: Sendable, Codable, Equatable {
    public var index: TileIndex
    /// Pulses delivered so far (SET + RESET), per device: n_i.
    public var pulses: [Double]
    /// Endurance budget N_end,i per device, pulses; `.infinity` when wear-out is off.
    public var budgets: [Double]
    /// Whether the device has failed (or was stuck from the start).
    public var failed: [Bool]
    /// Pulses of the recent-wear horizon per device, Δn_i (nil: not recorded).
    public var recentPulses: [Double]?

    public init(index: TileIndex, pulses: [Double], budgets: [Double], failed: [Bool], recentPulses: [Double]? = nil) {
        precondition(pulses.count == budgets.count && pulses.count == failed.count,
                     "pulses, budgets and failed flags must be aligned")
        precondition(recentPulses == nil || recentPulses!.count == pulses.count, "recent pulses must be aligned")
        self.index = index
        self.pulses = pulses
        self.budgets = budgets
        self.failed = failed
        self.recentPulses = recentPulses
    }

    public var count: Int { pulses.count }
}

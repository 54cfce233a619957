/// Wear of one crossbar layer: its tiles (a `wearSnapshot` row each).
public struct LayerWear: Sendable, Codable, Equatable {
    /// Display name (`hidden 1`, `readout`, or the layer's shape `64×128`).
    public var name: String
    /// Tiles, in row-major tile order.
    public var tiles: [TileWear]

    public init(name: String, tiles: [TileWear]) {
        self.name = name
        self.tiles = tiles
    }

    public var devices: Int { tiles.reduce(0) { $0 + $1.devices } }
    public var failedDevices: Int { tiles.reduce(0) { $0 + $1.failedDevices } }
    public var setPulses: Double { tiles.reduce(0) { $0 + $1.setPulses } }
    public var resetPulses: Double { tiles.reduce(0) { $0 + $1.resetPulses } }
    public var wastedPulses: Double { tiles.reduce(0) { $0 + $1.wastedPulses } }
    /// Device-weighted mean of the tiles' mean pulses per device.
    public var meanPulsesPerDevice: Double {
        let n = devices
        return n == 0 ? 0 : tiles.reduce(0) { $0 + $1.meanPulsesPerDevice * Double($1.devices) } / Double(n)
    }
    public var maxPulsesPerDevice: Double { tiles.map(\.maxPulsesPerDevice).max() ?? 0 }
}

/// Where a tile sits in its layer's tile grid (row tile = block of inputs, column tile =
/// block of outputs; DESIGN §3.1), 0-based.
public struct TileIndex: Sendable, Codable, Equatable, Hashable, Comparable {
    public var row: Int
    public var col: Int

    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }

    public static func < (a: TileIndex, b: TileIndex) -> Bool { (a.row, a.col) < (b.row, b.col) }

    /// `r,c` as printed in tables and charts.
    public var label: String { "\(row),\(col)" }
}

/// Wear of one tile at the end of the run.
public struct TileWear: Sendable, Codable, Equatable {
    public var index: TileIndex
    /// Devices in the tile (two per synapse for differential pairs).
    public var devices: Int
    /// Pulses (SET + RESET) per device.
    public var histogram: PulseHistogram
    public var meanPulsesPerDevice: Double
    public var maxPulsesPerDevice: Double
    /// Devices failed or stuck from the start.
    public var failedDevices: Int
    /// SET (potentiating) and RESET (depressing) pulses, all devices of the tile.
    public var setPulses: Double
    public var resetPulses: Double
    /// Pulses delivered to devices that had already failed (no effect, still paid for).
    public var wastedPulses: Double
    /// Per-cell wear for the heat map; `nil` when not recorded.
    public var heatMap: WearGrid?

    public init(
        index: TileIndex, devices: Int, histogram: PulseHistogram, meanPulsesPerDevice: Double,
        maxPulsesPerDevice: Double, failedDevices: Int, setPulses: Double, resetPulses: Double,
        wastedPulses: Double, heatMap: WearGrid? = nil
    ) {
        self.index = index
        self.devices = devices
        self.histogram = histogram
        self.meanPulsesPerDevice = meanPulsesPerDevice
        self.maxPulsesPerDevice = maxPulsesPerDevice
        self.failedDevices = failedDevices
        self.setPulses = setPulses
        self.resetPulses = resetPulses
        self.wastedPulses = wastedPulses
        self.heatMap = heatMap
    }
}

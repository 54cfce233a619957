import Foundation
import GRDB

/// One row of `lifetimeWindow`: the lifetime controller's state for one tile at the end of one
/// accuracy window (runs with `learning.lifetime` only).
public struct LifetimeWindowRecord: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "lifetimeWindow"

    public var id: Int64?
    public var runId: Int64
    /// The accuracy window this row closes (as in `accuracyWindow`).
    public var windowIndex: Int
    /// Samples processed at the end of the window.
    public var sample: Int
    public var layer: Int
    public var tileRow: Int
    public var tileCol: Int
    /// Whether the controller acts (false during its warm-up).
    public var active: Bool
    /// s_j, the factor on the tile's desired weight changes, 0…1.
    public var writeScale: Double
    /// T_f,j from recent wear at the controller's last step, seconds at its sample rate; nil = never.
    public var projectedSeconds: Double?
    /// Pulses the tile received over the controller's horizon.
    public var horizonPulses: Double

    public init(id: Int64? = nil, runId: Int64, windowIndex: Int, sample: Int, layer: Int, tileRow: Int, tileCol: Int,
                active: Bool, writeScale: Double, projectedSeconds: Double?, horizonPulses: Double) {
        self.id = id
        self.runId = runId
        self.windowIndex = windowIndex
        self.sample = sample
        self.layer = layer
        self.tileRow = tileRow
        self.tileCol = tileCol
        self.active = active
        self.writeScale = writeScale
        self.projectedSeconds = projectedSeconds
        self.horizonPulses = horizonPulses
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let runId = Column(CodingKeys.runId)
        public static let windowIndex = Column(CodingKeys.windowIndex)
    }
}

/// One row of `recentWear`: per device of one tile, the pulses of the run's last `windows`
/// accuracy windows (`horizonSamples` samples), written with the end-of-run snapshot. The
/// blob holds one little-endian UInt32 per device: G⁺ of every synapse of the tile (row-major),
/// then G⁻ of every synapse.
public struct RecentWearRecord: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "recentWear"

    public var id: Int64?
    public var runId: Int64
    public var sample: Int
    public var layer: Int
    public var tileRow: Int
    public var tileCol: Int
    public var windows: Int
    public var horizonSamples: Int
    public var pulsesBlob: Data

    public init(id: Int64? = nil, runId: Int64, sample: Int, layer: Int, tileRow: Int, tileCol: Int,
                windows: Int, horizonSamples: Int, pulsesBlob: Data) {
        self.id = id
        self.runId = runId
        self.sample = sample
        self.layer = layer
        self.tileRow = tileRow
        self.tileCol = tileCol
        self.windows = windows
        self.horizonSamples = horizonSamples
        self.pulsesBlob = pulsesBlob
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The blob's counts, device by device.
    public var pulses: [UInt32] {
        let b = [UInt8](pulsesBlob)
        return (0..<(b.count / 4)).map { k in
            UInt32(b[4 * k]) | UInt32(b[4 * k + 1]) << 8 | UInt32(b[4 * k + 2]) << 16 | UInt32(b[4 * k + 3]) << 24
        }
    }

    /// Packs counts as the blob stores them.
    public static func blob(_ pulses: [UInt32]) -> Data {
        var out = [UInt8]()
        out.reserveCapacity(4 * pulses.count)
        for v in pulses { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        return Data(out)
    }

    public enum Columns {
        public static let runId = Column(CodingKeys.runId)
        public static let sample = Column(CodingKeys.sample)
    }
}

import GRDB

/// One row of `programming`: what writing an imported model (`--model`) into one crossbar
/// cost before the run's first sample — the programming phase, apart from the run's
/// per-sample windows (README "Programming the chip").
public struct ProgrammingRecord: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "programming"

    public var id: Int64?
    public var runId: Int64
    /// Index of the crossbar in the network's feedforward order (hidden layers, then the readout).
    public var layer: Int
    /// The crossbar's name, e.g. `hidden0`, `readout`.
    public var name: String
    /// `iterative` (per-device program-and-verify) or `rounds` (array-level closed loop).
    public var algorithm: String
    /// Synapses (device pairs) of the crossbar.
    public var pairs: Int
    /// Closed-loop rounds (`rounds`), 1 for `iterative`.
    public var rounds: Int
    public var pulses: Double
    public var setPulses: Double
    public var resetPulses: Double
    public var verifyReads: Double
    /// Devices that failed during programming.
    public var failures: Double
    /// Row-by-row write latency, seconds.
    public var writeLatencySeconds: Double
    /// Pulses and verify reads priced by the run's cost preset, pJ.
    public var energyPicojoules: Double
    /// RMS of (apparent − imported weight) after programming, network units.
    public var rmsError: Double
    /// Iterative only: pairs within the tolerance, pairs stopped at the pulse budget, the
    /// most pulses one pair took.
    public var convergedPairs: Int?
    public var exhaustedPairs: Int?
    public var maxPulsesPerPair: Int?

    public init(id: Int64? = nil, runId: Int64, layer: Int, name: String, algorithm: String, pairs: Int, rounds: Int,
                pulses: Double, setPulses: Double, resetPulses: Double, verifyReads: Double, failures: Double,
                writeLatencySeconds: Double, energyPicojoules: Double, rmsError: Double,
                convergedPairs: Int? = nil, exhaustedPairs: Int? = nil, maxPulsesPerPair: Int? = nil) {
        self.id = id
        self.runId = runId
        self.layer = layer
        self.name = name
        self.algorithm = algorithm
        self.pairs = pairs
        self.rounds = rounds
        self.pulses = pulses
        self.setPulses = setPulses
        self.resetPulses = resetPulses
        self.verifyReads = verifyReads
        self.failures = failures
        self.writeLatencySeconds = writeLatencySeconds
        self.energyPicojoules = energyPicojoules
        self.rmsError = rmsError
        self.convergedPairs = convergedPairs
        self.exhaustedPairs = exhaustedPairs
        self.maxPulsesPerPair = maxPulsesPerPair
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let runId = Column(CodingKeys.runId)
        public static let layer = Column(CodingKeys.layer)
    }
}

import GRDB

/// One row of `energyWindow`: everything the emulated chip did during one window of
/// samples (the same windows as `accuracyWindow`), counted by kind — the input of the
/// energy and latency model (DESIGN §6). Counts are exact numbers of operations; the
/// conductance sums are in normalized conductance `g = G/Gmax` (dimensionless).
///
/// `energyPicojoules` and `energyBreakdownJSON` price the window with the run's cost
/// preset (NULL when the writer had no cost model).
public struct EnergyWindowRecord: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "energyWindow"

    public var id: Int64?
    public var runId: Int64
    /// Window number, from 0 (same numbering as `accuracyWindow`).
    public var windowIndex: Int
    /// First and last sample of the window (0-based, inclusive).
    public var firstSample: Int
    public var lastSample: Int
    /// Samples processed in the window (labelled or not).
    public var samples: Int

    // Write path, pulses.
    /// SET + RESET pulses.
    public var pulses: Double = 0
    public var setPulses: Double = 0
    public var resetPulses: Double = 0
    /// Pulses sent to devices that had already failed.
    public var wastedPulses: Double = 0
    /// Pulses spent refreshing potentiate-only pairs (included in set/reset).
    public var refreshPulses: Double = 0
    /// The SET pulses among `refreshPulses` (the rest are RESET pulses).
    public var refreshSetPulses: Double = 0
    /// Σ over refresh SET / RESET pulses of the normalized conductance (included in the sums below).
    public var refreshSetConductanceSum: Double = 0
    public var refreshResetConductanceSum: Double = 0
    /// Verify reads (write-verify), reads.
    public var verifyReads: Double = 0
    /// Synapses written (an update that sent at least one pulse).
    public var synapseWrites: Double = 0
    /// Devices that failed in the window.
    public var failures: Double = 0
    /// Σ over SET pulses of the normalized conductance the device had.
    public var setConductanceSum: Double = 0
    /// Σ over RESET pulses of the normalized conductance the device had.
    public var resetConductanceSum: Double = 0
    /// Row-by-row write latency, seconds.
    public var writeLatencySeconds: Double = 0

    // Read path and neurons, operations.
    /// Row activations (rows driven in some tile at some time step).
    public var activeRows: Double = 0
    public var dacConversions: Double = 0
    public var adcConversions: Double = 0
    /// Tiles with at least one active row, per time step.
    public var tileActivations: Double = 0
    /// Σ over read cells of x²·(g⁺ + g⁻), normalized conductance.
    public var cellReadConductanceSum: Double = 0
    /// Multiply-accumulates done in the array.
    public var macs: Double = 0
    /// Digital additions of tile partial sums.
    public var partialSumAdds: Double = 0
    /// LIF and readout neuron updates.
    public var neuronUpdates: Double = 0
    /// Time steps run.
    public var timesteps: Double = 0
    /// Words written to or read from the encoder's delay line.
    public var delayLineAccesses: Double = 0

    // Learning logic (digital), operations.
    public var traceUpdates: Double = 0
    public var learningMacs: Double = 0
    public var accumulatorUpdates: Double = 0
    /// Per-synapse scalings of a desired update into pulse steps.
    public var updateScalings: Double = 0

    /// Energy of the whole window (all its samples), picojoules.
    public var energyPicojoules: Double?
    /// The same energy per component, a JSON object of picojoules (`EnergyBreakdown`:
    /// `crossbarCellsPicojoules`, `adcPicojoules`, … `refreshPicojoules`).
    public var energyBreakdownJSON: String?

    public init(id: Int64? = nil, runId: Int64, windowIndex: Int, firstSample: Int, lastSample: Int, samples: Int) {
        self.id = id
        self.runId = runId
        self.windowIndex = windowIndex
        self.firstSample = firstSample
        self.lastSample = lastSample
        self.samples = samples
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let runId = Column(CodingKeys.runId)
        public static let windowIndex = Column(CodingKeys.windowIndex)
        public static let energyPicojoules = Column(CodingKeys.energyPicojoules)
        public static let energyBreakdownJSON = Column(CodingKeys.energyBreakdownJSON)
    }
}

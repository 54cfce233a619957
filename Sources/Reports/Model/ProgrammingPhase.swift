/// One crossbar's programming phase (`programming` table, issue #19): what writing an imported
/// model into it cost before the run's first sample.
public struct ProgrammingLayer: Codable, Sendable, Equatable {
    public var name: String
    /// `iterative` or `rounds`.
    public var algorithm: String
    public var pairs: Int
    public var rounds: Int
    public var pulses: Double
    public var setPulses: Double
    public var resetPulses: Double
    public var verifyReads: Double
    public var failures: Double
    public var writeLatencySeconds: Double
    public var energyPicojoules: Double
    /// RMS of (apparent − imported weight), network units.
    public var rmsError: Double
    /// Iterative only: pairs within the tolerance, at the budget, most pulses of one pair.
    public var convergedPairs: Int?
    public var exhaustedPairs: Int?
    public var maxPulsesPerPair: Int?

    public init(name: String, algorithm: String, pairs: Int, rounds: Int, pulses: Double, setPulses: Double,
                resetPulses: Double, verifyReads: Double, failures: Double, writeLatencySeconds: Double,
                energyPicojoules: Double, rmsError: Double, convergedPairs: Int? = nil, exhaustedPairs: Int? = nil,
                maxPulsesPerPair: Int? = nil) {
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
}

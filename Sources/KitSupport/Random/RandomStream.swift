/// The independent random streams of a run. Each consumer draws from its own generator,
/// derived from the run seed and this label (``SeededGenerator/init(seed:stream:)``), so a
/// switch that turns one noise source on never changes what another source draws.
public enum RandomStream: UInt64, Sendable, CaseIterable {
    /// Device-to-device variation, drawn once when a device population is built.
    case deviceVariation = 1
    /// Initial weights.
    case weightInit = 2
    /// Cycle-to-cycle write noise, one draw per pulse.
    case writeNoise = 3
    /// Read noise, one draw per column of each active row-tile and time step (drawn sixteen at a
    /// time by a ``LaneNormalGenerator``).
    case readNoise = 4
    /// Stochastic rounding of updates into pulse counts.
    case pulseRounding = 5
    /// Rate (Bernoulli) input encoding.
    case encoding = 6
    /// The fixed random feedback matrices of direct feedback alignment.
    case feedback = 7
    /// Stuck-at faults present from the start.
    case faults = 8
    /// Shuffling the stream order between passes.
    case shuffle = 9
    /// Endurance budgets and failure modes.
    case endurance = 10
    /// Reservoir sampling and draws of a continual-learning replay buffer.
    case replay = 11
    /// Per-neuron time constants (membrane leaks, adaptation decays), drawn once.
    case neuronParameters = 12
    /// Initial weights of recurrent crossbars.
    case recurrentWeights = 13
    /// Key of the counter-based device-to-device parameters (steps, bounds, law shapes),
    /// regenerated per device index instead of stored (``CounterDraw``).
    case deviceParameters = 14
    /// Key of the counter-based endurance draws (budget, failure mode, initial faults).
    case deviceEndurance = 15
    /// Read noise of the verify reads that program an imported model (per-device
    /// program-and-verify), one draw per read.
    case programmingReads = 18
    /// Read noise of the verify reads of online writes through program-and-verify
    /// (`hardware.verify.onlineProgramVerify`), one draw per read; each crossbar its own
    /// generator (run seed + crossbar index).
    case onlineVerifyReads = 19
}

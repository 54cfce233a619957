/// NeuroBench's metrics of a network on a workload, under NeuroBench's own names (the keys
/// of `--summary json`'s `neuroBench` object; docs: README "NeuroBench metrics"):
/// ```
/// Footprint            bytes of the model's parameters as float32: every crossbar weight
///                      (bias rows included) and every neuron parameter (λ, θ of a hidden
///                      layer or its per-neuron λ_j, ρ_j; κ of the readout)
/// ConnectionSparsity   zero weights / weights of the connection layers (bias excluded)
/// ActivationSparsity   1 − spikes / (neurons × time steps), hidden layers and the readout
///                      (which never spikes), over every pass: NeuroBench's reading of an
///                      snnTorch net whose readout is a non-firing `Leaky`
/// SynapticOperations   per pass: Effective_MACs (graded inputs), Effective_ACs (spikes),
///                      Dense (every weight × every step, bias excluded)
/// MembraneUpdates      per pass: neuron-steps whose membrane potential changed
/// NeuronOperations     per pass: 4 × MembraneUpdates (Effective), 4 × neuron-steps (Dense):
///                      NeuroBench's cost of an snnTorch Leaky neuron, either reset
/// ```
/// plus the task's accuracy and the model execution rate `time steps / (samples × sample
/// period)`, Hz. Footprint and ConnectionSparsity are static (the weights at the end); the
/// others average the workload's passes.
public struct NeuroBenchMetrics: Codable, Equatable, Sendable {
    public struct SynapticOperations: Codable, Equatable, Sendable {
        public var effectiveMACs: Double
        public var effectiveACs: Double
        public var dense: Double
        public init(effectiveMACs: Double, effectiveACs: Double, dense: Double) {
            self.effectiveMACs = effectiveMACs; self.effectiveACs = effectiveACs; self.dense = dense
        }
        enum CodingKeys: String, CodingKey {
            case effectiveMACs = "Effective_MACs", effectiveACs = "Effective_ACs", dense = "Dense"
        }
    }

    public struct NeuronOperations: Codable, Equatable, Sendable {
        public var effective: Double
        public var dense: Double
        public init(effective: Double, dense: Double) { self.effective = effective; self.dense = dense }
        enum CodingKeys: String, CodingKey { case effective = "Effective", dense = "Dense" }
    }

    /// Which passes the workload metrics average: `eval` (the `--eval` set, learning off) or
    /// `prequential` (every training pass's prediction).
    public var workload: String
    public var samples: Int
    public var footprintBytes: Int
    public var connectionSparsity: Double
    public var activationSparsity: Double
    public var synapticOperations: SynapticOperations
    public var membraneUpdates: Double
    public var neuronOperations: NeuronOperations
    /// The task's accuracy on the same workload, in [0, 1].
    public var accuracy: Double
    public var modelExecutionRateHertz: Double

    public init(workload: String, samples: Int, footprintBytes: Int, connectionSparsity: Double,
                activationSparsity: Double, synapticOperations: SynapticOperations, membraneUpdates: Double,
                neuronOperations: NeuronOperations, accuracy: Double, modelExecutionRateHertz: Double) {
        self.workload = workload; self.samples = samples; self.footprintBytes = footprintBytes
        self.connectionSparsity = connectionSparsity; self.activationSparsity = activationSparsity
        self.synapticOperations = synapticOperations; self.membraneUpdates = membraneUpdates
        self.neuronOperations = neuronOperations; self.accuracy = accuracy
        self.modelExecutionRateHertz = modelExecutionRateHertz
    }

    enum CodingKeys: String, CodingKey {
        case workload, samples, accuracy
        case footprintBytes = "Footprint", connectionSparsity = "ConnectionSparsity"
        case activationSparsity = "ActivationSparsity", synapticOperations = "SynapticOperations"
        case membraneUpdates = "MembraneUpdates", neuronOperations = "NeuronOperations"
        case modelExecutionRateHertz = "ModelExecutionRate"
    }

    /// NeuroBench's operations per membrane update of an snnTorch `Leaky` neuron (subtract
    /// and zero reset alike; `neurobench.metrics.workload.neuron_operations`). Spikebar's
    /// LIF, ALIF and leaky-integrator readout are all counted at this cost *[assumption: the
    /// table has no entry for ALIF or a non-resetting integrator]*.
    public static let leakyOperationsPerUpdate = 4.0
}

extension NeuroBenchMetrics {
    /// The metrics of `counts` (the workload's passes) on `network` (its weights now).
    public init(counts c: NeuroBenchCounts, network: SpikingNetwork, workload: String, accuracy: Double,
                samplePeriodSeconds: Double) {
        let n = Double(max(c.samples, 1))
        let ops = Self.leakyOperationsPerUpdate
        self.init(
            workload: workload, samples: c.samples, footprintBytes: network.footprintBytes,
            connectionSparsity: network.connectionSparsity,
            activationSparsity: c.activations > 0 ? 1 - Double(c.spikes) / Double(c.activations) : 0,
            synapticOperations: SynapticOperations(effectiveMACs: Double(c.effectiveMACs) / n,
                                                   effectiveACs: Double(c.effectiveACs) / n,
                                                   dense: Double(c.denseSynapticOperations) / n),
            membraneUpdates: Double(c.membraneUpdates) / n,
            neuronOperations: NeuronOperations(effective: ops * Double(c.membraneUpdates) / n, dense: ops * Double(c.neuronSteps) / n),
            accuracy: accuracy,
            modelExecutionRateHertz: c.samples > 0 && samplePeriodSeconds > 0 ? Double(c.timesteps) / (n * samplePeriodSeconds) : 0)
    }
}

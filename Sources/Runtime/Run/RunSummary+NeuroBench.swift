import Foundation
import SpikingKit

extension RunSummary {
    /// Sets ``neuroBench``: over the `--eval` passes (learning off) when `eval` holds their
    /// counts and accuracy, otherwise over every prequential prediction of this process.
    mutating func recordNeuroBench(learner: OnlineLearner, prequentialAccuracy: Double,
                                   eval: (counts: NeuroBenchCounts, accuracy: Double)?) {
        let period = Double(learner.config.samplePeriodSeconds)
        if let eval {
            neuroBench = NeuroBenchMetrics(counts: eval.counts, network: learner.network, workload: "eval",
                                           accuracy: eval.accuracy, samplePeriodSeconds: period)
        } else {
            neuroBench = NeuroBenchMetrics(counts: learner.network.neuroBench, network: learner.network,
                                           workload: "prequential", accuracy: prequentialAccuracy,
                                           samplePeriodSeconds: period)
        }
    }

    /// The NeuroBench lines of the text summary.
    var neuroBenchLines: [String] {
        guard let m = neuroBench else { return [] }
        func g(_ x: Double) -> String { String(format: "%.6g", x) }
        let s = m.synapticOperations, n = m.neuronOperations
        return [
            "neurobench       \(m.workload) (\(m.samples) samples)   accuracy \(String(format: "%.4f", m.accuracy))   Footprint \(m.footprintBytes) B   ConnectionSparsity \(g(m.connectionSparsity))   ActivationSparsity \(g(m.activationSparsity))",
            "                 SynapticOperations Effective_MACs \(g(s.effectiveMACs))  Effective_ACs \(g(s.effectiveACs))  Dense \(g(s.dense))   per sample",
            "                 MembraneUpdates \(g(m.membraneUpdates))   NeuronOperations \(g(n.effective)) (Dense \(g(n.dense)))   ModelExecutionRate \(g(m.modelExecutionRateHertz)) Hz",
        ]
    }
}

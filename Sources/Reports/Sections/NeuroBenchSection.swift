import SpikingKit

/// The run's NeuroBench metrics (``NeuroBenchMetrics``) under NeuroBench's names, each with
/// its definition, so the numbers can be set beside other NeuroBench submissions.
enum NeuroBenchSection {
    static func build(_ data: RunReportData) -> ReportSection? {
        guard let m = data.neuroBench else { return nil }
        let s = m.synapticOperations, n = m.neuronOperations
        let rows: [[String]] = [
            ["accuracy", Format.fixed(m.accuracy, 4), "the task's accuracy on the workload (\(m.workload), \(m.samples) samples)"],
            ["Footprint", "\(m.footprintBytes) B", "parameters as float32: weights, biases, neuron constants"],
            ["ConnectionSparsity", Format.fixed(m.connectionSparsity, 4), "weights reading exactly 0 / all weights (bias excluded)"],
            ["ActivationSparsity", Format.fixed(m.activationSparsity, 4), "1 − spikes / (neurons × time steps), readout included"],
            ["SynapticOperations Effective_MACs", Format.significant(s.effectiveMACs), "per sample: non-zero graded input × non-zero weight"],
            ["SynapticOperations Effective_ACs", Format.significant(s.effectiveACs), "per sample: spike × non-zero weight"],
            ["SynapticOperations Dense", Format.significant(s.dense), "per sample: every weight at every step"],
            ["MembraneUpdates", Format.significant(m.membraneUpdates), "per sample: neuron-steps whose membrane changed"],
            ["NeuronOperations Effective", Format.significant(n.effective), "per sample: 4 × MembraneUpdates (snnTorch Leaky cost)"],
            ["NeuronOperations Dense", Format.significant(n.dense), "per sample: 4 × neurons × time steps"],
            ["ModelExecutionRate", "\(Format.significant(m.modelExecutionRateHertz)) Hz", "time steps per second of the emulated clock"],
        ]
        return ReportSection(
            title: "NeuroBench metrics", howToRead: howToRead,
            blocks: [.table(ReportTable(columns: ["metric", "value", "definition"], rows: rows, numeric: [false, true, false]))])
    }

    static let howToRead = """
        NeuroBench's algorithm-track metrics of this run, under NeuroBench's names and definitions, \
        measured on the eval set when the run had one (learning off), otherwise on every prequential \
        prediction. Synaptic operations count non-zero input × non-zero weight pairs of the crossbar \
        reads; the analog array itself always drives every column of an active row (Spikebar's own \
        MAC count, in the energy section). Footprint and ConnectionSparsity describe the weights at the end of the run.
        """
}

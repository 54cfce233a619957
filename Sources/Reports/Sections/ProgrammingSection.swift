/// The programming phase of an imported model (`--model`): per crossbar, the pulses, verify
/// reads, energy, latency and weight error of writing the model into the devices, and the
/// whole phase's totals. Absent for runs without an imported model.
enum ProgrammingSection {
    static func build(_ data: RunReportData) -> ReportSection? {
        let layers = data.programming ?? []
        guard !layers.isEmpty else { return nil }
        func optional(_ x: Int?) -> String { x.map(String.init) ?? "—" }
        var rows = layers.map { l -> [String] in
            [l.name, l.algorithm, "\(l.pairs)", Format.count(l.pulses),
             Format.fixed(l.pulses / Double(max(l.pairs, 1)), 1), optional(l.maxPulsesPerPair),
             Format.count(l.verifyReads), Format.fixed(l.energyPicojoules / 1e6, 3),
             Format.fixed(l.writeLatencySeconds * 1e3, 3), Format.significant(l.rmsError),
             optional(l.convergedPairs), optional(l.exhaustedPairs)]
        }
        let pairs = layers.reduce(0) { $0 + $1.pairs }, pulses = layers.reduce(0) { $0 + $1.pulses }
        let converged = layers.compactMap(\.convergedPairs), exhausted = layers.compactMap(\.exhaustedPairs)
        let most = layers.compactMap(\.maxPulsesPerPair).max()
        rows.append([
            "total", layers[0].algorithm, "\(pairs)", Format.count(pulses), Format.fixed(pulses / Double(max(pairs, 1)), 1),
            optional(most), Format.count(layers.reduce(0) { $0 + $1.verifyReads }),
            Format.fixed(layers.reduce(0) { $0 + $1.energyPicojoules } / 1e6, 3),
            Format.fixed(layers.reduce(0) { $0 + $1.writeLatencySeconds } * 1e3, 3), "",
            converged.isEmpty ? "—" : "\(converged.reduce(0, +))", exhausted.isEmpty ? "—" : "\(exhausted.reduce(0, +))",
        ])
        let table = ReportTable(
            columns: ["crossbar", "algorithm", "pairs", "pulses", "pulses/pair", "max pulses/pair", "verify reads",
                      "energy (µJ)", "write latency (ms)", "RMS weight error", "within tolerance", "at budget"],
            rows: rows, numeric: [false, false] + Array(repeating: true, count: 10))
        var facts = ["SET \(Format.count(layers.reduce(0) { $0 + $1.setPulses })), RESET \(Format.count(layers.reduce(0) { $0 + $1.resetPulses })) pulses"]
        let failures = layers.reduce(0) { $0 + $1.failures }
        if failures > 0 { facts.append("\(Format.count(failures)) devices failed while programming") }
        if layers[0].algorithm == "rounds" { facts.append("\(layers[0].rounds) closed-loop round(s)") }
        return ReportSection(title: "Programming", howToRead: howToRead,
                             blocks: [.table(table), .paragraph(facts.joined(separator: "; ") + ".")])
    }

    static let howToRead = """
        The imported model's weights written into the devices before the first sample, per crossbar. \
        iterative: each pair is pulsed one step at a time and read back (the mean of several noisy \
        reads) until it reads within the tolerance of its target or its pulse budget is spent \
        ("within tolerance" / "at budget"); rounds: the whole array is read and rewritten a few times. \
        Pulses wear the devices like any other write; energy prices the pulses and the verify reads with \
        the run's cost preset; the write latency drives a row's pairs in parallel. The RMS weight error is \
        the apparent weight minus the imported one after programming, in the network's units.
        """
}

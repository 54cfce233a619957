/// Energy by component, picojoules (DESIGN §6). The total is the sum of the components,
/// by construction: nothing is charged outside a component.
///
/// Read path: ``crossbarCellsPicojoules`` … ``interconnectPicojoules``; then the neuron
/// module, the learning logic, and the write path (pulses, verify reads, refresh).
public struct EnergyBreakdown: Equatable, Sendable, Codable {
    /// Cells of driven rows: `V_read²·Gmax·t_read·Σ x²(g⁺ + g⁻)` (device physics).
    public var crossbarCellsPicojoules: Double = 0
    /// ADC conversions.
    public var adcPicojoules: Double = 0
    /// Row drivers of spike inputs and DACs of graded inputs, and the input delay line.
    public var dacRowDriversPicojoules: Double = 0
    /// Column multiplexer, one selection per conversion.
    public var columnMuxPicojoules: Double = 0
    /// Digital additions of digitized partial sums.
    public var accumulationPicojoules: Double = 0
    /// Per active tile: H-tree, memory fetch, tile and temporary buffers, subtractors.
    public var interconnectPicojoules: Double = 0
    /// LIF neuron and readout integrator updates (read U_mem, leak, add, compare, write).
    public var neuronPicojoules: Double = 0
    /// Traces, DFA projection and eligibility products, update scaling, χ accumulators.
    public var learningLogicPicojoules: Double = 0
    /// Write pulses of learning updates (and write-verify retries), refresh excluded.
    public var writePulsesPicojoules: Double = 0
    /// Write-verify reads.
    public var verifyReadsPicojoules: Double = 0
    /// Pulses that refresh potentiate-only pairs.
    public var refreshPicojoules: Double = 0

    public init() {}

    /// Every component's name (its JSON key without `Picojoules`) and field, in report order.
    public static var fields: [(name: String, keyPath: WritableKeyPath<EnergyBreakdown, Double>)] { [
        ("crossbarCells", \.crossbarCellsPicojoules), ("adc", \.adcPicojoules),
        ("dacRowDrivers", \.dacRowDriversPicojoules), ("columnMux", \.columnMuxPicojoules),
        ("accumulation", \.accumulationPicojoules), ("interconnect", \.interconnectPicojoules),
        ("neuron", \.neuronPicojoules), ("learningLogic", \.learningLogicPicojoules),
        ("writePulses", \.writePulsesPicojoules), ("verifyReads", \.verifyReadsPicojoules),
        ("refresh", \.refreshPicojoules),
    ] }

    /// Every component with its name, in report order.
    public var components: [(name: String, picojoules: Double)] {
        Self.fields.map { ($0.name, self[keyPath: $0.keyPath]) }
    }

    /// Σ of all components, pJ.
    public var totalPicojoules: Double { Self.fields.reduce(0) { $0 + self[keyPath: $1.keyPath] } }

    /// The read path: cells, converters, multiplexers, accumulation and interconnect, pJ.
    public var readPicojoules: Double {
        crossbarCellsPicojoules + adcPicojoules + dacRowDriversPicojoules + columnMuxPicojoules
            + accumulationPicojoules + interconnectPicojoules
    }

    /// The write path: pulses, verify reads and refresh, pJ.
    public var writePathPicojoules: Double { writePulsesPicojoules + verifyReadsPicojoules + refreshPicojoules }

    public static func += (a: inout EnergyBreakdown, b: EnergyBreakdown) {
        for f in fields { a[keyPath: f.keyPath] += b[keyPath: f.keyPath] }
    }

    /// Every component multiplied by `s` (e.g. 1/samples for a per-sample mean).
    public func scaled(by s: Double) -> EnergyBreakdown {
        var out = self
        for f in Self.fields { out[keyPath: f.keyPath] *= s }
        return out
    }
}

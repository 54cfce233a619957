import KitSupport
import LineProtocol
import Settings
import CrossbarKit
import DeviceKit
import Foundation

/// `spikebar energy estimate`: the cost of one inference sample through fully connected
/// layers, without running data — SpikeSim's dense aggregation, or the event-driven ledger
/// on the expected counts of a given spike rate.
public struct EnergyEstimate: Sendable {
    public enum Mode: String, CaseIterable, Codable, Sendable {
        /// SpikeSim-compatible: every PE cycle of every layer at every step, in full.
        case dense
        /// The event-driven ledger on expected counts at `spikeRate`.
        case event
    }

    /// Layer sizes `[inputs, hidden…, outputs]`.
    public var sizes: [Int]
    public var timesteps: Int
    public var mode: Mode
    /// Probability that an input line of any layer spikes at a step (event mode).
    public var spikeRate: Double
    public var cost: CostPreset
    /// The device and periphery (event mode: cell read energy, ADC/DAC bits, tiling).
    public var hardware: HardwareConfig

    public init(sizes: [Int], timesteps: Int, mode: Mode, spikeRate: Double, cost: CostPreset, hardware: HardwareConfig) {
        self.sizes = sizes
        self.timesteps = timesteps
        self.mode = mode
        self.spikeRate = spikeRate
        self.cost = cost
        self.hardware = hardware
    }

    /// The estimate of one sample.
    public struct Result: Codable, Equatable, Sendable, SortedJSONEncodable {
        public var mode: Mode
        /// Cost preset name.
        public var preset: String
        /// Device preset name.
        public var device: String
        public var layers: [Int]
        public var timesteps: Int
        public var spikeRate: Double?
        public var energyPicojoules: Double
        public var latencyMicroseconds: Double
        /// Energy by component, pJ; sums to ``energyPicojoules``.
        public var breakdown: EnergyBreakdown
        public var area: AreaBreakdown
        public var areaSquareMillimetres: Double
        public var macs: Double
        public var tops: Double
        public var topsPerWatt: Double
        public var topsPerSquareMillimetre: Double
        /// What the estimate includes and leaves out.
        public var notes: [String]
    }

    public func validate() throws {
        guard sizes.count >= 2, sizes.allSatisfy({ $0 >= 1 && $0 <= 10_000_000 }) else {
            throw ConfigError.outOfRange(key: "layers", value: "\(sizes)", allowed: "at least two sizes, each 1…10000000")
        }
        try Validate.inRange(timesteps, 1...1_000_000, "timesteps")
        guard (0...1).contains(spikeRate) else {
            throw ConfigError.outOfRange(key: "spike-rate", value: "\(spikeRate)", allowed: "0…1")
        }
    }

    public func run() throws -> Result {
        try validate()
        let layout = ChipLayout(sizes: sizes, crossbar: hardware.crossbar)
        let report: CostReport
        var notes = ["inference only: learning logic and write pulses need data (spikebar run)"]
        switch mode {
        case .dense:
            let model = DenseCostModel(cost: cost)
            report = model.report(layers: DenseCostModel.fullyConnected(sizes), timesteps: timesteps, layout: layout)
            notes.append("SpikeSim aggregation: every PE cycle charged in full, \(cost.crossbarSize)×\(cost.crossbarSize) crossbars, ADC at \(cost.converters.adcReferenceBits) bits")
        case .event:
            let gPair = 1 + 1 / Double(hardware.preset.electrical.onOffRatio)
            let counts = OperationCounts.expectedInference(
                sizes: sizes, timesteps: timesteps, spikeRate: spikeRate,
                tileRows: hardware.crossbar.tileRows, tileCols: hardware.crossbar.tileCols, pairConductance: gPair)
            report = CostModel(cost: cost, hardware: hardware, layout: layout).report(counts, samples: 1)
            notes.append("expected counts: every layer's inputs spike with probability \(spikeRate) per step; cells at mid-window (g⁺ + g⁻ = \(gPair))")
            notes.append(cost.pipelineLayers ? "layers pipelined across time steps" : "layers of a time step run in turn (not pipelined)")
        }
        return Result(mode: mode, preset: cost.name, device: hardware.preset.name, layers: sizes, timesteps: timesteps,
                      spikeRate: mode == .event ? spikeRate : nil,
                      energyPicojoules: report.energyPicojoules, latencyMicroseconds: report.latencySeconds * 1e6,
                      breakdown: report.energy, area: report.area, areaSquareMillimetres: report.area.totalSquareMillimetres,
                      macs: report.macs, tops: report.tops, topsPerWatt: report.topsPerWatt,
                      topsPerSquareMillimetre: report.topsPerSquareMillimetre, notes: notes)
    }
}

extension EnergyEstimate.Result {
    public var text: String {
        func f(_ x: Double, _ format: String = "%.4g") -> String { String(format: format, x) }
        var lines = [
            "mode             \(mode.rawValue)   cost \(preset)   device \(device)   layers \(layers.map(String.init).joined(separator: "-"))   T=\(timesteps)"
                + (spikeRate.map { "   spike rate \($0)" } ?? ""),
            "energy           \(f(energyPicojoules / 1000, "%.3f")) nJ/sample   (\(f(macs, "%.0f")) MACs)",
            "latency          \(f(latencyMicroseconds, "%.3f")) µs/sample",
            "throughput       \(f(tops)) TOPS   \(f(topsPerWatt)) TOPS/W   \(f(topsPerSquareMillimetre)) TOPS/mm² on \(f(areaSquareMillimetres, "%.3f")) mm²",
            "breakdown        component          pJ/sample      share",
        ]
        for c in breakdown.components where c.picojoules > 0 {
            let share = energyPicojoules > 0 ? 100 * c.picojoules / energyPicojoules : 0
            lines.append("                 " + c.name.padding(toLength: 16, withPad: " ", startingAt: 0)
                         + String(format: "%14.2f   %6.2f %%", c.picojoules, share))
        }
        lines += notes.map { "note             \($0)" }
        return lines.joined(separator: "\n")
    }
}

/// Energy, latency, area and the throughput metrics of some work on a chip (DESIGN §3.3):
/// ```
/// TOPS        = ops / latency / 10¹²
/// TOPS/W      = ops / energy / 10¹²      (= MACs per pJ)
/// TOPS/mm²    = TOPS / area
/// ```
/// One op is one MAC of the crossbars (active rows × columns, as counted by the read path);
/// energy and latency include everything charged — learning and writes too, when the work
/// includes them.
public struct CostReport: Equatable, Sendable, Codable {
    public var samples: Double
    public var macs: Double
    public var energy: EnergyBreakdown
    public var latency: LatencyBreakdown
    public var area: AreaBreakdown

    public init(samples: Double, macs: Double, energy: EnergyBreakdown, latency: LatencyBreakdown, area: AreaBreakdown) {
        self.samples = samples
        self.macs = macs
        self.energy = energy
        self.latency = latency
        self.area = area
    }

    public var energyPicojoules: Double { energy.totalPicojoules }
    public var latencySeconds: Double { latency.totalSeconds }
    /// Mean energy of one sample, pJ.
    public var energyPicojoulesPerSample: Double { samples > 0 ? energyPicojoules / samples : 0 }
    /// Mean latency of one sample, µs.
    public var latencyMicrosecondsPerSample: Double { samples > 0 ? latencySeconds / samples * 1e6 : 0 }
    public var tops: Double { latencySeconds > 0 ? macs / latencySeconds / 1e12 : 0 }
    public var topsPerWatt: Double { energyPicojoules > 0 ? macs / energyPicojoules : 0 }
    public var topsPerSquareMillimetre: Double {
        area.totalSquareMillimetres > 0 ? tops / area.totalSquareMillimetres : 0
    }
}

/// The event-driven cost model of one chip: a ledger for energy, a latency model and the
/// chip's area, all from one cost preset and one hardware configuration.
public struct CostModel: Equatable, Sendable {
    public let ledger: EnergyLedger
    public let latency: LatencyModel
    public let area: AreaBreakdown

    public init(cost: CostPreset, hardware: HardwareConfig, layout: ChipLayout) {
        ledger = EnergyLedger(cost: cost, hardware: hardware)
        latency = LatencyModel(cost: cost, layout: layout)
        area = AreaBreakdown(layout: layout, cost: cost, adcBits: hardware.crossbar.adcBits)
    }

    /// The cost of the work in `counts`, done as `samples` samples.
    public func report(_ counts: OperationCounts, samples: Double) -> CostReport {
        CostReport(samples: samples, macs: counts.macs, energy: ledger.price(counts),
                   latency: latency.latency(counts, samples: samples), area: area)
    }
}

/// Latency by phase, seconds (DESIGN §3.3, §4.5).
public struct LatencyBreakdown: Equatable, Sendable, Codable {
    /// Crossbar reads: PE cycles on the critical path × PE cycle time.
    public var readSeconds: Double = 0
    /// Digital learning operations spread over the learning lanes.
    public var learningSeconds: Double = 0
    /// Write pulses, row by row (DESIGN §4.5).
    public var writeSeconds: Double = 0

    public init() {}

    public var totalSeconds: Double { readSeconds + learningSeconds + writeSeconds }

    /// Every phase multiplied by `s` (e.g. 1/samples for a per-sample mean).
    public func scaled(by s: Double) -> LatencyBreakdown {
        var out = LatencyBreakdown()
        out.readSeconds = readSeconds * s
        out.learningSeconds = learningSeconds * s
        out.writeSeconds = writeSeconds * s
        return out
    }
}

/// How long the chip takes for the work in some ``OperationCounts``.
///
/// ```
/// read, layers not pipelined   t_PE · L · Σ timesteps
/// read, layers pipelined       t_PE · (Σ timesteps + samples·(L − 1))
/// learning                     (trace updates + learning MACs + update scalings + χ updates)
///                              / (learningLanes · f_clk)
/// write                        Σ over written rows of the largest pulse count × t_pulse,
///                              SET and RESET separately (counted by the write path)
/// ```
/// Every tile of a layer has its own ADCs, so a layer reads all its tiles in one PE cycle
/// (`t_PE = peCycleClocks / f_clk`, 104 ns at SpikeSim's point) whether or not they are
/// active: events save energy, not time. Without pipelining, the L layers of a time step
/// (recurrent crossbars excluded: they read beside their layer's input crossbar)
/// run one after another (layer l + 1 needs the spikes of layer l at the same step), so
/// latency grows linearly with the time steps. The learning logic runs after the reads
/// it depends on and is not overlapped with them *[assumption]*; writes happen after the
/// sample, row by row.
public struct LatencyModel: Equatable, Sendable {
    public let peCycleSeconds: Double
    public let layerCount: Int
    public let pipelined: Bool
    public let learningOperationsPerSecond: Double

    public init(cost: CostPreset, layout: ChipLayout) {
        peCycleSeconds = cost.peCycleSeconds
        layerCount = layout.sequentialLayers
        pipelined = cost.pipelineLayers
        learningOperationsPerSecond = cost.learningLanes * cost.clockMegahertz * 1e6
    }

    /// The latency of the work in `c`, done as `samples` samples.
    public func latency(_ c: OperationCounts, samples: Double) -> LatencyBreakdown {
        var out = LatencyBreakdown()
        let l = Double(layerCount)
        let cycles = pipelined ? c.timesteps + samples * (l - 1) : c.timesteps * l
        out.readSeconds = c.timesteps > 0 ? cycles * peCycleSeconds : 0
        let learningOps = c.traceUpdates + c.learningMacs + c.updateScalings + c.accumulatorUpdates
        out.learningSeconds = learningOps / learningOperationsPerSecond
        out.writeSeconds = c.writeLatencySeconds
        return out
    }
}

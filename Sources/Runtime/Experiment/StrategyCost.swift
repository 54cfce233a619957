import Foundation
import CrossbarKit
import Settings
import SpikingKit

/// What a continual strategy cost over an experiment's training (new and replayed samples;
/// held-out evaluations excluded): pulses, energy, the strategy's memory and the chip's
/// projected lifetime. Energy is the event-driven ledger of every training operation (replayed
/// passes included) plus the replay buffer's reads and writes at the cost preset's `memory:`
/// per-byte energies.
public struct StrategyCost: Codable, Sendable, Equatable {
    /// Write pulses (SET + RESET) of all training.
    public var pulses: Double
    /// Synapse write events.
    public var synapseWrites: Double
    /// New training samples (replayed ones not counted).
    public var trainSamples: Double
    public var pulsesPerSample: Double
    /// All training energy, buffer traffic included, pJ.
    public var energyPicojoules: Double
    /// ``energyPicojoules`` per new training sample.
    public var energyPicojoulesPerSample: Double
    /// The buffer's share of ``energyPicojoules`` (its reads and writes only).
    public var bufferEnergyPicojoules: Double
    /// Replay buffer size at capacity, bytes (raw samples, 32-bit values).
    public var bufferBytes: Int
    /// Everything the strategy keeps beside the network: buffer, importance, mask and gains, bytes.
    public var strategyMemoryBytes: Int
    /// `sram` or `dram` (empty without a buffer).
    public var bufferMemory: String
    public var bufferReadBytes: Double
    public var bufferWriteBytes: Double
    public var replayPasses: Double
    /// Synapses whose writes the metaplastic gate drops.
    public var frozenSynapses: Int
    /// Time until 1 % of the devices have failed at ``lifetimeSamplesPerSecond`` with the
    /// training's wear per sample, seconds; nil if no device ever wears out at that rate.
    public var projectedLifetimeSeconds: Double?
    public var lifetimeSamplesPerSecond: Double

    /// Prices `training` (the operations of the training samples) for `learner` under `config`.
    /// The lifetime is left nil: the projection lives with the wear records
    /// (`Recording.StrategyLifetime`, an experiment observer, fills it in).
    static func make(learner: OnlineLearner, config: ResolvedConfig, training: OperationCounts,
                     trainSamples: Int, sampleValues: Int, samplesPerSecond: Double = 100) -> StrategyCost {
        let continual = learner.continual
        let c = continual?.counts ?? ContinualCounts()
        let dram = config.run.engine.continual.bufferMemory == .dram
        let perByte = config.cost.memory.perByte(dram: dram)
        let buffer = c.bufferReadBytes * perByte.read + c.bufferWriteBytes * perByte.write
        let report = CostModel(config: config, network: learner.network).report(training, samples: Double(trainSamples))
        let energy = report.energyPicojoules + buffer
        let n = Double(max(trainSamples, 1))
        return StrategyCost(
            pulses: training.pulses, synapseWrites: training.synapseWrites, trainSamples: Double(trainSamples),
            pulsesPerSample: training.pulses / n, energyPicojoules: energy, energyPicojoulesPerSample: energy / n,
            bufferEnergyPicojoules: buffer,
            bufferBytes: continual?.buffer?.capacityBytes(sampleValues: sampleValues) ?? 0,
            strategyMemoryBytes: continual?.memoryBytes(sampleValues: sampleValues) ?? 0,
            bufferMemory: continual?.buffer == nil ? "" : config.run.engine.continual.bufferMemory.rawValue,
            bufferReadBytes: c.bufferReadBytes, bufferWriteBytes: c.bufferWriteBytes, replayPasses: c.replayPasses,
            frozenSynapses: continual?.gate?.frozenSynapses ?? 0,
            projectedLifetimeSeconds: nil, lifetimeSamplesPerSecond: samplesPerSecond)
    }
}

extension StrategyCost {
    /// The cost lines of a text summary.
    var lines: [String] {
        func f(_ x: Double, _ d: Int = 2) -> String { String(format: "%.\(d)f", x) }
        var out = ["", "cost of training: \(Int(pulses)) pulses (\(f(pulsesPerSample, 1))/sample), \(f(energyPicojoulesPerSample / 1000)) nJ/sample"]
        if bufferBytes > 0 {
            out.append("replay buffer \(bufferBytes) B in \(bufferMemory): \(Int(replayPasses)) replays, \(f(bufferEnergyPicojoules / 1000)) nJ of buffer traffic")
        }
        if strategyMemoryBytes > 0 { out.append("strategy memory \(strategyMemoryBytes) B") }
        if frozenSynapses > 0 { out.append("frozen synapses \(frozenSynapses)") }
        let life = projectedLifetimeSeconds.map(StrategyCost.duration) ?? "never (no wear-out)"
        out.append("projected lifetime (1 % of devices failed at \(Int(lifetimeSamplesPerSecond)) samples/s): \(life)")
        return out
    }
}

extension StrategyCost {
    /// A duration in hours below two days, in days below a year, else in years (365.25 days).
    static func duration(_ seconds: Double) -> String {
        let hours = seconds / 3600, days = hours / 24
        if days < 2 { return String(format: "%.1f h", hours) }
        if days < 365.25 { return String(format: "%.1f days", days) }
        return String(format: "%.2f years", days / 365.25)
    }
}

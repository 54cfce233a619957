import DeviceKit
import KitSupport

/// What per-device program-and-verify did on one crossbar: how many pairs ended inside the
/// tolerance and how many stopped at the pulse budget.
public struct ProgramVerifyTally: Equatable, Sendable {
    /// Pairs whose last verify read was within the tolerance (ideal pairs: all).
    public var converged = 0
    /// Pairs that used their whole pulse budget outside the tolerance.
    public var exhausted = 0
    /// Program-and-verify iterations (each: one check of `readsPerVerify` reads and, unless the
    /// pair stops, one burst of pulses), summed over pairs.
    public var iterations = 0
    /// The largest number of pulses one pair took.
    public var maxPulsesPerPair = 0

    public init() {}

    public static func += (a: inout ProgramVerifyTally, b: ProgramVerifyTally) {
        a.converged += b.converged
        a.exhausted += b.exhausted
        a.iterations += b.iterations
        a.maxPulsesPerPair = max(a.maxPulsesPerPair, b.maxPulsesPerPair)
    }
}

extension CrossbarLayer {
    /// Programs every pair to `targets` (network units, row-major `rows·cols`) with per-device
    /// iterative program-and-verify, the closed loop RRAM and PCM chips use to tune a state
    /// (Alibart et al. 2012, Nanotechnology 23 075201; Yao et al. 2020, Nature 577 641;
    /// Papandreou et al. 2011, ISCAS): for pair i, target T = targets[i]/weightScale (device
    /// units), nominal step s, tolerance τ = ``VerifyParameters/programToleranceSteps``,
    /// budget B = ``VerifyParameters/programMaxPulses``, burst cap c =
    /// ``VerifyParameters/programMaxPulsesPerIteration``, k = ``VerifyParameters/programReadsPerVerify``:
    /// ```
    /// p = 0
    /// loop:  r = (1/k)·Σ_k read_i          (the pair's apparent weight + read noise, k verify reads)
    ///        e = T − r
    ///        stop if |e| ≤ τ·s              (converged)   or   p ≥ B   (budget exhausted)
    ///        n = sign(e)·min(max(1, round(|e|/s)), c, B − p);  send n pulses;  p += |n|
    /// ```
    /// Each burst adds the device's cycle-to-cycle noise, and the next read sees it: with c = 1
    /// the state performs a random walk with a drift of one step towards T, which revisits the
    /// band ±τ·s however large one pulse's noise is, so the loop ends inside the tolerance
    /// (up to read noise) unless the budget runs out. Pulses go through the pair policy
    /// (``sendPulses``, a potentiate-only pair's refresh included) and wear the devices.
    ///
    /// Pairs are programmed one after the other in row-major order; the devices of one row are
    /// driven in parallel, so a row costs the write latency of its slowest pair. Ideal devices
    /// take `targets[i] − w` exactly in one write (one pulse), checked by one read before and
    /// one after. Every pulse, verify read and failure goes to `counts`; `readRNG` draws only
    /// the verify reads' noise, `writeRNG` the pulses'.
    public func programVerify(_ targets: [Float], timeSeconds t: Float, writeRNG: inout SeededGenerator,
                              readRNG: inout SeededGenerator, counts: inout OperationCounts) -> ProgramVerifyTally {
        precondition(targets.count == rows * cols, "one target per synapse")
        let ideal = preset.device.model == .ideal
        let tSet = Double(preset.electrical.setPulseSeconds), tReset = Double(preset.electrical.resetPulseSeconds)
        var result = ProgramVerifyTally()
        var pulses = PulseTally()
        var rowLatency = 0.0
        for i in 0..<(rows * cols) {
            if i % cols == 0 {
                counts.writeLatencySeconds += rowLatency
                rowLatency = 0
            }
            let target = targets[i] / weightScale
            var sent = PulseTally()
            if ideal {
                counts.verifyReads += 1
                result.iterations += 1
                let delta = target - (plus.weight[i] - minus.weight[i])
                if delta != 0 {
                    sent = plus.applyExact(i, delta: delta, timeSeconds: t)
                    refreshSynapse(i, timeSeconds: t)
                    counts.synapseWrites += 1
                    counts.verifyReads += 1
                    result.iterations += 1
                }
                result.converged += 1
            } else {
                let loop = verifyLoop(i, target: target, firstRead: nil, timeSeconds: t, writeRNG: &writeRNG,
                                      readRNG: &readRNG, counts: &counts, tally: &result)
                sent = loop.sent
                if loop.requested > 0 { counts.synapseWrites += 1 }
            }
            result.maxPulsesPerPair = max(result.maxPulsesPerPair, sent.pulses)
            rowLatency = max(rowLatency, Double(sent.setPulses) * tSet + Double(sent.resetPulses) * tReset)
            pulses += sent
        }
        counts.writeLatencySeconds += rowLatency
        counts.add(pulses)
        return result
    }

    /// One pair's closed loop of ``programVerify`` (the pseudo-code there), towards `target`
    /// (device units): checks of k averaged verify reads, bursts of at most c pulses, until the
    /// check is within ±τ·s or B pulses were sent. `firstRead`, when given, is the first
    /// check's average (already read and counted by the caller). Returns what the pulses did and
    /// how many were requested (a failed device's pulses are requested but wasted);
    /// iterations and the outcome (converged or exhausted) go to `tally`, reads to `counts`.
    func verifyLoop(_ i: Int, target: Float, firstRead: Float?, timeSeconds t: Float,
                    writeRNG: inout SeededGenerator, readRNG: inout SeededGenerator,
                    counts: inout OperationCounts, tally: inout ProgramVerifyTally) -> (sent: PulseTally, requested: Int) {
        let v = preset.verify
        let s = preset.device.nominalStep
        let tolerance = v.programToleranceSteps * s
        let budget = v.programMaxPulses, cap = v.programMaxPulsesPerIteration, reads = v.programReadsPerVerify
        var sent = PulseTally()
        var known = firstRead
        var p = 0
        while true {
            let average: Float
            if let r = known {
                average = r
                known = nil
            } else {
                var r: Float = 0
                for _ in 0..<reads { r += noisyPairRead(i, &readRNG) }
                counts.verifyReads += Double(reads)
                average = r / Float(reads)
            }
            tally.iterations += 1
            let e = target - average
            if abs(e) <= tolerance { tally.converged += 1; break }
            if p >= budget { tally.exhausted += 1; break }
            let n = min(max(1, Int((abs(e) / s).rounded())), cap, budget - p)
            sent += sendPulses(i, e > 0 ? n : -n, t, &writeRNG, &counts)
            p += n
            refreshSynapse(i, timeSeconds: t)
        }
        return (sent, p)
    }
}

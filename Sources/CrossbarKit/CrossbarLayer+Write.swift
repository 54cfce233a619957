import DeviceKit
import KitSupport

extension CrossbarLayer {
    /// Applies a desired weight change `delta` (network units, row-major `rows·cols`) through
    /// the write path (DESIGN §4): converts each entry into a whole number of pulses with the
    /// configured ``PulseScheme``, sends them to the pair according to the preset's
    /// ``PairPolicy``, verifies if enabled, and refreshes the read matrices. `delta` is
    /// consumed: every entry is zeroed. Pulses, wear, conductances seen and row-by-row write
    /// latency are added to `counts`. `scheme` overrides the configured pulse scheme (the
    /// programming of an imported model writes with ``PulseScheme/round``).
    public func applyUpdate(_ delta: UnsafeMutablePointer<Float>, timeSeconds: Float,
                            rng: inout SeededGenerator, roundingRNG: inout SeededGenerator,
                            counts: inout OperationCounts, scheme override: PulseScheme? = nil) {
        let p = preset.device
        let toSteps = 1 / (weightScale * p.nominalStep)
        let scheme = override ?? writeConfig.scheme
        let ideal = p.model == .ideal
        let n = rows * cols
        // Pass 1 (dense, branch-free): turn the desired change into steps, in place (the
        // accumulate scheme folds it into χ), and list the entries that may send pulses.
        let list = candidates.pointer
        var m = 0
        counts.updateScalings += Double(n)
        if ideal {
            for i in 0..<n {
                list[m] = Int32(truncatingIfNeeded: i)
                m &+= isNonZero(delta[i])
            }
        } else if scheme == .accumulate {
            let chi = accumulator.pointer
            let eps = writeConfig.accumulateThresholdSteps
            for i in 0..<n {
                let x = min(max(chi[i] + delta[i] * toSteps, -1e6), 1e6)
                chi[i] = x
                delta[i] = 0
                list[m] = Int32(truncatingIfNeeded: i)
                m &+= 1 &- Int((abs(x) - eps).bitPattern >> 31)  // branch-free |x| ≥ ε
            }
            counts.accumulatorUpdates += Double(n)
        } else {
            for i in 0..<n {
                let v = min(max(delta[i] * toSteps, -1e6), 1e6)
                delta[i] = v
                list[m] = Int32(truncatingIfNeeded: i)
                m &+= isNonZero(v)
            }
        }
        sendListed(m, delta, timeSeconds: timeSeconds, rng: &rng, roundingRNG: &roundingRNG, counts: &counts,
                   scheme: scheme)
        // Consumes the ideal update (and turns any −0 left in it into +0).
        if ideal { delta.update(repeating: 0, count: n) }
    }

    /// Pass 2 of a write (sparse): sends the pulses of the first `m` entries of ``candidates``
    /// (ascending), row by row for the write latency, with `scheme` (default: the configured one).
    func sendListed(_ m: Int, _ delta: UnsafeMutablePointer<Float>, timeSeconds: Float,
                    rng: inout SeededGenerator, roundingRNG: inout SeededGenerator,
                    counts: inout OperationCounts, scheme override: PulseScheme? = nil) {
        let ideal = preset.device.model == .ideal
        let scheme = override ?? writeConfig.scheme
        let list = candidates.pointer
        let tSet = Double(preset.electrical.setPulseSeconds), tReset = Double(preset.electrical.resetPulseSeconds)
        var tally = PulseTally()
        var writes = 0
        var rowSet = 0, rowReset = 0
        var currentRow = -1
        // Read once per update: a class property read per write costs a dynamic exclusivity check.
        let verified = onlineVerifyReads != nil
        // A dense list (the ideal device writes a third of its entries every sample) is
        // walked in order, and the prefetcher has it; only a sparse one is touched ahead.
        let sparse = m &* Self.denseListFraction < rows &* cols
        for k in 0..<m {
            if sparse, k % Self.touchBatch == 0 { touchWriteState(list, from: k, to: min(k + Self.touchBatch, m)) }
            let i = Int(list[k])
            let r = i / cols
            if r != currentRow {
                counts.writeLatencySeconds += Double(rowSet) * tSet + Double(rowReset) * tReset
                rowSet = 0; rowReset = 0
                currentRow = r
            }
            let t: PulseTally
            if ideal {
                // Pass 1 listed only non-zero entries: each takes its change exactly.
                t = plus.applyExact(i, delta: delta[i] / weightScale, timeSeconds: timeSeconds)
                refreshSynapse(i, timeSeconds: timeSeconds)
            } else {
                guard let pulses = pulseCount(i, delta, scheme: scheme, rounding: &roundingRNG) else { continue }
                t = verified ? verifiedWrite(i, pulses: pulses, timeSeconds: timeSeconds, rng: &rng, counts: &counts)
                             : writePair(i, pulses: pulses, timeSeconds: timeSeconds, rng: &rng, counts: &counts)
            }
            tally += t
            writes += 1
            rowSet = max(rowSet, t.setPulses); rowReset = max(rowReset, t.resetPulses)
        }
        counts.writeLatencySeconds += Double(rowSet) * tSet + Double(rowReset) * tReset
        counts.synapseWrites += Double(writes)
        counts.add(tally)
    }

    /// Entries whose write state ``touchWriteState(_:from:to:)`` loads at a time: 16 entries
    /// touch about 200 cache lines, enough loads to keep the misses overlapping and few enough
    /// lines (≈ 12 KB) to stay in the L1 cache until their pulses are sent.
    static let touchBatch = 16

    /// A write list holding at least one entry in this many is dense: its entries are close
    /// enough that touching them ahead only adds loads (measured on the ideal device, whose
    /// list holds about a third of the entries).
    static let denseListFraction = 8

    /// Loads what writing the entries `list[from..<to]` will read — χ, the pulsed devices'
    /// state (``DevicePopulation/touchPulseState(_:)``), the read matrices and the pair's
    /// conductance — so that their cache misses overlap here instead of stalling one by one
    /// in the pulse code (measured with `perf`: three misses took two thirds of a pulse's
    /// time). Reads only: the folded word goes to ``touchSink`` so the loads are kept.
    @inline(__always)
    func touchWriteState(_ list: UnsafePointer<Int32>, from: Int, to: Int) {
        let chi = accumulator.count != 0 ? accumulator.pointer : nil
        let read = readWeights.pointer, noise = noiseWeights.pointer, pair = pairConductance.pointer
        // Bidirectional pairs pulse G⁺ only; the refresh reads G⁻'s apparent state.
        let both = preset.pairPolicy != .bidirectional
        let minusApparent = minus.apparent.pointer
        var word: UInt32 = 0
        for k in from..<to {
            let i = Int(list[k])
            let padded = readMatrixIndex(i, row: i / cols)
            word ^= read[padded].bitPattern ^ noise[padded].bitPattern ^ pair[i].bitPattern
            if let chi { word ^= chi[i].bitPattern }
            word ^= plus.touchPulseState(i) ^ (both ? minus.touchPulseState(i) : minusApparent[i].bitPattern)
        }
        touchSink.pointer[0] ^= word
    }

    /// The pulses entry `i` of a non-ideal device asks for after pass 1 (nil for none), at
    /// most ``WritePathConfig/maxPulsesPerUpdate``; consumes what it returns. `delta` holds
    /// steps (round, stochastic) or nothing (accumulate: χ holds them).
    @inline(__always)
    func pulseCount(_ i: Int, _ delta: UnsafeMutablePointer<Float>, scheme: PulseScheme,
                    rounding: inout SeededGenerator) -> Int? {
        var n: Int
        switch scheme {
        case .round:
            let v = delta[i]
            guard v != 0 else { return nil }
            delta[i] = 0
            n = Int(roundToNearest(v))
        case .stochastic:
            let v = delta[i]
            guard v != 0 else { return nil }
            delta[i] = 0
            var f = truncateTowardZero(v)
            if f > v { f -= 1 }
            n = Int(f) + (rounding.nextUnitFloat() < v - f ? 1 : 0)
        case .accumulate:
            let x = accumulator.pointer[i]
            let eps = writeConfig.accumulateThresholdSteps
            if x < eps && x > -eps { return nil }
            n = Int(roundToNearest(truncateTowardZero(x / eps) * eps))
        }
        let cap = writeConfig.maxPulsesPerUpdate
        if cap > 0 { n = min(max(n, -cap), cap) }
        if scheme == .accumulate { accumulator.pointer[i] -= Float(n) }  // χ keeps what is not sent
        return n == 0 ? nil : n
    }

    /// Sends `n` pulses' worth of change to pair `i` under the pair policy, then verifies
    /// (if enabled) and refreshes its read entries.
    func writePair(_ i: Int, pulses n: Int, timeSeconds t: Float, rng: inout SeededGenerator,
                   counts: inout OperationCounts) -> PulseTally {
        let step = preset.device.nominalStep
        let before = plus.weight[i] - minus.weight[i]
        // Nominal bounds the pulses regenerated, handed on to the refresh (nil: not pulsed).
        var bp: (lo: Float, hi: Float)?, bm: (lo: Float, hi: Float)?
        var tally = sendPulses(i, n, t, &rng, &counts, &bp, &bm)
        let v = preset.verify
        if v.enabled {
            let target = before + Float(n) * step
            var retries = 0
            while true {
                counts.verifyReads += 1
                let error = target - noisyPairRead(i, &rng)
                if abs(error) <= v.toleranceSteps * step || retries >= v.maxRetries { break }
                retries += 1
                var m = Int((error / step).rounded())
                if m == 0 { m = error > 0 ? 1 : -1 }
                tally += sendPulses(i, m, t, &rng, &counts, &bp, &bm)
            }
        }
        refreshSynapse(i, timeSeconds: t, plusNominal: bp, minusNominal: bm)
        return tally
    }

    func sendPulses(_ i: Int, _ n: Int, _ t: Float, _ rng: inout SeededGenerator,
                    _ counts: inout OperationCounts) -> PulseTally {
        var bp: (lo: Float, hi: Float)?, bm: (lo: Float, hi: Float)?
        return sendPulses(i, n, t, &rng, &counts, &bp, &bm)
    }

    /// `n` pulses' worth of change to pair `i`; `bp`, `bm` receive the nominal bounds of the
    /// device the pulses went to (``DevicePopulation/pulse(_:count:timeSeconds:rng:nominal:)``).
    func sendPulses(_ i: Int, _ n: Int, _ t: Float, _ rng: inout SeededGenerator,
                    _ counts: inout OperationCounts,
                    _ bp: inout (lo: Float, hi: Float)?, _ bm: inout (lo: Float, hi: Float)?) -> PulseTally {
        switch preset.pairPolicy {
        case .bidirectional:
            return plus.pulse(i, count: n, timeSeconds: t, rng: &rng, nominal: &bp)
        case .potentiateOnly:
            var tally = n > 0 ? plus.pulse(i, count: n, timeSeconds: t, rng: &rng, nominal: &bp)
                              : minus.pulse(i, count: -n, timeSeconds: t, rng: &rng, nominal: &bm)
            tally += refreshIfSaturated(i, t, &rng, &counts)
            return tally
        }
    }

    /// A potentiate-only pair whose devices near their maximum is refreshed: both devices
    /// are RESET to Gmin with one abrupt pulse each, and the pair's weight is re-programmed
    /// with SET pulses onto the device of its sign. Every refresh pulse is wear.
    func refreshIfSaturated(_ i: Int, _ t: Float, _ rng: inout SeededGenerator,
                            _ counts: inout OperationCounts) -> PulseTally {
        let margin = preset.refreshMargin * (preset.device.wMax - preset.device.wMin)
        let limitP = plus.bounds(i).hi - margin, limitM = minus.bounds(i).hi - margin
        guard plus.weight[i] >= limitP || minus.weight[i] >= limitM else { return PulseTally() }
        let w = plus.weight[i] - minus.weight[i]
        var tally = plus.abruptReset(i, timeSeconds: t)
        tally += minus.abruptReset(i, timeSeconds: t)
        let n = Int((abs(w) / preset.device.nominalStep).rounded())
        if n > 0 {
            tally += w > 0 ? plus.pulse(i, count: n, timeSeconds: t, rng: &rng)
                           : minus.pulse(i, count: n, timeSeconds: t, rng: &rng)
        }
        counts.refreshPulses += Double(tally.pulses)
        counts.refreshSetPulses += Double(tally.setPulses)
        counts.refreshSetConductance += Double(tally.setConductanceSum)
        counts.refreshResetConductance += Double(tally.resetConductanceSum)
        return tally
    }

    /// One read of the pair's weight (device units) with read noise, as write-verify sees it.
    func noisyPairRead(_ i: Int, _ rng: inout SeededGenerator) -> Float {
        let w = plus.apparent[i] - minus.apparent[i]
        guard noiseFactor > 0 else { return w }
        return w + noiseFactor / weightScale * noiseWeights[(i / cols) * stride + i % cols].squareRoot() * rng.nextGaussian()
    }
}

extension OperationCounts {
    public mutating func add(_ t: PulseTally) {
        setPulses += Double(t.setPulses)
        resetPulses += Double(t.resetPulses)
        wastedPulses += Double(t.wastedPulses)
        setConductance += Double(t.setConductanceSum)
        resetConductance += Double(t.resetConductanceSum)
        failures += Double(t.failures)
    }
}

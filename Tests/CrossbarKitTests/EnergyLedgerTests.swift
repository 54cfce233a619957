import CrossbarKit
import DeviceKit
import KitSupport
import Testing

/// A noiseless constant-step device (Δw_min = 0.001 on ±0.6, no variation, no wear), so
/// every cell's conductance is known by hand.
func quietHardware(scheme: PulseScheme = .round, wireCapacitance: Float = 1e-15) -> HardwareConfig {
    var hw = HardwareConfig()
    hw.preset.electrical.wireCapacitanceFarads = wireCapacitance
    hw.crossbar.adcBits = 8
    hw.writePath.scheme = scheme
    return hw
}

func makeLayer(rows: Int, cols: Int, hardware hw: HardwareConfig) -> CrossbarLayer {
    var rng = SeededGenerator(seed: 7)
    return CrossbarLayer(rows: rows, cols: cols, weightScale: 1, preset: hw.preset, config: hw.crossbar,
                         writeConfig: hw.writePath, initial: [Float](repeating: 0, count: rows * cols), rng: &rng)
}

/// Counts of one read of `layer` with spikes on `activeRows`.
func readCounts(_ layer: CrossbarLayer, activeRows: Range<Int>) -> OperationCounts {
    var input = [Float](repeating: 0, count: layer.rows)
    for r in activeRows { input[r] = 1 }
    var out = [Float](repeating: 0, count: layer.cols)
    var rng = LaneNormalGenerator(seed: 1, stream: .readNoise)
    var counts = OperationCounts()
    input.withUnsafeBufferPointer { x in
        out.withUnsafeMutableBufferPointer { o in
            layer.read(x.baseAddress!, graded: false, into: o.baseAddress!, rng: &rng, counts: &counts)
        }
    }
    return counts
}

func relativelyClose(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-300)
}

@Suite("Energy ledger")
struct EnergyLedgerTests {
    let ledger = EnergyLedger(cost: CostPreset(), hardware: quietHardware())

    /// Counts with every field set to a distinct, consistent value.
    static var everyCount: OperationCounts {
        var c = OperationCounts()
        c.activeRows = 300; c.dacConversions = 64; c.adcConversions = 2000; c.tileActivations = 40
        c.cellReadConductance = 12_345; c.macs = 30_000; c.partialSumAdds = 2000; c.neuronUpdates = 2200
        c.timesteps = 16; c.traceUpdates = 5000; c.learningMacs = 40_000; c.accumulatorUpdates = 9000
        c.updateScalings = 9000; c.setPulses = 700; c.resetPulses = 500; c.wastedPulses = 3
        c.refreshPulses = 30; c.refreshSetPulses = 20; c.refreshSetConductance = 11; c.refreshResetConductance = 9
        c.setConductance = 400; c.resetConductance = 260; c.verifyReads = 120; c.synapseWrites = 400
        c.failures = 1; c.writeLatencySeconds = 2e-6; c.delayLineAccesses = 700
        return c
    }

    @Test("the total equals the sum of the parts, and every part is a stored component")
    func totalIsSumOfParts() {
        let b = ledger.price(Self.everyCount)
        let stored = Mirror(reflecting: b).children.compactMap { $0.value as? Double }
        #expect(stored.count == EnergyBreakdown.fields.count)
        #expect(stored.allSatisfy { $0 > 0 })
        #expect(relativelyClose(b.totalPicojoules, stored.reduce(0, +)))
        #expect(relativelyClose(b.totalPicojoules, b.readPicojoules + b.neuronPicojoules
            + b.learningLogicPicojoules + b.writePathPicojoules))
    }

    @Test("pricing is additive: two halves of the work cost what the whole costs")
    func additive() {
        var a = Self.everyCount, whole = Self.everyCount
        a.activeRows = 10; a.cellReadConductance = 5; a.setPulses = 1; a.setConductance = 0.5
        whole += a
        var sum = ledger.price(Self.everyCount)
        sum += ledger.price(a)
        let direct = ledger.price(whole)
        for f in EnergyBreakdown.fields {
            #expect(relativelyClose(sum[keyPath: f.keyPath], direct[keyPath: f.keyPath]), "\(f.name)")
        }
    }

    @Test("every energy-bearing count is charged somewhere")
    func nothingUnpriced() {
        let priced: [WritableKeyPath<OperationCounts, Double>] = [
            \.activeRows, \.adcConversions, \.tileActivations, \.cellReadConductance, \.partialSumAdds,
            \.neuronUpdates, \.traceUpdates, \.learningMacs, \.accumulatorUpdates, \.updateScalings,
            \.setPulses, \.resetPulses, \.setConductance, \.resetConductance, \.verifyReads, \.delayLineAccesses,
        ]
        for kp in priced {
            var c = OperationCounts()
            c[keyPath: kp] = 1
            #expect(ledger.price(c).totalPicojoules > 0, "\(kp)")
        }
    }

    @Test("halving the input spikes halves the crossbar-read and conversion energy of an event-driven layer")
    func halvingSpikes() {
        let hw = quietHardware()
        let layer = makeLayer(rows: 128, cols: 16, hardware: hw)   // two row-tiles of 64
        let full = ledger.price(readCounts(layer, activeRows: 0..<128))
        let half = ledger.price(readCounts(layer, activeRows: 0..<64))
        #expect(full.crossbarCellsPicojoules > 0)
        for f in EnergyBreakdown.fields {
            #expect(relativelyClose(half[keyPath: f.keyPath] * 2, full[keyPath: f.keyPath], 1e-6), "\(f.name)")
        }
        // Within one tile, conversions are per active tile: halving spikes there halves the
        // cell and driver energy but not the conversions.
        let sameTile = ledger.price(readCounts(layer, activeRows: 0..<32))
        #expect(relativelyClose(sameTile.crossbarCellsPicojoules * 2, half.crossbarCellsPicojoules, 1e-6))
        #expect(sameTile.adcPicojoules == half.adcPicojoules)
    }

    @Test("a write of n pulses costs n per-pulse energies at the conductances visited", arguments: [1, 7, 40, -1, -25])
    func writeOfNPulses(n: Int) {
        let hw = quietHardware()
        let layer = makeLayer(rows: 1, cols: 1, hardware: hw)
        let e = hw.preset.electrical, p = hw.preset.device
        var delta: [Float] = [Float(n) * p.dwMin]
        var counts = OperationCounts()
        var rng = SeededGenerator(seed: 3), rounding = SeededGenerator(seed: 4)
        delta.withUnsafeMutableBufferPointer { d in
            layer.applyUpdate(d.baseAddress!, timeSeconds: 0, rng: &rng, roundingRNG: &rounding, counts: &counts)
        }
        #expect(counts.pulses == Double(abs(n)))
        // By hand: the k-th pulse sees w_k = k·Δw_min·sign(n) (starting at the window centre),
        // g_k = gMin + (w_k − wMin)/(wMax − wMin)·(1 − gMin); E = V²·Gmax·t·g_k + C_wire·V².
        let v = Double(n > 0 ? e.setVoltage : e.resetVoltage)
        let t = Double(n > 0 ? e.setPulseSeconds : e.resetPulseSeconds)
        let gMin = 1 / Double(e.onOffRatio)
        var expected = 0.0
        for k in 0..<abs(n) {
            let w = Double(k) * Double(p.dwMin) * (n > 0 ? 1 : -1)
            let g = gMin + (w - Double(p.wMin)) / Double(p.wMax - p.wMin) * (1 - gMin)
            expected += (v * v * Double(e.gMaxSiemens) * t * g + Double(e.wireCapacitanceFarads) * v * v) * 1e12
        }
        let priced = ledger.price(counts)
        #expect(relativelyClose(priced.writePulsesPicojoules, expected, 1e-5))
        #expect(priced.refreshPicojoules == 0)
    }

    @Test("a FeFET pulse costs C_gate·V² whatever its conductance")
    func fefetPulse() {
        var hw = quietHardware(wireCapacitance: 0)
        hw.preset.electrical.gateCapacitanceFarads = 2e-15
        hw.preset.electrical.setVoltage = 3.65
        let fefet = EnergyLedger(cost: CostPreset(), hardware: hw)
        var c = OperationCounts()
        c.setPulses = 3; c.setConductance = 1.7
        let v = Double(Float(3.65))
        let expected = 3 * Double(Float(2e-15)) * v * v * 1e12
        #expect(relativelyClose(fefet.price(c).writePulsesPicojoules, expected, 1e-6))
    }

    @Test("refresh pulses are charged to refresh, not to the learning writes")
    func refreshSplit() {
        var c = OperationCounts()
        c.setPulses = 10; c.setConductance = 5; c.resetPulses = 2; c.resetConductance = 1.5
        c.refreshPulses = 6; c.refreshSetPulses = 4; c.refreshSetConductance = 2; c.refreshResetConductance = 1.5
        let b = ledger.price(c)
        var writesOnly = OperationCounts()
        writesOnly.setPulses = 6; writesOnly.setConductance = 3
        #expect(relativelyClose(b.writePulsesPicojoules, ledger.price(writesOnly).writePulsesPicojoules))
        #expect(relativelyClose(b.writePathPicojoules, ledger.price(writesOnly).writePulsesPicojoules + b.refreshPicojoules))
        #expect(b.refreshPicojoules > 0)
    }
}

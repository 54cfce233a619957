import CrossbarKit
import DeviceKit
import Testing

@Suite("Cost model: dense mode, latency, area, throughput")
struct CostModelTests {
    let cost = CostPreset()

    @Test("the dense mode reproduces SpikeSim's formula by hand for a small case")
    func denseByHand() {
        // 100 → 70, X = 64: ⌈70/64⌉·⌈100/64⌉·1² = 4 PE cycles per step, T = 3.
        // E_PE = E_Htree + E_fetch + E_neuron + (X/8)·[k²·E_xbar + (X/8)·(E_ADC + E_MUX)]
        //        + (X/8)·16·E_Sub + (X/8)·E_TempBuf + E_TileBuf
        let perCycle: Double = 157.12 + 4.64 + 5.096
        let arrays: Double = 8 * (1.76423 + 8 * (2.03084 + 0.094245))
        let buffers: Double = 8 * 16 * 1.15e-6 + 8 * 0.2 + 397
        let ePE = perCycle + arrays + buffers
        #expect(relativelyClose(ePE, 715.5754272, 1e-12))
        let model = DenseCostModel(cost: cost)
        let layers = DenseCostModel.fullyConnected([100, 70])
        #expect(model.peCycles(layers[0]) == 4)
        #expect(relativelyClose(model.peCycleEnergy(kernel: 1).totalPicojoules, ePE))
        let layout = ChipLayout(sizes: [100, 70], crossbar: CrossbarConfig())
        let r = model.report(layers: layers, timesteps: 3, layout: layout)
        #expect(relativelyClose(r.energyPicojoules, 3 * 4 * ePE))
        #expect(relativelyClose(r.latencySeconds, 3 * 26 / 250e6))
        #expect(r.macs == 3 * 100 * 70)
    }

    @Test("a convolution layer counts k² crossbars per PE and H_out² positions")
    func denseConvolution() {
        let model = DenseCostModel(cost: cost)
        let conv = DenseCostModel.Layer(inputChannels: 64, outputChannels: 128, outputSize: 4, kernel: 3)
        #expect(model.peCycles(conv) == 2 * 1 * 16)
        let oneByOne = model.peCycleEnergy(kernel: 1), threeByThree = model.peCycleEnergy(kernel: 3)
        #expect(relativelyClose(threeByThree.crossbarCellsPicojoules, 9 * oneByOne.crossbarCellsPicojoules))
    }

    @Test("energy and latency grow linearly with time steps", arguments: [DenseMode.event, .dense])
    func linearInTimesteps(mode: DenseMode) {
        let sizes = [784, 256, 10]
        func report(_ t: Int) -> CostReport {
            let layout = ChipLayout(sizes: sizes, crossbar: CrossbarConfig())
            switch mode {
            case .dense:
                return DenseCostModel(cost: cost).report(layers: DenseCostModel.fullyConnected(sizes), timesteps: t, layout: layout)
            case .event:
                let hw = quietHardware()
                let counts = OperationCounts.expectedInference(sizes: sizes, timesteps: t, spikeRate: 0.1,
                                                               tileRows: 64, tileCols: 64, pairConductance: 1.1)
                return CostModel(cost: cost, hardware: hw, layout: layout).report(counts, samples: 1)
            }
        }
        let base = report(4)
        #expect(base.energyPicojoules > 0 && base.latencySeconds > 0)
        for k in [2, 4, 8] {
            let r = report(4 * k)
            #expect(relativelyClose(r.energyPicojoules, Double(k) * base.energyPicojoules, 1e-9))
            #expect(relativelyClose(r.latencySeconds, Double(k) * base.latencySeconds, 1e-9))
            #expect(relativelyClose(r.topsPerWatt, base.topsPerWatt, 1e-9))
        }
    }

    @Test("expected counts: conversions per active row-tile, cells in proportion to the spikes")
    func expectedCounts() {
        let c = OperationCounts.expectedInference(sizes: [100, 10], timesteps: 1, spikeRate: 0.5,
                                                  tileRows: 64, tileCols: 64, pairConductance: 1)
        let tiles = (1 - 0.5.raisedTo(64)) + (1 - 0.5.raisedTo(36))
        #expect(relativelyClose(c.adcConversions, 10 * tiles))
        #expect(c.activeRows == 50 && c.macs == 500 && c.cellReadConductance == 500 && c.neuronUpdates == 10)
    }

    @Test("latency: layers in turn, or pipelined across time steps; writes row by row")
    func latency() {
        var c = OperationCounts()
        c.timesteps = 10; c.writeLatencySeconds = 5e-7; c.learningMacs = 64 * 250
        let layout = ChipLayout(sizes: [64, 64, 64, 10], crossbar: CrossbarConfig())
        let tPE = 26 / 250e6
        let serial = LatencyModel(cost: cost, layout: layout).latency(c, samples: 1)
        #expect(relativelyClose(serial.readSeconds, 30 * tPE))
        #expect(relativelyClose(serial.learningSeconds, 1e-6))   // 16 000 ops on 64 lanes at 250 MHz
        #expect(serial.writeSeconds == 5e-7)
        var piped = cost
        piped.pipelineLayers = true
        #expect(relativelyClose(LatencyModel(cost: piped, layout: layout).latency(c, samples: 1).readSeconds, 12 * tPE))
    }

    @Test("area by block, by hand for one 64×64 layer with 8-bit ADCs")
    func areaByHand() {
        let layout = ChipLayout(sizes: [64, 64], crossbar: CrossbarConfig(), membraneBits: 0, learningMemoryBits: 1000)
        let a = AreaBreakdown(layout: layout, cost: cost, adcBits: 8)
        #expect(relativelyClose(a.cellsSquareMicrometres, 2 * 26.2144))
        #expect(relativelyClose(a.convertersSquareMicrometres, 8 * (693.633 * 16 + 45.9)))   // Walden: 2^(8−4)
        #expect(relativelyClose(a.neuronModuleSquareMicrometres, 64 * 22 * 0.7391))
        let tileBlocks: Double = 8 * 13411.41498 + 484.643999 + 0.7391 * 64 * 128
        let periphery: Double = tileBlocks + 216_830 * 2 + 64 * 22 * 0.7391
        #expect(relativelyClose(a.peripherySquareMicrometres, periphery))
        #expect(relativelyClose(a.learningMemorySquareMicrometres, 739.1))
    }

    @Test("TOPS/W is MACs per picojoule; TOPS/mm² is TOPS over the area")
    func throughputMetrics() {
        let r = CostReport(samples: 2, macs: 4e6, energy: {
            var e = EnergyBreakdown(); e.adcPicojoules = 2e6; return e
        }(), latency: { var l = LatencyBreakdown(); l.readSeconds = 1e-6; return l }(),
        area: { var a = AreaBreakdown(); a.cellsSquareMicrometres = 5e5; return a }())
        #expect(r.topsPerWatt == 2)
        #expect(relativelyClose(r.tops, 4e6 / 1e-6 / 1e12))
        #expect(relativelyClose(r.topsPerSquareMillimetre, r.tops / 0.5))
        #expect(r.energyPicojoulesPerSample == 1e6 && relativelyClose(r.latencyMicrosecondsPerSample, 0.5))
    }
}

enum DenseMode: Sendable { case event, dense }

extension Double {
    func raisedTo(_ n: Int) -> Double { (0..<n).reduce(1) { r, _ in r * self } }
}

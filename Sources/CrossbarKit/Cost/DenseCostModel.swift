/// SpikeSim-compatible dense mode: every PE cycle of every layer at every time step is
/// charged in full, whatever the spikes, with SpikeSim's aggregation (Moitra et al. 2022,
/// `ela_spikesim.py`), so results can be compared with published SpikeSim numbers:
/// ```
/// E_PE     = E_Htree + E_fetch + E_neuron + (X/8)·[k²·E_xbar + (X/8)·(E_ADC + E_MUX)]
///            + (X/8)·16·E_Sub + (X/8)·E_TempBuf + E_TileBuf
/// cycles_l = ⌈C_out/X⌉·⌈C_in/X⌉·H_out²          (k = 1, H_out = 1 for fully connected layers)
/// E        = T · E_PE · Σ_l cycles_l
/// latency  = T · t_PE · Σ_l H_out²               (a layer's PEs in parallel, layers in turn)
/// ```
/// The ADC is charged at SpikeSim's own energy (no scaling with bits) and there is no
/// learning or write cost: SpikeSim models inference only. The breakdown maps SpikeSim's
/// terms onto ours: `E_xbar` → cells, `E_ADC` → ADC, `E_MUX` → column mux, `E_Sub` →
/// accumulation, H-tree, fetch and buffers → interconnect, `E_neuron` → neuron.
public struct DenseCostModel: Equatable, Sendable {
    /// A layer as SpikeSim describes it.
    public struct Layer: Equatable, Sendable {
        public var inputChannels: Int
        public var outputChannels: Int
        /// Output feature map side H_out (1 for a fully connected layer).
        public var outputSize: Int
        /// Kernel side k (1 for a fully connected layer).
        public var kernel: Int
        public init(inputChannels: Int, outputChannels: Int, outputSize: Int = 1, kernel: Int = 1) {
            self.inputChannels = inputChannels
            self.outputChannels = outputChannels
            self.outputSize = outputSize
            self.kernel = kernel
        }
    }

    public let cost: CostPreset

    public init(cost: CostPreset) {
        self.cost = cost
    }

    /// Fully connected layers from sizes `[inputs, hidden…, outputs]`.
    public static func fullyConnected(_ sizes: [Int]) -> [Layer] {
        zip(sizes, sizes.dropFirst()).map { Layer(inputChannels: $0, outputChannels: $1) }
    }

    /// PE cycles of one layer at one time step: `⌈C_out/X⌉·⌈C_in/X⌉·H_out²`.
    public func peCycles(_ l: Layer) -> Double {
        let x = cost.crossbarSize
        return Double(ceilDiv(l.outputChannels, x)) * Double(ceilDiv(l.inputChannels, x))
            * Double(l.outputSize * l.outputSize)
    }

    /// Energy of one PE cycle by component; its total is `E_PE`.
    public func peCycleEnergy(kernel k: Int) -> EnergyBreakdown {
        let s = cost.spikesim
        let g = Double(cost.crossbarSize) / 8
        var b = EnergyBreakdown()
        b.crossbarCellsPicojoules = g * Double(k * k) * s.crossbarPicojoules
        b.adcPicojoules = g * g * s.adcPicojoules
        b.columnMuxPicojoules = g * g * s.columnMuxPicojoules
        b.accumulationPicojoules = s.accumulationPicojoules(crossbarSize: cost.crossbarSize)
        b.interconnectPicojoules = s.interconnectPicojoules(crossbarSize: cost.crossbarSize)
        b.neuronPicojoules = s.neuronModulePicojoules
        return b
    }

    /// Energy, latency and area of one sample of `timesteps` steps through `layers`.
    /// Ops are the layers' dense MACs, `T·Σ k²·C_in·C_out·H_out²`.
    public func report(layers: [Layer], timesteps: Int, layout: ChipLayout) -> CostReport {
        let t = Double(timesteps)
        var energy = EnergyBreakdown()
        var macs = 0.0
        var outputPositions = 0.0
        for l in layers {
            energy += peCycleEnergy(kernel: l.kernel).scaled(by: t * peCycles(l))
            let positions = Double(l.outputSize * l.outputSize)
            macs += t * Double(l.kernel * l.kernel * l.inputChannels * l.outputChannels) * positions
            outputPositions += positions
        }
        var latency = LatencyBreakdown()
        latency.readSeconds = t * cost.peCycleSeconds * outputPositions
        let area = AreaBreakdown(layout: layout, cost: cost, adcBits: cost.converters.adcReferenceBits)
        return CostReport(samples: 1, macs: macs, energy: energy, latency: latency, area: area)
    }
}

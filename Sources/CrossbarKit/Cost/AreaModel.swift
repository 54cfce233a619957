/// Chip area by block, µm² (DESIGN §3.3), after SpikeSim's `compute_area`:
/// ```
/// cells          tiles · 2 · A_xbar · (tileRows·tileCols / X²)       (G⁺ and G⁻ arrays)
/// converters     tiles · ⌈tileCols/columnsPerADC⌉ · (A_ADC·factor(b_ADC) + A_MUX)
/// neuron module  neurons · b_U · A_bit                               (the U_mem buffer)
/// periphery      ⌈tiles/crossbarsPerTile⌉ · (X/8·A_Sub + A_TempBuf + A_TileBuf + A_Htree)
///                + inputs · b_U · A_bit                              (input buffer)
/// learning       learningMemoryBits · A_bit                          (gradients, ē, χ)
/// ```
/// `b_U` is the membrane precision (SpikeSim's 22 bits when the network keeps floats).
public struct AreaBreakdown: Equatable, Sendable, Codable {
    public var cellsSquareMicrometres: Double = 0
    /// ADCs and column multiplexers.
    public var convertersSquareMicrometres: Double = 0
    /// The neuron module's U_mem buffer.
    public var neuronModuleSquareMicrometres: Double = 0
    /// H-trees, tile and temporary buffers, subtractors, input buffers.
    public var peripherySquareMicrometres: Double = 0
    /// Digital learning state (gradient buffers, eligibilities, χ accumulators).
    public var learningMemorySquareMicrometres: Double = 0

    public init() {}

    public var totalSquareMicrometres: Double {
        cellsSquareMicrometres + convertersSquareMicrometres + neuronModuleSquareMicrometres
            + peripherySquareMicrometres + learningMemorySquareMicrometres
    }

    public var totalSquareMillimetres: Double { totalSquareMicrometres * 1e-6 }

    /// The area of `layout` under `cost`, with ADCs of `adcBits` (0 = ideal).
    public init(layout: ChipLayout, cost: CostPreset, adcBits: Int) {
        let a = cost.area
        let tiles = Double(layout.tileCount)
        let x = Double(cost.crossbarSize)
        let cellsPerTile = Double(layout.tileRows * layout.tileCols)
        cellsSquareMicrometres = tiles * 2 * a.crossbarSquareMicrometres * cellsPerTile / (x * x)
        let adcsPerTile = Double(ceilDiv(layout.tileCols, cost.columnsPerADC))
        let adc = cost.converters.adcScaled(bits: adcBits, reference: a.adcSquareMicrometres)
        convertersSquareMicrometres = tiles * adcsPerTile * (adc + a.columnMuxSquareMicrometres)
        let uBits = Double(layout.membraneBits > 0 ? layout.membraneBits : a.membraneBits)
        neuronModuleSquareMicrometres = Double(layout.neurons) * uBits * a.sramBitSquareMicrometres
        let groups = Double(ceilDiv(layout.tileCount, cost.crossbarsPerTile))
        let perGroup = x / 8 * a.subtractorSquareMicrometres + a.tempBufferSquareMicrometres
            + a.tileBufferSquareMicrometres + a.hTreeSquareMicrometres
        peripherySquareMicrometres = groups * perGroup + Double(layout.inputs) * uBits * a.sramBitSquareMicrometres
        learningMemorySquareMicrometres = layout.learningMemoryBits * a.sramBitSquareMicrometres
    }
}

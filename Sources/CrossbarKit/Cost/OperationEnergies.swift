import DeviceKit
import KitSupport

/// SpikeSim's per-operation energies of the read periphery, picojoules (65 nm, 64×64 RRAM
/// crossbars, 250 MHz, V_read 0.1 V). Source: SpikeSim's released energy–latency–area
/// engine (Moitra et al., "SpikeSim", IEEE TCAD 2023, arXiv:2210.12899;
/// `SNN_train_infer_quantization_ela/ela_spikesim.py`, `compute_energy`, device `rram`).
///
/// SpikeSim charges these once per PE cycle (one crossbar processing one input vector):
/// ```
/// E_PE = E_Htree + E_fetch + E_neuron + (X/8)·[k²·E_xbar + (X/8)·(E_ADC + E_MUX)]
///        + (X/8)·16·E_Sub + (X/8)·E_TempBuf + E_TileBuf
/// ```
/// The dense mode (``DenseCostModel``) uses exactly that; the event-driven ledger
/// (``EnergyLedger``) charges E_ADC and E_MUX per conversion, E_neuron/X per neuron update
/// and the per-PE-cycle overheads once per active tile.
public struct SpikeSimEnergies: Equatable, Sendable {
    /// One crossbar read, all rows of a 64×64 RRAM crossbar (SpikeSim `xbar_ar`, rram), pJ.
    /// Used by the dense mode only: the event ledger prices cells from the device physics.
    public var crossbarPicojoules: Double = 1.76423
    /// One ADC conversion (SpikeSim `ADC`), pJ, at ``ConverterAssumptions/adcReferenceBits``.
    public var adcPicojoules: Double = 2.03084
    /// One column-multiplexer selection, one per conversion (SpikeSim `MUX`), pJ.
    public var columnMuxPicojoules: Double = 0.094245
    /// H-tree interconnect per PE cycle (SpikeSim `Htree = 19.64·8`), pJ.
    public var hTreePicojoules: Double = 157.12
    /// Tile buffer access per PE cycle (SpikeSim `Tile_buff`), pJ.
    public var tileBufferPicojoules: Double = 397
    /// Temporary (partial-sum) buffer access, X/8 per PE cycle (SpikeSim `Temp_Buff`), pJ.
    public var tempBufferPicojoules: Double = 0.2
    /// One subtractor operation, 16·X/8 per PE cycle (SpikeSim `Sub`), pJ.
    public var subtractorPicojoules: Double = 1.15e-6
    /// Memory fetch per PE cycle (SpikeSim `mem_fetch`), pJ.
    public var memoryFetchPicojoules: Double = 4.64
    /// LIF/IF neuron module per PE cycle, updating the X neurons of a crossbar's columns
    /// (SpikeSim `neuron = 1.274·4`), pJ.
    public var neuronModulePicojoules: Double = 5.096

    public init() {}

    /// What SpikeSim charges per PE cycle besides crossbar, converters and neurons — H-tree,
    /// memory fetch, tile buffer, X/8 temporary-buffer accesses and 16·X/8 subtractions —
    /// for a crossbar of `x` columns, pJ.
    public func tileOverheadPicojoules(crossbarSize x: Int) -> Double {
        interconnectPicojoules(crossbarSize: x) + accumulationPicojoules(crossbarSize: x)
    }

    /// The interconnect part of ``tileOverheadPicojoules(crossbarSize:)``: H-tree, memory
    /// fetch, tile buffer and X/8 temporary-buffer accesses per PE cycle, pJ.
    public func interconnectPicojoules(crossbarSize x: Int) -> Double {
        hTreePicojoules + memoryFetchPicojoules + tileBufferPicojoules + Double(x) / 8 * tempBufferPicojoules
    }

    /// The accumulation part of ``tileOverheadPicojoules(crossbarSize:)``: 16·X/8
    /// subtractions per PE cycle, pJ.
    public func accumulationPicojoules(crossbarSize x: Int) -> Double {
        Double(x) / 8 * 16 * subtractorPicojoules
    }
}

extension SpikeSimEnergies: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .double("crossbarPicojoules", \.crossbarPicojoules), .double("adcPicojoules", \.adcPicojoules),
            .double("columnMuxPicojoules", \.columnMuxPicojoules), .double("hTreePicojoules", \.hTreePicojoules),
            .double("tileBufferPicojoules", \.tileBufferPicojoules),
            .double("tempBufferPicojoules", \.tempBufferPicojoules),
            .double("subtractorPicojoules", \.subtractorPicojoules),
            .double("memoryFetchPicojoules", \.memoryFetchPicojoules),
            .double("neuronModulePicojoules", \.neuronModulePicojoules),
        ]
    }
    public func validate(at path: String) throws {
        let all: [(Double, String)] = [
            (crossbarPicojoules, "crossbarPicojoules"), (adcPicojoules, "adcPicojoules"),
            (columnMuxPicojoules, "columnMuxPicojoules"), (hTreePicojoules, "hTreePicojoules"),
            (tileBufferPicojoules, "tileBufferPicojoules"), (tempBufferPicojoules, "tempBufferPicojoules"),
            (subtractorPicojoules, "subtractorPicojoules"), (memoryFetchPicojoules, "memoryFetchPicojoules"),
            (neuronModulePicojoules, "neuronModulePicojoules"),
        ]
        for (v, n) in all { try Validate.nonNegative(v, ConfigKey.join(path, n)) }
    }
}

/// Energies of digital arithmetic and SRAM access, picojoules. Source: M. Horowitz,
/// "Computing's energy problem (and what we can do about it)", ISSCC 2014 (45 nm, 0.9 V).
/// Used for the partial-sum adders and the learning logic (traces, DFA projection, update
/// scaling, χ accumulators), which run in 32-bit float as the emulation does.
public struct DigitalEnergies: Equatable, Sendable {
    /// 8-bit integer add, pJ (Horowitz 2014). A χ accumulator of b bits is charged
    /// `⌈b/8⌉` of these per update (our per-byte reading; 32 bits gives 0.12 pJ against
    /// Horowitz's 0.1 pJ).
    public var int8AddPicojoules: Double = 0.03
    /// 32-bit integer add, pJ (Horowitz 2014): one per digitized partial sum.
    public var int32AddPicojoules: Double = 0.1
    /// 32-bit float add, pJ (Horowitz 2014).
    public var float32AddPicojoules: Double = 0.9
    /// 32-bit float multiply, pJ (Horowitz 2014).
    public var float32MultiplyPicojoules: Double = 3.7
    /// SRAM access energy per bit, pJ: Horowitz's 10 pJ per 64-bit read of an 8 KB SRAM,
    /// divided by 64 (our per-bit reading of it). Charged for reading and writing the χ
    /// accumulators.
    public var sramPicojoulesPerBit: Double = 10.0 / 64

    public init() {}

    /// One multiply-add in float32 (a trace update or a learning MAC), pJ.
    public var float32MultiplyAddPicojoules: Double { float32MultiplyPicojoules + float32AddPicojoules }
}

extension DigitalEnergies: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .double("int8AddPicojoules", \.int8AddPicojoules), .double("int32AddPicojoules", \.int32AddPicojoules),
            .double("float32AddPicojoules", \.float32AddPicojoules),
            .double("float32MultiplyPicojoules", \.float32MultiplyPicojoules),
            .double("sramPicojoulesPerBit", \.sramPicojoulesPerBit),
        ]
    }
    public func validate(at path: String) throws {
        let all: [(Double, String)] = [
            (int8AddPicojoules, "int8AddPicojoules"), (int32AddPicojoules, "int32AddPicojoules"),
            (float32AddPicojoules, "float32AddPicojoules"), (float32MultiplyPicojoules, "float32MultiplyPicojoules"),
            (sramPicojoulesPerBit, "sramPicojoulesPerBit"),
        ]
        for (v, n) in all { try Validate.nonNegative(v, ConfigKey.join(path, n)) }
    }
}

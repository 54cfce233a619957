import DeviceKit
import KitSupport

/// Areas of the chip's blocks, µm². Source: SpikeSim's released energy–latency–area engine
/// (`ela_spikesim.py`, `compute_area`, device `rram`, 65 nm), which builds a tile of
/// `pe_per_tile` PEs, each one crossbar with X/8 ADCs and multiplexers, and sizes the
/// input and neuron (U_mem) buffers in SRAM bits.
public struct AreaParameters: Equatable, Sendable {
    /// One 64×64 RRAM crossbar (SpikeSim `xbar_ar`, rram), µm². Our weights are
    /// differential pairs, so a tile holds two of these.
    public var crossbarSquareMicrometres: Double = 26.2144
    /// One ADC at the reference precision (SpikeSim `ADC`), µm².
    public var adcSquareMicrometres: Double = 693.633
    /// One column multiplexer (SpikeSim `MUX`), µm².
    public var columnMuxSquareMicrometres: Double = 45.9
    /// One subtractor bank, X/8 per tile (SpikeSim `Sub`), µm².
    public var subtractorSquareMicrometres: Double = 13411.41498
    /// Temporary buffer, one per tile (SpikeSim `Temp_Buff`), µm².
    public var tempBufferSquareMicrometres: Double = 484.643999
    /// Tile buffer, one per tile: 64×128 SRAM bits (SpikeSim `Tile_buff = 0.7391·64·128`), µm².
    public var tileBufferSquareMicrometres: Double = 0.7391 * 64 * 128
    /// H-tree, one per tile (SpikeSim `Htree = 216830·2`), µm².
    public var hTreeSquareMicrometres: Double = 216_830 * 2
    /// One SRAM bit (SpikeSim's 0.7391 µm² per bit in buffers and neuron memory), µm².
    public var sramBitSquareMicrometres: Double = 0.7391
    /// Bits of a membrane potential in the U_mem buffer, and of an input-buffer entry, when
    /// the network keeps float potentials (`membraneBits = 0`). SpikeSim sizes both at 22.
    public var membraneBits: Int = 22

    public init() {}
}

extension AreaParameters: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .double("crossbarSquareMicrometres", \.crossbarSquareMicrometres),
            .double("adcSquareMicrometres", \.adcSquareMicrometres),
            .double("columnMuxSquareMicrometres", \.columnMuxSquareMicrometres),
            .double("subtractorSquareMicrometres", \.subtractorSquareMicrometres),
            .double("tempBufferSquareMicrometres", \.tempBufferSquareMicrometres),
            .double("tileBufferSquareMicrometres", \.tileBufferSquareMicrometres),
            .double("hTreeSquareMicrometres", \.hTreeSquareMicrometres),
            .double("sramBitSquareMicrometres", \.sramBitSquareMicrometres),
            .int("membraneBits", \.membraneBits),
        ]
    }
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        let all: [(Double, String)] = [
            (crossbarSquareMicrometres, "crossbarSquareMicrometres"), (adcSquareMicrometres, "adcSquareMicrometres"),
            (columnMuxSquareMicrometres, "columnMuxSquareMicrometres"),
            (subtractorSquareMicrometres, "subtractorSquareMicrometres"),
            (tempBufferSquareMicrometres, "tempBufferSquareMicrometres"),
            (tileBufferSquareMicrometres, "tileBufferSquareMicrometres"),
            (hTreeSquareMicrometres, "hTreeSquareMicrometres"), (sramBitSquareMicrometres, "sramBitSquareMicrometres"),
        ]
        for (v, n) in all { try Validate.nonNegative(v, k(n)) }
        try Validate.inRange(membraneBits, 1...64, k("membraneBits"))
    }
}

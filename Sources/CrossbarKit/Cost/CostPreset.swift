import DeviceKit
import KitSupport

/// The hardware cost constants of one technology point: per-operation energies of the
/// periphery and the digital logic, the clock, and the areas (DESIGN §3.3, §6).
///
/// Presets live as commented YAML in `Configs/costs/`, each constant with its source. The
/// defaults below are the `spikesim-65nm` point, so a test can check the bundled file
/// against them: SpikeSim's released energy–latency–area engine (Moitra et al. 2022,
/// `ela_spikesim.py`: 65 nm CMOS, 64×64 RRAM crossbars, 250 MHz, V_read 0.1 V) for the
/// read periphery and areas, Horowitz (ISSCC 2014, 45 nm) for digital arithmetic. Numbers
/// that are ours alone live in ``ConverterAssumptions`` and carry *[assumption]* in the file.
///
/// Cell read and write-pulse energies are not here: they come from the device preset's
/// ``ElectricalParameters`` (`V²·G·t`, DESIGN §4.5), so one cost preset prices any device.
public struct CostPreset: Equatable, Sendable {
    /// Preset name, e.g. `spikesim-65nm`.
    public var name: String = "spikesim-65nm"
    /// Where the numbers come from.
    public var source: String = "SpikeSim ELA engine (Moitra et al. 2022) at 65 nm; Horowitz ISSCC 2014 (45 nm); assumptions marked"
    /// Clock of the digital periphery, MHz. SpikeSim: `clk_freq = 250`.
    public var clockMegahertz: Double = 250
    /// Clock cycles of one PE cycle (one crossbar tile reading one input vector, all its
    /// columns converted through the shared ADCs). SpikeSim: `PE_cycle = 26` clocks.
    public var peCycleClocks: Double = 26
    /// Crossbar size X (rows = columns) the per-PE-cycle energies were obtained for.
    /// SpikeSim: `xbar_size = 64`.
    public var crossbarSize: Int = 64
    /// Columns sharing one ADC through the column multiplexer. SpikeSim: X/8 ADCs per
    /// crossbar, i.e. 8 columns per ADC.
    public var columnsPerADC: Int = 8
    /// Crossbars (PEs) per tile, which share one H-tree, tile buffer and temporary buffer
    /// (area only). SpikeSim: `pe_per_tile = 8`.
    public var crossbarsPerTile: Int = 8
    /// Whether consecutive layers overlap in time (layer l reads step t+1 while layer l+1
    /// reads step t). Off: the layers of one time step run one after the other, each in one
    /// PE cycle (all tiles of a layer in parallel). *[our choice]*
    public var pipelineLayers: Bool = false
    /// Digital learning operations (trace updates, learning MACs, update scalings, χ
    /// updates) completed per clock cycle; sets the learning logic's latency. *[assumption]*:
    /// one lane per tile column of a 64-column tile.
    public var learningLanes: Double = 64
    public var spikesim = SpikeSimEnergies()
    public var digital = DigitalEnergies()
    public var converters = ConverterAssumptions()
    public var area = AreaParameters()
    /// Per-byte energies of buffers beside the array (replay buffers).
    public var memory = MemoryEnergies()

    public init() {}

    /// Duration of one PE cycle, seconds: `peCycleClocks / clock`.
    public var peCycleSeconds: Double { peCycleClocks / (clockMegahertz * 1e6) }
}

extension CostPreset: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .string("name", \.name), .string("source", \.source),
            .double("clockMegahertz", \.clockMegahertz), .double("peCycleClocks", \.peCycleClocks),
            .int("crossbarSize", \.crossbarSize), .int("columnsPerADC", \.columnsPerADC),
            .int("crossbarsPerTile", \.crossbarsPerTile), .bool("pipelineLayers", \.pipelineLayers),
            .double("learningLanes", \.learningLanes),
            .section("spikesim", \.spikesim), .section("digital", \.digital),
            .section("converters", \.converters), .section("area", \.area), .section("memory", \.memory),
        ]
    }
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.positive(clockMegahertz, k("clockMegahertz"))
        try Validate.positive(peCycleClocks, k("peCycleClocks"))
        try Validate.inRange(crossbarSize, 8...4096, k("crossbarSize"))
        try Validate.inRange(columnsPerADC, 1...4096, k("columnsPerADC"))
        try Validate.inRange(crossbarsPerTile, 1...4096, k("crossbarsPerTile"))
        try Validate.positive(learningLanes, k("learningLanes"))
    }
}

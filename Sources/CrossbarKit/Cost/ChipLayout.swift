/// What is on the chip: the crossbar layers as mapped onto tiles, the neurons and the
/// digital learning memory. Area and latency are functions of it.
public struct ChipLayout: Equatable, Sendable {
    /// One crossbar layer: `rows` inputs (bias row included) by `cols` outputs.
    public struct Layer: Equatable, Sendable {
        public var rows: Int
        public var cols: Int
        /// A recurrent crossbar: its rows are the previous step's spikes of the layer before
        /// it in the list and its columns add into that layer's neurons, so it has no neurons
        /// of its own and is read in the same PE cycle as that layer's input crossbar.
        public var recurrent: Bool
        public init(rows: Int, cols: Int, recurrent: Bool = false) {
            self.rows = rows
            self.cols = cols
            self.recurrent = recurrent
        }
    }

    public var layers: [Layer]
    /// Tile rows and columns (the crossbar configuration's tiling).
    public var tileRows: Int
    public var tileCols: Int
    /// Bits of a membrane potential in the U_mem buffer; 0 = float in the emulation, sized
    /// at the cost preset's ``AreaParameters/membraneBits``.
    public var membraneBits: Int
    /// Bits of digital learning state held on chip (gradient buffers, per-synapse
    /// eligibilities, χ accumulators); 0 for an inference-only chip.
    public var learningMemoryBits: Double

    public init(layers: [Layer], tileRows: Int, tileCols: Int, membraneBits: Int = 0, learningMemoryBits: Double = 0) {
        self.layers = layers
        self.tileRows = tileRows
        self.tileCols = tileCols
        self.membraneBits = membraneBits
        self.learningMemoryBits = learningMemoryBits
    }

    /// A layout from layer sizes `[inputs, hidden…, outputs]` (no bias rows).
    public init(sizes: [Int], crossbar: CrossbarConfig, membraneBits: Int = 0, learningMemoryBits: Double = 0) {
        let layers = zip(sizes, sizes.dropFirst()).map { Layer(rows: $0, cols: $1) }
        self.init(layers: layers, tileRows: crossbar.tileRows, tileCols: crossbar.tileCols,
                  membraneBits: membraneBits, learningMemoryBits: learningMemoryBits)
    }

    /// Tiles of layer `l`: `⌈rows/tileRows⌉·⌈cols/tileCols⌉`.
    public func tiles(_ l: Layer) -> Int {
        ceilDiv(l.rows, tileRows) * ceilDiv(l.cols, tileCols)
    }

    /// Tiles of all layers (one PE each: the whole network is mapped, weights stationary).
    public var tileCount: Int { layers.reduce(0) { $0 + tiles($1) } }
    /// Neurons (hidden LIF neurons and readout integrators): the columns of every layer that
    /// is not recurrent.
    public var neurons: Int { layers.reduce(0) { $0 + ($1.recurrent ? 0 : $1.cols) } }
    /// Crossbar layers read one after another in a time step (recurrent ones run beside their
    /// layer's input crossbar).
    public var sequentialLayers: Int { layers.reduce(0) { $0 + ($1.recurrent ? 0 : 1) } }
    /// Inputs buffered per time step: the rows of every layer.
    public var inputs: Int { layers.reduce(0) { $0 + $1.rows } }
    /// Synapses (differential pairs).
    public var synapses: Int { layers.reduce(0) { $0 + $1.rows * $1.cols } }
}

import DeviceKit
import KitSupport

/// One layer's weight matrix on emulated crossbar tiles (DESIGN §3.1).
///
/// Inputs drive rows, outputs are read on columns; the `rows × cols` matrix is cut into
/// `tileRows × tileCols` tiles whose partial sums are digitized separately and added
/// digitally. Each weight is a differential pair of devices, `w = s·(G⁺ − G⁻)` expressed in
/// device units, `w = s·(w⁺ − w⁻)`, with `s` the layer's digital weight scale.
///
/// The layer keeps three derived matrices for the read path, refreshed on every write:
/// the read weights `s·(w̃⁺ − w̃⁻)` (apparent values, with write noise and drift), the
/// squared conductances `g⁺² + g⁻²` (for the aggregated read noise), and per row the
/// conductance sum `Σ_c (g⁺ + g⁻)` (for cell read energy). Devices and gradients are
/// indexed `r·cols + c`; the read matrices are row-major with rows padded to ``stride``
/// (a multiple of 8, zero in the padding) so the read kernel works on whole SIMD vectors.
public final class CrossbarLayer {
    public let rows: Int
    public let cols: Int
    /// Row length of the read matrices and partial sums: `cols` rounded up to a multiple of 8.
    public let stride: Int
    public let weightScale: Float
    public let config: CrossbarConfig
    public let writeConfig: WritePathConfig
    public let preset: DevicePreset
    /// G⁺ of every pair.
    public let plus: DevicePopulation
    /// G⁻ of every pair.
    public let minus: DevicePopulation

    public let readWeights: Buffer<Float>
    public let noiseWeights: Buffer<Float>
    public let pairConductance: Buffer<Float>
    public let rowConductance: Buffer<Float>
    /// Per row, the weights whose read value is not exactly zero (NeuroBench's effective
    /// synaptic operations and connection sparsity, ``CrossbarLayer+Sparsity.swift``).
    public let rowNonZero: Buffer<Int32>
    /// χ accumulators of the mixed-precision scheme, in nominal steps.
    public let accumulator: Buffer<Float>

    public let rowTiles: Int
    public let colTiles: Int
    /// Read-noise standard deviation per √(Σ x²(g⁺² + g⁻²)), in network units.
    let noiseFactor: Float
    /// Largest |w⁺ − w⁻| of a pair, device units.
    public let maxPairWeight: Float
    /// The reference state of G⁻ (bidirectional) or the start state of both (potentiate-only).
    let restState: Float

    // Scratch for the read path, reused every step.
    let partial: Buffer<Float>
    /// Read-noise variance terms during accumulation, then the noise standard deviation.
    let partialVariance: Buffer<Float>
    let tileActive: Buffer<UInt8>
    /// The DAC-quantized input of a graded read (other reads use the input as it is).
    let inputScratch: Buffer<Float>
    let noiseScratch: Buffer<Float>
    let activeRows: Buffer<Int32>
    /// Entries of an update that may send pulses (write path scratch).
    let candidates: Buffer<Int32>
    /// Per column, the write scale of its tile in the current row-tile (a scaled fold's scratch).
    let columnScale: Buffer<Float>
    /// The byte offsets of a row's flagged pairs of vectors during a fold (``foldOuterProduct(_:_:scale:toSteps:tileScales:)``).
    let flaggedPairs: Buffer<Int>
    /// Where ``touchWriteState(_:from:to:)`` leaves the values it loaded (never read).
    let touchSink = Buffer<UInt32>(repeating: 0, count: 1)
    /// The verify reads' noise of online writes through program-and-verify; nil (the default)
    /// writes open loop (``verifiedWrite(_:pulses:timeSeconds:rng:counts:)``).
    public var onlineVerifyReads: SeededGenerator?

    /// Builds the layer and programs the initial weights `initial` (network units,
    /// row-major, `rows·cols` values). Device variation is drawn from `rng`.
    public init(rows: Int, cols: Int, weightScale: Float, preset: DevicePreset,
                config: CrossbarConfig, writeConfig: WritePathConfig,
                initial: [Float], rng: inout SeededGenerator) {
        precondition(initial.count == rows * cols, "initial weights must have rows·cols entries")
        self.rows = rows
        self.cols = cols
        stride = (cols + 7) & ~7
        self.weightScale = weightScale
        self.preset = preset
        self.config = config
        self.writeConfig = writeConfig
        let p = preset.device
        restState = preset.pairPolicy == .bidirectional ? (p.wMin + p.wMax) / 2 : p.wMin
        maxPairWeight = Self.maxPairWeight(preset)
        plus = DevicePopulation(count: rows * cols, preset: preset, initialWeight: restState, rng: &rng)
        minus = DevicePopulation(count: rows * cols, preset: preset, initialWeight: restState, rng: &rng)
        readWeights = Buffer(repeating: 0, count: rows * stride)
        noiseWeights = Buffer(repeating: 0, count: rows * stride)
        pairConductance = Buffer(repeating: 0, count: rows * cols)
        rowConductance = Buffer(repeating: 0, count: rows)
        rowNonZero = Buffer(repeating: 0, count: rows)
        accumulator = Buffer(repeating: 0, count: writeConfig.scheme == .accumulate ? rows * cols : 0)
        rowTiles = ceilDiv(rows, config.tileRows)
        colTiles = ceilDiv(cols, config.tileCols)
        partial = Buffer(repeating: 0, count: rowTiles * stride)
        partialVariance = Buffer(repeating: 0, count: rowTiles * stride)
        tileActive = Buffer(repeating: 0, count: rowTiles)
        inputScratch = Buffer(repeating: 0, count: rows)
        noiseScratch = Buffer(repeating: 0, count: stride)
        activeRows = Buffer(repeating: 0, count: rows + 1)
        candidates = Buffer(uninitializedCount: rows * cols + 1)  // written before read; resident as used
        columnScale = Buffer(repeating: 1, count: stride)
        flaggedPairs = Buffer(repeating: 0, count: stride / 16 + 1)
        // Device units per unit of normalized conductance: w = wMin + (g − gMin)/(1 − gMin)·(wMax − wMin).
        let gMin = 1 / preset.electrical.onOffRatio
        let unitsPerG = (p.wMax - p.wMin) / (1 - gMin)
        noiseFactor = weightScale * unitsPerG * preset.electrical.readNoiseStd

        for i in 0..<(rows * cols) {
            let target = initial[i] / weightScale
            switch preset.pairPolicy {
            case .bidirectional:
                plus.program(i, to: restState + target)
            case .potentiateOnly:
                if target >= 0 { plus.program(i, to: restState + target) } else { minus.program(i, to: restState - target) }
            }
        }
        refreshAll(timeSeconds: 0)
    }

    /// Largest |w⁺ − w⁻| of a pair in device units: half the window for a bidirectional pair
    /// (G⁻ sits at the centre), the whole window for a potentiate-only pair.
    public static func maxPairWeight(_ preset: DevicePreset) -> Float {
        let p = preset.device
        return preset.pairPolicy == .bidirectional ? (p.wMax - p.wMin) / 2 : p.wMax - p.wMin
    }

    /// The largest weight magnitude the layer can hold, network units.
    public var maxWeight: Float { weightScale * maxPairWeight }

    /// Recomputes every derived matrix from the devices (after a restore or a drift step).
    /// The pair and row conductance sums (and the non-zero counts) start again from zero: ``refreshSynapse(_:timeSeconds:)``
    /// updates a row by the change of its pair, so a stale pair sum would leave Σ(new − old).
    public func refreshAll(timeSeconds: Float) {
        rowConductance.fill(0)
        pairConductance.fill(0)
        readWeights.fill(0)
        rowNonZero.fill(0)
        for i in 0..<(rows * cols) { refreshSynapse(i, timeSeconds: timeSeconds) }
    }

    /// Recomputes the derived entries of one synapse from its two devices.
    public func refreshSynapse(_ i: Int, timeSeconds t: Float) {
        refreshSynapse(i, timeSeconds: t, plusNominal: nil, minusNominal: nil)
    }

    /// The same, with the nominal bounds of either device when the caller already has them
    /// (the pulse path regenerates those of the device it pulsed); nil: regenerated here.
    public func refreshSynapse(_ i: Int, timeSeconds t: Float, plusNominal: (lo: Float, hi: Float)?,
                               minusNominal: (lo: Float, hi: Float)?) {
        let bp = plusNominal ?? plus.nominalBounds(i), bm = minusNominal ?? minus.nominalBounds(i)
        let wp = plus.readValue(i, timeSeconds: t, nominal: bp)
        let wm = minus.readValue(i, timeSeconds: t, nominal: bm)
        let r = i / cols
        let padded = readMatrixIndex(i, row: r)
        let value = weightScale * (wp - wm)
        rowNonZero.pointer[r] += Int32(truncatingIfNeeded: isNonZero(value) - isNonZero(readWeights.pointer[padded]))
        readWeights.pointer[padded] = value
        let gp = plus.normalizedConductance(w: wp, nominal: bp)
        let gm = minus.normalizedConductance(w: wm, nominal: bm)
        let square = gp * gp + gm * gm
        noiseWeights.pointer[padded] = square

        rowConductance.pointer[r] += (gp + gm) - pairConductance.pointer[i]
        pairConductance.pointer[i] = gp + gm
    }

    /// Where pair `i` (row `r = i / cols`) sits in the read matrices, whose rows are padded to
    /// ``stride``.
    @inline(__always)
    func readMatrixIndex(_ i: Int, row r: Int) -> Int { r * stride + (i - r * cols) }

    /// The weight matrix as the array reads it now, network units (row-major, `rows·cols`).
    public var weights: [Float] {
        var out = [Float](repeating: 0, count: rows * cols)
        for r in 0..<rows { for c in 0..<cols { out[r * cols + c] = readWeights[r * stride + c] } }
        return out
    }

    /// Devices (of both populations) that are not healthy.
    public var failedDevices: Int { plus.failedCount + minus.failedCount }
}

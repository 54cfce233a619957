import DeviceKit
import KitSupport

/// How converter energy and area grow with resolution. *[assumption]*: the literature we
/// calibrate on gives one ADC energy at one precision; the scaling law is our choice.
public enum ConverterScaling: String, CaseIterable, Sendable {
    /// Walden figure of merit: `E(b) = E_ref·2^(b − b_ref)` (Walden 1999; the form of the
    /// Murmann ADC survey's FOM_W). Energy and area double per bit.
    case walden
    /// `E(b) = E_ref·b/b_ref`: energy and area grow in proportion to the bits.
    case linear

    /// Multiplier of the reference value at `bits`, relative to `referenceBits`.
    public func factor(bits: Int, referenceBits: Int) -> Double {
        switch self {
        case .walden:
            let d = bits - referenceBits
            return d >= 0 ? Double(1 << d) : 1 / Double(1 << -d)
        case .linear: return Double(bits) / Double(referenceBits)
        }
    }
}

/// The converter costs that no source gives us: ADC energy and area versus bits, the DAC
/// and the 1-bit row drivers of spike inputs. Every field is *[assumption]*, marked so in
/// `Configs/costs/*.yaml` and in docs/ENERGY.md.
public struct ConverterAssumptions: Equatable, Sendable {
    /// Precision at which SpikeSim's per-conversion ADC energy (2.03084 pJ) and ADC area
    /// hold. *[assumption]*: SpikeSim's README runs its hardware inference with
    /// `--ADC_precision 4`; the ELA script itself does not state the precision.
    public var adcReferenceBits: Int = 4
    /// How ADC energy and area scale away from ``adcReferenceBits``. *[assumption]*
    public var adcScaling: ConverterScaling = .walden
    /// Energy of driving one row with a spike (a 1-bit driver switching V_read onto the row
    /// line), pJ per driven row per read. *[assumption]*: a third of Horowitz's 8-bit add.
    public var rowDriverPicojoules: Double = 0.01
    /// DAC energy per conversion of a graded input: `E_DAC(b) = rowDriver·2^(b−1)` (a
    /// binary-weighted DAC has 2^(b−1) unit elements; a 1-bit DAC is a row driver).
    /// *[assumption]*: this is the only DAC model; 8 bits cost 1.28 pJ.
    public var dacScaling: ConverterScaling = .walden
    /// Bits charged for a converter the hardware configuration declares ideal (0 bits):
    /// an ideal ADC or DAC costs what a converter of this precision costs. *[assumption]*
    public var bitsWhenIdeal: Int = 8

    public init() {}

    /// An ADC cost at `bits` (0 = ideal) from its `reference` value at ``adcReferenceBits``:
    /// `reference·factor(b, b_ref)`. Energy per conversion (pJ) and area (µm²) scale alike.
    public func adcScaled(bits: Int, reference: Double) -> Double {
        reference * adcScaling.factor(bits: effectiveBits(bits), referenceBits: adcReferenceBits)
    }

    /// Energy of one DAC conversion at `bits` (0 = ideal), pJ: `rowDriver·factor(b, 1)`.
    public func dacPicojoules(bits: Int) -> Double {
        rowDriverPicojoules * dacScaling.factor(bits: effectiveBits(bits), referenceBits: 1)
    }

    /// `bits`, or ``bitsWhenIdeal`` for an ideal converter.
    public func effectiveBits(_ bits: Int) -> Int { bits > 0 ? bits : bitsWhenIdeal }
}

extension ConverterAssumptions: Configurable {
    public static var schema: [ConfigField<Self>] {
        [
            .int("adcReferenceBits", \.adcReferenceBits), .choice("adcScaling", \.adcScaling),
            .double("rowDriverPicojoules", \.rowDriverPicojoules), .choice("dacScaling", \.dacScaling),
            .int("bitsWhenIdeal", \.bitsWhenIdeal),
        ]
    }
    public func validate(at path: String) throws {
        func k(_ n: String) -> String { ConfigKey.join(path, n) }
        try Validate.inRange(adcReferenceBits, 1...24, k("adcReferenceBits"))
        try Validate.nonNegative(rowDriverPicojoules, k("rowDriverPicojoules"))
        try Validate.inRange(bitsWhenIdeal, 1...24, k("bitsWhenIdeal"))
    }
}

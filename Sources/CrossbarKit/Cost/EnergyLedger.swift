import DeviceKit

/// Prices ``OperationCounts`` into an ``EnergyBreakdown``: the event-driven energy model
/// (DESIGN §6). Only what ran is charged — driven rows, conversions of active tiles, neuron
/// updates, partial-sum additions, learning arithmetic, and every write pulse at the
/// conductance its device had. The ledger is linear in the counts, so a run, a window or a
/// sample is priced the same way, and the same counts can be priced under several presets.
///
/// Per event (pJ; `g` = G/Gmax, `x` the row input, `b` converter bits):
/// ```
/// cell read        V_read²·Gmax·t_read · Σ x²(g⁺ + g⁻)                   device preset
/// ADC conversion   E_ADC·factor(b_ADC)                                   SpikeSim + [assumption]
/// column mux       E_MUX per conversion                                  SpikeSim
/// row driver       E_drv per spike row;  DAC  E_drv·factor(b_DAC)        [assumption]
/// delay line       max(b_DAC, 8)·E_SRAM/bit per word written or read     Horowitz + [assumption]
/// partial sum      one 32-bit add per conversion                         Horowitz
/// active tile      E_Htree + E_fetch + E_TileBuf + X/8·E_TempBuf + 16·X/8·E_Sub   SpikeSim
/// neuron update    E_neuron / X                                          SpikeSim, per column
/// trace update     f32 mult + f32 add;  learning MAC  f32 mult + f32 add  Horowitz
/// update scaling   f32 mult per synapse of a written layer               Horowitz
/// χ update         ⌈bits/8⌉·(8-bit add) + 2·bits·E_SRAM/bit (read, write) Horowitz
/// SET pulse        V_set²·Gmax·t_set·g + C_wire·V_set²   (FeFET: C_gate·V² + C_wire·V²)
/// RESET pulse      the same with V_reset, t_reset
/// verify read      2·V_read²·Gmax·t_read + E_ADC + E_MUX + E_drv  (both cells at Gmax: a bound)
/// ```
public struct EnergyLedger: Equatable, Sendable {
    /// `V_read²·Gmax·t_read`, pJ per unit of Σ x²(g⁺ + g⁻).
    public let cellPicojoulesPerConductance: Double
    public let adcConversionPicojoules: Double
    public let columnMuxPicojoules: Double
    public let rowDriverPicojoules: Double
    public let dacConversionPicojoules: Double
    /// One word of the encoder's delay-line register (charged with the row drivers: it is
    /// the input path), `max(b_DAC, 8)` bits of SRAM (8 bits when the DAC is ideal).
    public let delayLineAccessPicojoules: Double
    public let partialSumAddPicojoules: Double
    /// Everything SpikeSim charges per PE cycle besides crossbar, converters and neurons.
    public let activeTilePicojoules: Double
    public let neuronUpdatePicojoules: Double
    public let traceUpdatePicojoules: Double
    public let learningMacPicojoules: Double
    public let updateScalingPicojoules: Double
    public let accumulatorUpdatePicojoules: Double
    /// `V_set²·Gmax·t_set` (0 for a FeFET), pJ per unit of Σ g over SET pulses.
    public let setPicojoulesPerConductance: Double
    public let resetPicojoulesPerConductance: Double
    /// Conductance-independent part of a SET pulse: `C_wire·V_set²` (+ `C_gate·V_set²`), pJ.
    public let setPulseFixedPicojoules: Double
    public let resetPulseFixedPicojoules: Double
    public let verifyReadPicojoules: Double

    /// The prices of `cost` applied to the devices, converters and write path of `hardware`.
    public init(cost: CostPreset, hardware: HardwareConfig) {
        let e = hardware.preset.electrical, xb = hardware.crossbar, s = cost.spikesim, d = cost.digital
        let gMax = Double(e.gMaxSiemens)
        let toPicojoules = 1e12
        let vRead = Double(e.readVoltage)
        cellPicojoulesPerConductance = vRead * vRead * gMax * Double(e.readPulseSeconds) * toPicojoules
        adcConversionPicojoules = cost.converters.adcScaled(bits: xb.adcBits, reference: s.adcPicojoules)
        columnMuxPicojoules = s.columnMuxPicojoules
        rowDriverPicojoules = cost.converters.rowDriverPicojoules
        dacConversionPicojoules = cost.converters.dacPicojoules(bits: xb.dacBits)
        delayLineAccessPicojoules = Double(max(xb.dacBits, 8)) * d.sramPicojoulesPerBit
        partialSumAddPicojoules = d.int32AddPicojoules
        activeTilePicojoules = s.tileOverheadPicojoules(crossbarSize: cost.crossbarSize)
        neuronUpdatePicojoules = s.neuronModulePicojoules / Double(cost.crossbarSize)
        traceUpdatePicojoules = d.float32MultiplyAddPicojoules
        learningMacPicojoules = d.float32MultiplyAddPicojoules
        updateScalingPicojoules = d.float32MultiplyPicojoules
        let chiBits = hardware.writePath.accumulatorBits
        accumulatorUpdatePicojoules = Double((chiBits + 7) / 8) * d.int8AddPicojoules
            + 2 * Double(chiBits) * d.sramPicojoulesPerBit

        let vSet = Double(e.setVoltage), vReset = Double(e.resetVoltage)
        let cGate = Double(e.gateCapacitanceFarads), cWire = Double(e.wireCapacitanceFarads)
        let fefet = cGate > 0
        setPicojoulesPerConductance = fefet ? 0 : vSet * vSet * gMax * Double(e.setPulseSeconds) * toPicojoules
        resetPicojoulesPerConductance = fefet ? 0 : vReset * vReset * gMax * Double(e.resetPulseSeconds) * toPicojoules
        setPulseFixedPicojoules = (cGate + cWire) * vSet * vSet * toPicojoules
        resetPulseFixedPicojoules = (cGate + cWire) * vReset * vReset * toPicojoules
        verifyReadPicojoules = 2 * cellPicojoulesPerConductance + adcConversionPicojoules
            + columnMuxPicojoules + rowDriverPicojoules
    }

    /// The energy of `c`, by component.
    public func price(_ c: OperationCounts) -> EnergyBreakdown {
        var b = EnergyBreakdown()
        b.crossbarCellsPicojoules = c.cellReadConductance * cellPicojoulesPerConductance
        b.adcPicojoules = c.adcConversions * adcConversionPicojoules
        b.dacRowDriversPicojoules = (c.activeRows - c.dacConversions) * rowDriverPicojoules
            + c.dacConversions * dacConversionPicojoules + c.delayLineAccesses * delayLineAccessPicojoules
        b.columnMuxPicojoules = c.adcConversions * columnMuxPicojoules
        b.accumulationPicojoules = c.partialSumAdds * partialSumAddPicojoules
        b.interconnectPicojoules = c.tileActivations * activeTilePicojoules
        b.neuronPicojoules = c.neuronUpdates * neuronUpdatePicojoules
        b.learningLogicPicojoules = c.traceUpdates * traceUpdatePicojoules + c.learningMacs * learningMacPicojoules
            + c.updateScalings * updateScalingPicojoules + c.accumulatorUpdates * accumulatorUpdatePicojoules
        let refreshResetPulses = c.refreshPulses - c.refreshSetPulses
        b.writePulsesPicojoules =
            (c.setConductance - c.refreshSetConductance) * setPicojoulesPerConductance
            + (c.setPulses - c.refreshSetPulses) * setPulseFixedPicojoules
            + (c.resetConductance - c.refreshResetConductance) * resetPicojoulesPerConductance
            + (c.resetPulses - refreshResetPulses) * resetPulseFixedPicojoules
        b.verifyReadsPicojoules = c.verifyReads * verifyReadPicojoules
        b.refreshPicojoules = c.refreshSetConductance * setPicojoulesPerConductance
            + c.refreshSetPulses * setPulseFixedPicojoules
            + c.refreshResetConductance * resetPicojoulesPerConductance
            + refreshResetPulses * resetPulseFixedPicojoules
        return b
    }
}

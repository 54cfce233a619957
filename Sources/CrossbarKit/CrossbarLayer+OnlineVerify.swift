import DeviceKit
import KitSupport

extension CrossbarLayer {
    /// An online write of `n` pulses' worth (signed) to pair `i` through per-device
    /// program-and-verify (`hardware.verify.onlineProgramVerify`), the loop that programs an
    /// imported model (``programVerify(_:timeSeconds:writeRNG:readRNG:counts:)``) applied to
    /// the change one update asks for. The controller does not know the pair's state; it reads
    /// it (k averaged verify reads, r₀), sets the target and drives the pair there:
    /// ```
    /// T = r₀ + n·s                         (s the nominal step)
    /// loop:  r = (1/k)·Σ_k read_i        (the first check is r₀ itself)
    ///        e = T − r
    ///        stop if |e| ≤ τ·s   or   p ≥ B
    ///        m = sign(e)·min(max(1, round(|e|/s)), c, B − p);  send m pulses;  p += |m|
    /// ```
    /// τ, B, c, k are ``VerifyParameters``' `program*` values. With c = 1 the change lands
    /// within τ·s of T up to the noise of two averaged reads (r₀ and the last check:
    /// √2·σ_read/√k), whatever one pulse's cycle-to-cycle noise is; an open-loop burst of
    /// n pulses carries √|n|·σ_pulse. The reads draw from ``onlineVerifyReads`` (stream 19),
    /// the pulses from `rng` (the run's write noise). Every read goes to `counts.verifyReads`;
    /// the caller adds the returned pulses to the counts and the row's write latency.
    /// Requires ``onlineVerifyReads``.
    func verifiedWrite(_ i: Int, pulses n: Int, timeSeconds t: Float, rng: inout SeededGenerator,
                       counts: inout OperationCounts) -> PulseTally {
        let k = preset.verify.programReadsPerVerify
        var r: Float = 0
        for _ in 0..<k { r += noisyPairRead(i, &onlineVerifyReads!) }
        counts.verifyReads += Double(k)
        let first = r / Float(k)
        let target = first + Float(n) * preset.device.nominalStep
        var tally = ProgramVerifyTally()
        let loop = verifyLoop(i, target: target, firstRead: first, timeSeconds: t, writeRNG: &rng,
                              readRNG: &onlineVerifyReads!, counts: &counts, tally: &tally)
        refreshSynapse(i, timeSeconds: t)
        return loop.sent
    }
}

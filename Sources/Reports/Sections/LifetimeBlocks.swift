/// The lifetime part of the endurance section: the projection tables and the weakest tile.
enum LifetimeBlocks {
    static func build(_ p: LifetimeProjection) -> [ReportBlock] {
        guard p.chip.devices > 0 else {
            return [.heading("Projected lifetime"),
                    .paragraph("No lifetime is projected: the run recorded no per-device wear state (it has no "
                        + "checkpoint, or its network could not be rebuilt).")]
        }
        return [
            .heading("Projected lifetime at \(Format.plain(p.samplesPerSecond)) samples/s"),
            .paragraph("Each device keeps its observed pulses per sample p = n / samples; it fails after "
                + "(N_end − n) / (p · R) seconds at R = \(Format.plain(p.samplesPerSecond)) samples/s. "
                + "Devices already failed count as failed now; devices never written never fail."),
            .table(table(groups: [p.chip] + p.layers, fractions: p.fractions, firstColumn: "group")),
            .paragraph(weakestSentence(p)),
            .table(table(groups: p.tiles.map(\.lifetime), fractions: p.fractions, firstColumn: "tile")),
        ]
    }

    static func columns(_ fractions: [Double]) -> [String] {
        fractions.map { share($0) + " failed" }
    }

    /// The CSV column headers of the same fractions (`seconds to 0.01 failed`, exact values).
    static func csvColumns(_ fractions: [Double]) -> [String] {
        fractions.map { "seconds to \(Format.csv($0)) failed" }
    }

    /// A failed fraction as a percentage, with one decimal below 1 % (`0.1 %`, `50 %`).
    static func share(_ fraction: Double) -> String {
        Format.percent(fraction, fraction < 0.01 ? 1 : 0)
    }

    static func table(groups: [GroupLifetime], fractions: [Double], firstColumn: String) -> ReportTable {
        let rows = groups.map { g in
            [g.name, "\(g.devices)", "\(g.failedNow)"] + g.secondsToFraction.map(Format.duration)
        }
        return ReportTable(columns: [firstColumn, "devices", "failed now"] + columns(fractions), rows: rows)
    }

    static func weakestSentence(_ p: LifetimeProjection) -> String {
        let share = share(p.rankingFraction)
        guard let w = p.weakestTile, let k = p.fractions.firstIndex(of: p.rankingFraction) else {
            return "Weakest tile: none — no tile is projected to reach \(share) failed devices at this rate."
        }
        let seconds = w.lifetime.secondsToFraction[k]
        let when = seconds == 0 ? "has already reached \(share) failed devices"
            : "reaches \(share) failed devices after \(Format.duration(seconds))"
        return "Weakest tile: \(w.layerName) tile \(w.tile.label), which \(when) (ties break on the other "
            + "fractions, then on layer and tile order)."
    }
}

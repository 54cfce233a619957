/// The projection from recent wear (issue #18) beside the whole-run one: the same tables with
/// each device's rate taken over the last K windows, and a sentence comparing the two.
enum RecentLifetimeBlocks {
    static func build(_ input: LifetimeInput, whole: LifetimeProjection) -> [ReportBlock] {
        guard input.hasRecentWear, let h = input.recentSamples else { return [] }
        let recent = LifetimeProjection(input, samplesPerSecond: whole.samplesPerSecond, fractions: whole.fractions,
                                        rankingFraction: whole.rankingFraction, recent: true)
        let k = whole.fractions.firstIndex(of: whole.rankingFraction)!
        let share = LifetimeBlocks.share(whole.rankingFraction)
        let windows = input.recentWindows.map { "the last \($0) windows, " } ?? ""
        return [
            .heading("Projected lifetime from recent wear at \(Format.plain(whole.samplesPerSecond)) samples/s"),
            .paragraph("The same projection with each device's rate taken over \(windows)\(Format.count(Double(h))) samples: "
                + "p = Δn / H instead of the whole run's n / samples; the remaining budget is still N_end − n. "
                + "Whole-run mean: \(share) of the chip failed \(when(whole.chip.secondsToFraction[k])); "
                + "recent wear: \(when(recent.chip.secondsToFraction[k])). A device with one pulse in "
                + "the horizon is projected at that rate, so the horizon sets the longest lifetime a written device can show."),
            .table(LifetimeBlocks.table(groups: [recent.chip] + recent.layers, fractions: recent.fractions, firstColumn: "group")),
            .paragraph(LifetimeBlocks.weakestSentence(recent)),
            .table(LifetimeBlocks.table(groups: recent.tiles.map(\.lifetime), fractions: recent.fractions, firstColumn: "tile")),
        ]
    }

    /// "after 3.09 days", "now", or "never".
    static func when(_ seconds: Double) -> String {
        seconds.isInfinite ? "never" : seconds == 0 ? "now" : "after \(Format.duration(seconds))"
    }
}

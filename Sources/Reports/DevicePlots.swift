import DeviceKit

/// SVG plots of device characterization (`spikebar device curve --svg`, `device endurance --svg`).
public enum DevicePlots {
    /// Mean weight against pulse number, with a ±1σ band drawn as two dashed lines.
    public static func curve(_ points: [CurvePoint], title: String) -> String {
        let mean = points.map { (x: Double($0.pulse), y: $0.mean) }
        let upper = points.map { (x: Double($0.pulse), y: $0.mean + $0.std) }
        let lower = points.map { (x: Double($0.pulse), y: $0.mean - $0.std) }
        let chart = LineChart(title: title, xLabel: "pulse", yLabel: "weight (device units)",
                              series: [.init(name: "mean", points: mean),
                                       .init(name: "mean + σ", points: upper, dashed: true),
                                       .init(name: "mean − σ", points: lower, dashed: true)])
        return chart.canvas().render(standalone: true)
    }

    /// Effective window and failed fraction against SET/RESET cycles.
    public static func endurance(_ points: [EndurancePoint], title: String) -> String {
        let x = points.map { Double(max($0.cycles, 1)) }
        func series(_ name: String, _ ys: [Double], dashed: Bool = false) -> LineChart.Series {
            .init(name: name, points: zip(x, ys).map { (x: $0, y: $1) }, dashed: dashed)
        }
        let chart = LineChart(title: title, xLabel: "SET/RESET cycles", yLabel: "G/Gmax, fraction",
                              series: [series("Gmax effective", points.map(\.gMaxEffective)),
                                       series("Gmin effective", points.map(\.gMinEffective)),
                                       series("failed fraction", points.map(\.failedFraction), dashed: true)],
                              yRange: 0...1)
        return chart.canvas().render(standalone: true)
    }
}

import KitSupport
import Testing

/// The minimizer `spikebar device fit` uses, on functions with known minima.
@Suite("Nelder–Mead")
struct NelderMeadTests {
    @Test("Rosenbrock's valley: (1, 1) from (−1.2, 1)")
    func rosenbrock() {
        let f: ([Double]) -> Double = { x in 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0]) }
        let r = NelderMead.minimize(f, start: [-1.2, 1], steps: [0.5, 0.5])
        #expect(abs(r.point[0] - 1) < 1e-5 && abs(r.point[1] - 1) < 1e-5, "\(r.point)")
        #expect(r.value < 1e-10 && r.evaluations <= 20_000)
    }

    @Test("a 5-dimensional quadratic bowl, and NaN read as +∞")
    func bowl() {
        let centre: [Double] = [3, -2, 0.5, 10, -7]
        let f: ([Double]) -> Double = { x in
            x[0] < -100 ? .nan : zip(x, centre).enumerated().reduce(0) { $0 + Double($1.offset + 1) * ($1.element.0 - $1.element.1) * ($1.element.0 - $1.element.1) }
        }
        let r = NelderMead.minimize(f, start: [0, 0, 0, 0, 0], steps: [1, 1, 1, 1, 1])
        for (x, c) in zip(r.point, centre) { #expect(abs(x - c) < 1e-4, "\(r.point)") }
    }

    @Test("the budget of evaluations is kept")
    func budget() {
        var calls = 0
        let r = NelderMead.minimize({ x in calls += 1; return x[0] * x[0] + x[1] * x[1] }, start: [5, 5], steps: [1, 1],
                                    tolerance: 0, maxEvaluations: 60)
        #expect(calls <= 60 + 2 && r.evaluations == calls)
    }
}
